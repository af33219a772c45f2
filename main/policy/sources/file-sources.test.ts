/**
 * Policy files as sources, edge by edge: the size limit, what is not a file or not JSON, a file
 * that goes away between the checks and the read, and on Windows how ProgramData and the file's
 * permissions are asked for (nothing is read before its owner and writers are known).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { parsedSource, policyFileState, readJsonSource } from "./json-source";
import { readManagedPreferences } from "./posix-sources";
import type { RunTool, ToolCall, ToolOutput } from "./run-tool";
import { readWindowsSources } from "./windows-sources";

const POLICY = '{"environment":"practice","counterName":"Training","kioskMode":false,"settingsLocked":false}';

test("JSON text: a leading byte-order mark is dropped (and only a leading one); anything but an object is refused", () => {
  assert.deepEqual(parsedSource("p", `\uFEFF{"counterName":"A"}`), {
    state: "found",
    origin: "p",
    values: { counterName: "A" },
  });
  assert.deepEqual(parsedSource("p", `{"counterName":"A\uFEFFB"}`), {
    state: "found",
    origin: "p",
    values: { counterName: "A\uFEFFB" },
  });
  for (const text of ["null", "[]", "[{}]", "3", '"text"', "true"])
    assert.deepEqual(parsedSource("p", text), { state: "broken", origin: "p", reason: "not-an-object" }, text);
  for (const text of ["", "{", "\uFEFF\uFEFF{}", '{"a":1}x'])
    assert.deepEqual(parsedSource("p", text), { state: "broken", origin: "p", reason: "not-json" }, text);
});

test("a policy file of exactly 64 KiB is read; one byte more is refused; a path through a file is unreadable", () => {
  const dir = tempDataDir("file-sources");
  const limit = join(dir, "limit.json");
  writeFileSync(limit, `{${" ".repeat(64 * 1024 - 2)}}`);
  assert.equal(policyFileState(limit), "present");
  assert.deepEqual(
    readJsonSource(limit, () => null),
    { state: "found", origin: limit, values: {} },
  );
  const over = join(dir, "over.json");
  writeFileSync(over, `{${" ".repeat(64 * 1024 - 1)}}`);
  assert.deepEqual(policyFileState(over), { state: "broken", origin: over, reason: "too-large" });
  const through = join(limit, "policy.json");
  assert.deepEqual(policyFileState(through), { state: "broken", origin: through, reason: "unreadable" });
  assert.deepEqual(
    readJsonSource(through, () => null),
    { state: "broken", origin: through, reason: "unreadable" },
  );
  assert.deepEqual(policyFileState(join(dir, "absent.json")), { state: "absent" });
  assert.deepEqual(policyFileState(dir), { state: "broken", origin: dir, reason: "not-a-file" });
});

test("a JSON source is judged for trust before it is read, and a file gone by the time it is read fails closed", () => {
  const dir = tempDataDir("file-sources");
  const path = join(dir, "policy.json");
  writeFileSync(path, POLICY);
  assert.deepEqual(
    readJsonSource(path, () => "writable-by-others"),
    {
      state: "broken",
      origin: path,
      reason: "writable-by-others",
    },
  );
  let asked = 0;
  const absent = readJsonSource(join(dir, "absent.json"), () => {
    asked++;
    return null;
  });
  assert.deepEqual(absent, { state: "absent" });
  assert.equal(asked, 0, "no file, nothing to judge");
  const vanished = readJsonSource(path, () => {
    rmSync(path);
    return null;
  });
  assert.deepEqual(vanished, { state: "broken", origin: path, reason: "unreadable" });
});

test("managed preferences: plutil is not run for an absent or untrusted file", async () => {
  const dir = tempDataDir("file-sources");
  let ran = 0;
  const run: RunTool = async () => {
    ran++;
    return { code: 0, stdout: POLICY, stderr: "" };
  };
  assert.deepEqual(await readManagedPreferences(run, { trustedUids: [0] }, join(dir, "absent.plist")), {
    state: "absent",
  });
  const path = join(dir, "in.refunddesk.app.plist");
  writeFileSync(path, "<plist/>");
  assert.deepEqual(await readManagedPreferences(run, { trustedUids: [4242] }, path), {
    state: "broken",
    origin: path,
    reason: "not-owned-by-root",
  });
  assert.equal(ran, 0);
  const read = await readManagedPreferences(run, { trustedUids: [0, process.getuid?.() ?? 0] }, path);
  assert.deepEqual(read, { state: "found", origin: path, values: JSON.parse(POLICY) });
  assert.equal(ran, 1);
});

const LOCKED_FILE = "O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1200a9;;;BU)";
const LOCKED_FOLDER = "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)";
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const script = (call: ToolCall) => Buffer.from(call.args.at(-1) ?? "", "base64").toString("utf16le");

interface WindowsMachine {
  folders?: string[];
  acl?: ToolOutput;
}

/** ProgramData in a real temp folder; the runner answers the registry script and Get-Acl and records the calls. */
function windowsMachine(machine: WindowsMachine, folderName = "ProgramData") {
  const root = join(tempDataDir("file-sources"), folderName);
  mkdirSync(join(root, "Refund Desk"), { recursive: true });
  const calls: ToolCall[] = [];
  const folders = machine.folders ?? ["folders present", `folders value String ${b64("Common AppData")} ${b64(root)}`];
  const run: RunTool = async (call) => {
    calls.push(call);
    if (script(call).includes("Write-Key"))
      return { code: 0, stdout: ["policy absent", ...folders].join("\r\n"), stderr: "" };
    return machine.acl ?? { code: 0, stdout: `${LOCKED_FILE}\r\n${LOCKED_FOLDER}\r\n`, stderr: "" };
  };
  const file = join(root, "Refund Desk", "policy.json");
  return { run, calls, root, file };
}

