/**
 * The OS's tools and their environment, built from the Windows folder the OS names (never from
 * this process's variables): every path, the working folder, every variable, PowerShell's
 * switches and the script it gets, and the macOS/Linux call.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { posixToolCall, powershellCall, windowsSystemRoot, windowsToolCall, windowsTools } from "./system-tools";

test("the Windows folder is where the kernel's \\SystemRoot link resolves, never %SystemRoot%", () => {
  const asked: string[] = [];
  const resolve = (answer: string) => (path: string) => {
    asked.push(path);
    return answer;
  };
  const saved = process.env.SystemRoot;
  process.env.SystemRoot = "C:\\Users\\agent\\FakeWindows";
  try {
    assert.equal(windowsSystemRoot(resolve("C:\\Windows")), "C:\\Windows");
    assert.equal(windowsSystemRoot(resolve("D:\\WINNT")), "D:\\WINNT", "Windows installed elsewhere");
    assert.equal(windowsSystemRoot(resolve("E:\\OS\\Windows 11")), "E:\\OS\\Windows 11");
  } finally {
    if (saved === undefined) delete process.env.SystemRoot;
    else process.env.SystemRoot = saved;
  }
  assert.deepEqual(asked, [
    "\\\\?\\GLOBALROOT\\SystemRoot",
    "\\\\?\\GLOBALROOT\\SystemRoot",
    "\\\\?\\GLOBALROOT\\SystemRoot",
  ]);
});

test("a link that cannot be opened means C:\\Windows; an answer that is not a plain local folder fails closed", () => {
  assert.equal(
    windowsSystemRoot(() => {
      throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    }),
    "C:\\Windows",
  );
  for (const odd of [
    "\\\\server\\share\\Windows",
    "\\\\?\\C:\\Windows",
    "C:\\",
    "C:",
    "Windows",
    "C:\\Windows\\",
    "C:/Windows",
    "C:\\Win\u0007dows",
    "C:\\Win|dows",
    "",
  ])
    assert.equal(
      windowsSystemRoot(() => odd),
      null,
      JSON.stringify(odd),
    );
});

test("every tool by its absolute path under the Windows folder; the system folder as working folder", () => {
  const tools = windowsTools("D:\\WINNT");
  assert.equal(tools.system32, "D:\\WINNT\\System32");
  assert.equal(tools.powershell, "D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  assert.equal(tools.whoami, "D:\\WINNT\\System32\\whoami.exe");
  assert.deepEqual(windowsToolCall(tools, tools.whoami, ["/user", "/groups"]), {
    file: "D:\\WINNT\\System32\\whoami.exe",
    args: ["/user", "/groups"],
    cwd: "D:\\WINNT\\System32",
    env: tools.env,
  });
});

test("a Windows tool's environment is the OS's: system folders only, the system modules only, no account variable", () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    PATH: "C:\\Users\\agent\\bin",
    PSModulePath: "C:\\Users\\agent\\Documents\\WindowsPowerShell\\Modules",
    USERPROFILE: "C:\\Users\\agent",
    TEMP: "C:\\Users\\agent\\AppData\\Local\\Temp",
  });
  try {
    assert.deepEqual(windowsTools("C:\\Windows").env, {
      SystemRoot: "C:\\Windows",
      windir: "C:\\Windows",
      SystemDrive: "C:",
      PATH: "C:\\Windows\\System32;C:\\Windows;C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
      PSModulePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules",
      PSModuleAnalysisCachePath: "NUL",
      TEMP: "C:\\Windows\\Temp",
      HOMEDRIVE: "",
      HOMEPATH: "",
      LOGONSERVER: "",
      USERDOMAIN: "",
      USERNAME: "",
      USERPROFILE: "",
    });
  } finally {
    for (const name of ["PATH", "PSModulePath", "USERPROFILE", "TEMP"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
});

test("libuv's variables are all set, so none is filled in from this process's environment", () => {
  // The names libuv copies from the parent when a child's environment lacks them (src/win/process.c).
  const required = [
    "HOMEDRIVE",
    "HOMEPATH",
    "LOGONSERVER",
    "PATH",
    "SYSTEMDRIVE",
    "SYSTEMROOT",
    "TEMP",
    "USERDOMAIN",
    "USERNAME",
    "USERPROFILE",
    "WINDIR",
  ];
  const names = Object.keys(windowsTools("C:\\Windows").env).map((name) => name.toUpperCase());
  for (const name of required) assert.ok(names.includes(name), name);
});

test("PowerShell: no profile, no prompt, Restricted, no standard input, the script encoded in UTF-16LE", () => {
  const tools = windowsTools("C:\\Windows");
  const script = "$x = 'पुणे \"quoted\"'\n(Microsoft.PowerShell.Security\\Get-Acl -LiteralPath 'C:\\a''b').Sddl";
  const ps = powershellCall(tools, script);
  assert.equal(ps.file, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  assert.equal(ps.cwd, "C:\\Windows\\System32");
  assert.equal(ps.env, tools.env);
  assert.deepEqual(ps.args.slice(0, -1), [
    "-NoLogo",
    "-NoProfile",
    "-NonInteractive",
    "-ExecutionPolicy",
    "Restricted",
    "-InputFormat",
    "None",
    "-EncodedCommand",
  ]);
  const encoded = ps.args.at(-1) ?? "";
  assert.match(encoded, /^[A-Za-z0-9+/]+=*$/, "nothing on the command line needs quoting");
  assert.equal(Buffer.from(encoded, "base64").toString("utf16le"), script);
});

test("macOS and Linux tools run from / with a PATH of system folders and nothing else", () => {
  assert.deepEqual(posixToolCall("/usr/bin/plutil", ["-convert", "json", "-o", "-", "/x.plist"]), {
    file: "/usr/bin/plutil",
    args: ["-convert", "json", "-o", "-", "/x.plist"],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
});
