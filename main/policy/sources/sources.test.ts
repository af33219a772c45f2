/**
 * The Windows and macOS sources end to end, through a runner that plays recorded outputs from
 * fixtures/ and records each call whole: which tool, which arguments, which folder and which
 * environment it was given, and what the policy becomes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { combineSources, readMachinePolicy } from "../machine-policy";
import { APPLE_PAYLOAD_KEYS } from "./apple-payload-keys";
import { readManagedPreferences } from "./posix-sources";
import type { RunTool, ToolCall, ToolOutput } from "./run-tool";
import { powershellCall, windowsTools } from "./system-tools";
import { REGISTRY_SCRIPT } from "./windows-registry";
import { readWindowsSources } from "./windows-sources";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const ok = (stdout: string): ToolOutput => ({ code: 0, stdout, stderr: "" });
const failed: ToolOutput = { code: 3, stdout: "", stderr: "Requested registry access is not allowed." };
const script = (call: ToolCall) => Buffer.from(call.args.at(-1) ?? "", "base64").toString("utf16le");

interface Machine {
  registry: ToolOutput;
  acl?: ToolOutput;
}

/** Plays the registry script's and Get-Acl's outputs; anything else is a tool the sources must not run. */
function windows(machine: Machine) {
  const calls: ToolCall[] = [];
  const run: RunTool = async (call) => {
    calls.push(call);
    if (call.file !== "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe") return failed;
    if (script(call) === REGISTRY_SCRIPT) return machine.registry;
    if (script(call).includes("Get-Acl")) return machine.acl ?? failed;
    return failed;
  };
  return { run, calls };
}

/** The registry's Shell Folders pointing at a real temp folder, so policy.json is a real file. */
function programData(policy: string | null, registry = "registry-no-policy.txt") {
  const root = tempDataDir("programdata");
  mkdirSync(join(root, "Refund Desk"));
  if (policy !== null) writeFileSync(join(root, "Refund Desk", "policy.json"), policy);
  const encoded = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const stdout = fixture(registry).replace(encoded("D:\\ProgramData"), encoded(root));
  return { root, file: join(root, "Refund Desk", "policy.json"), stdout };
}

const FILE_POLICY = JSON.stringify({
  environment: "practice",
  counterName: "From the file",
  kioskMode: false,
  settingsLocked: false,
});