async function programDataRead(run: RunTool) {
  const [, file] = await readWindowsSources(run, "C:\\Windows", posix);
  return file;
}

test("ProgramData from Shell Folders' Common AppData (an absolute REG_SZ); anything else fails closed", async () => {
  const { run, calls, file } = windowsMachine({});
  writeFileSync(file, POLICY);
  assert.deepEqual(await programDataRead(run), { state: "found", origin: file, values: JSON.parse(POLICY) });
  assert.equal(calls.length, 2, "the registry once, then Get-Acl");
  const unknown = { state: "broken", origin: "ProgramData", reason: "program-data-unknown" };
  const answers = [
    ["folders present", `folders value ExpandString ${b64("Common AppData")} ${b64("C:\\ProgramData")}`],
    ["folders present", `folders value String ${b64("Common AppData")} ${b64("ProgramData")}`],
    ["folders present", `folders value String ${b64("Common Documents")} ${b64("C:\\Users\\Public")}`],
    ["folders present", `folders value DWord ${b64("Common AppData")} 1`],
    ["folders absent"],
  ];
  for (const folders of answers) {
    const machine = windowsMachine({ folders });
    assert.deepEqual(await programDataRead(machine.run), unknown, folders.join(" / "));
    assert.equal(machine.calls.length, 1, "nothing else is asked");
  }
});

test("Get-Acl is asked for the file, then its folder, module-qualified, by literal path with quotes doubled", async () => {
  const { run, calls, file } = windowsMachine({}, "Prog'Data");
  writeFileSync(file, POLICY);
  assert.equal((await programDataRead(run))?.state, "found");
  const folder = file.slice(0, -"/policy.json".length);
  const quoted = (path: string) => `'${path.replace(/'/g, "''")}'`;
  assert.match(file, /Prog'Data/);
  assert.equal(
    script(calls[1] as ToolCall),
    [
      "$ErrorActionPreference = 'Stop'",
      `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath ${quoted(file)}).Sddl)`,
      `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath ${quoted(folder)}).Sddl)`,
    ].join("\n"),
  );
  assert.ok(script(calls[1] as ToolCall).includes("Prog''Data"));
});

test("the file's and folder's permissions: exactly two lines from a tool that succeeded, else nothing is believed", async () => {
  const unreadable = async (acl: ToolOutput) => {
    const machine = windowsMachine({ acl });
    writeFileSync(machine.file, POLICY);
    const read = await programDataRead(machine.run);
    return read?.state === "broken" ? read.reason : read?.state;
  };
  const out = (stdout: string, code = 0): ToolOutput => ({ code, stdout, stderr: "" });
  assert.equal(await unreadable(out(`${LOCKED_FILE}\n\n${LOCKED_FOLDER}\n  \n`)), "found", "blank lines ignored");
  assert.equal(await unreadable(out(`${LOCKED_FILE}\r\n`)), "permissions-unreadable");
  assert.equal(
    await unreadable(out(`${LOCKED_FILE}\r\n${LOCKED_FOLDER}\r\n${LOCKED_FOLDER}\r\n`)),
    "permissions-unreadable",
  );
  assert.equal(await unreadable(out(`${LOCKED_FILE}\r\n${LOCKED_FOLDER}\r\n`, 1)), "permissions-unreadable");
  const agent = "O:S-1-5-21-1-2-3-1013G:SYD:PAI(A;;FA;;;SY)";
  assert.equal(await unreadable(out(`${agent}\r\n${LOCKED_FOLDER}\r\n`)), "not-owned-by-administrators");
  assert.equal(await unreadable(out(`${LOCKED_FILE}\r\n${agent}\r\n`)), "folder-not-owned-by-administrators");
  assert.equal(await unreadable(out(`${agent}\r\n${agent}\r\n`)), "not-owned-by-administrators", "the file's first");
  assert.equal(await unreadable(out(`${LOCKED_FILE}\r\nnot sddl\r\n`)), "folder-permissions-unreadable");
  assert.equal(await unreadable(out(`${LOCKED_FILE}\r\nO:BAG:SYD:NO_ACCESS_CONTROL\r\n`)), "folder-null-dacl");
});

test("an absent policy.json is not asked about; Windows reads the registry, then ProgramData's file", async () => {
  const { run, calls } = windowsMachine({});
  assert.deepEqual(await programDataRead(run), { state: "absent" });
  assert.equal(calls.length, 1, "no Get-Acl for a file that is not there");
  const both = windowsMachine({});
  writeFileSync(both.file, POLICY);
  const reads = await readWindowsSources(both.run, "C:\\Windows", posix);
  assert.deepEqual(reads, [{ state: "absent" }, { state: "found", origin: both.file, values: JSON.parse(POLICY) }]);
});