test("Windows: the registry and ProgramData read by PowerShell from the system folder, in the OS's environment", async () => {
  const machine = programData(FILE_POLICY, "registry-policy.txt");
  const { run, calls } = windows({ registry: ok(machine.stdout), acl: ok(fixture("acl-locked.txt")) });
  const reads = await readWindowsSources(run, "C:\\Windows", posix);
  assert.deepEqual(
    reads.map((read) => read.state),
    ["found", "found"],
  );
  const tools = windowsTools("C:\\Windows");
  assert.deepEqual(calls[0], powershellCall(tools, REGISTRY_SCRIPT));
  assert.equal(calls.length, 2);
  for (const call of calls) {
    assert.equal(call.file, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
    assert.equal(call.cwd, "C:\\Windows\\System32");
    assert.deepEqual(call.env, tools.env);
    for (const value of Object.values(call.env)) {
      assert.ok(!/Users|Documents|AppData/i.test(value), `nothing of the account's: ${value}`);
    }
  }
  const folder = machine.file.slice(0, -"/policy.json".length);
  assert.equal(
    script(calls[1] as ToolCall),
    [
      "$ErrorActionPreference = 'Stop'",
      `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath '${machine.file}').Sddl)`,
      `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath '${folder}').Sddl)`,
    ].join("\n"),
    "module-qualified: a Get-Acl function or module of the account's cannot answer",
  );
});

test("Windows: the registry wins field by field over policy.json, its Devanagari exact; either broken fails the whole", async () => {
  const machine = programData(FILE_POLICY, "registry-policy.txt");
  const { run } = windows({ registry: ok(machine.stdout), acl: ok(fixture("acl-locked.txt")) });
  const policy = await readMachinePolicy({
    platform: "win32",
    run,
    overridePath: null,
    posixTrust: { trustedUids: [0] },
    windowsPaths: posix,
    windowsRoot: "C:\\Windows",
  });
  assert.ok(policy.state === "applied", JSON.stringify(policy));
  assert.equal(policy.valid.policy.counterName, "पुणे काउंटर 3");
  assert.equal(policy.valid.policy.environment, "uat");
  assert.equal(policy.path, `HKLM\\SOFTWARE\\Policies\\Refund Desk + ${machine.file}`);
  const open = windows({ registry: ok(machine.stdout), acl: ok(fixture("acl-everyone-writes.txt")) });
  const broken = combineSources(await readWindowsSources(open.run, "C:\\Windows", posix));
  assert.ok(broken.state === "failed");
  assert.deepEqual(broken.problem.errors, [
    { kind: "invalid-input", field: "file", reason: "writable-by-non-administrators" },
  ]);
});

test("Windows: no key is no policy; a registry that cannot be read fails both sources; no Windows folder runs nothing", async () => {
  const none = programData(null);
  assert.deepEqual(await readWindowsSources(windows({ registry: ok(none.stdout) }).run, "C:\\Windows", posix), [
    { state: "absent" },
    { state: "absent" },
  ]);
  const denied = windows({ registry: failed });
  assert.deepEqual(await readWindowsSources(denied.run, "C:\\Windows", posix), [
    { state: "broken", origin: "HKLM\\SOFTWARE\\Policies\\Refund Desk", reason: "registry-unreadable" },
    { state: "broken", origin: "ProgramData", reason: "program-data-unknown" },
  ]);
  assert.equal(denied.calls.length, 1);
  const garbled = windows({ registry: ok("policy present\r\nWARNING: profile\r\n") });
  assert.equal((await readWindowsSources(garbled.run, "C:\\Windows", posix))[0]?.state, "broken");
  const nowhere = windows({ registry: ok(none.stdout) });
  const unknown = await readWindowsSources(nowhere.run, null, posix);
  assert.deepEqual(unknown, [{ state: "broken", origin: "SystemRoot", reason: "system-folder-unknown" }]);
  assert.equal(nowhere.calls.length, 0);
  assert.equal(combineSources(unknown).state, "failed");
});

test("Windows: the tools of the Windows folder the OS names, wherever it is", async () => {
  const none = programData(null);
  const calls: ToolCall[] = [];
  const run: RunTool = async (call) => {
    calls.push(call);
    return ok(none.stdout);
  };
  await readWindowsSources(run, "D:\\WINNT", posix);
  assert.deepEqual(calls, [powershellCall(windowsTools("D:\\WINNT"), REGISTRY_SCRIPT)]);
  assert.equal(calls[0]?.file, "D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  assert.equal(calls[0]?.env.PSModulePath, "D:\\WINNT\\System32\\WindowsPowerShell\\v1.0\\Modules");
});

test("macOS: plutil by its absolute path, from /, in a fixed environment", async () => {
  const dir = tempDataDir("managed-prefs");
  const path = join(dir, "in.refunddesk.app.plist");
  writeFileSync(path, "<plist/>");
  const calls: ToolCall[] = [];
  const plutil =
    (code: number, stdout: string): RunTool =>
    async (call) => {
      calls.push(call);
      return { code, stdout, stderr: "" };
    };
  const trust = { trustedUids: [0, process.getuid?.() ?? 0] };
  const read = await readManagedPreferences(plutil(0, fixture("plutil-managed-preferences.json")), trust, path);
  assert.equal(combineSources([read]).state, "applied");
  assert.deepEqual(calls, [
    {
      file: "/usr/bin/plutil",
      args: ["-convert", "json", "-o", "-", path],
      cwd: "/",
      env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
    },
  ]);
  const damaged = await readManagedPreferences(plutil(1, ""), trust, path);
  assert.deepEqual(damaged, { state: "broken", origin: path, reason: "not-a-plist" });
  chmodSync(path, 0o666);
  const open = await readManagedPreferences(plutil(0, fixture("plutil-managed-preferences.json")), trust, path);
  assert.deepEqual(open, { state: "broken", origin: path, reason: "writable-by-others" });
  assert.deepEqual(await readManagedPreferences(plutil(0, ""), trust, join(dir, "absent.plist")), { state: "absent" });
});

test("macOS: Apple's payload keys beside the policy are set aside by exact name; any other key is still refused", async () => {
  const dir = tempDataDir("managed-prefs");
  const path = join(dir, "in.refunddesk.app.plist");
  writeFileSync(path, "<plist/>");
  const trust = { trustedUids: [0, process.getuid?.() ?? 0] };
  const read = (values: object) =>
    readManagedPreferences(async () => ok(JSON.stringify(values)), trust, path).then((source) =>
      combineSources([source]),
    );
  const policy = { environment: "practice", counterName: "Kiosk 9", kioskMode: false, settingsLocked: false };
  const payload = Object.fromEntries(APPLE_PAYLOAD_KEYS.map((key, index) => [key, index]));
  const applied = await read({ ...payload, ...policy });
  assert.ok(applied.state === "applied", JSON.stringify(applied));
  assert.deepEqual(applied.valid.policy, policy);
  for (const stray of ["payloadUUID", "PayloadContent", "PayloadUUIDs", "_manualprofile", "MCXFlags", "kioskmode"]) {
    const refused = await read({ ...payload, ...policy, [stray]: "x" });
    assert.ok(refused.state === "failed", stray);
    assert.deepEqual(
      refused.problem.errors.map((error) => `${error.field}:${error.reason}`),
      [`${stray}:unknown-field`],
      stray,
    );
  }
  assert.deepEqual([...APPLE_PAYLOAD_KEYS].sort(), [
    "PayloadDescription",
    "PayloadDisplayName",
    "PayloadEnabled",
    "PayloadIdentifier",
    "PayloadOrganization",
    "PayloadRemovalDisallowed",
    "PayloadScope",
    "PayloadType",
    "PayloadUUID",
    "PayloadVersion",
    "_manualProfile",
  ]);
});
