/**
 * `reg query` output, line by line: which lines are values, which key they belong to, how each
 * registry type becomes a policy field (or is passed on for the schema to refuse), and how the
 * registry source asks reg.exe.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { listsPolicyKey, parseRegQuery, registryPolicyValues, type RegValue } from "./reg-query";
import type { RunTool, ToolOutput } from "./run-tool";
import { readRegistrySource, WINDOWS_TOOLS } from "./windows-sources";

const KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Refund Desk";

test("value lines: four-space columns, names and data with spaces, empty data, trailing blanks dropped, LF or CRLF", () => {
  const out = [
    "",
    KEY,
    "    Common AppData    REG_SZ    D:\\Program  Data",
    "    helpline    REG_SZ",
    "    counterName    REG_SZ    Kiosk    1   ",
    "    printerName    REG_EXPAND_SZ    %PRINTER%",
    "  notAValue    REG_SZ    two spaces only",
    "    lowercase    reg_sz    x",
    "\tgrievanceContact    REG_SZ    tab first",
    "    timeoutMs REG_DWORD 0x4e20",
    "junk    userCode    REG_SZ    20810200",
    "    kioskMode    REG_DWORD   0x1",
    "",
  ];
  for (const eol of ["\r\n", "\n"]) {
    assert.deepEqual(
      [...parseRegQuery(out.join(eol))],
      [
        ["Common AppData", { type: "REG_SZ", data: "D:\\Program  Data" }],
        ["helpline", { type: "REG_SZ", data: "" }],
        ["counterName", { type: "REG_SZ", data: "Kiosk    1" }],
        ["printerName", { type: "REG_EXPAND_SZ", data: "%PRINTER%" }],
      ],
      JSON.stringify(eol),
    );
  }
});

test("only the first key's values: nothing before it, nothing from a later key", () => {
  const before = "    environment    REG_SZ    production\r\n";
  const out = `${before}\r\n${KEY}\r\n    environment    REG_SZ    uat\r\n\r\n${KEY}\\Sub\r\n    kioskMode    REG_DWORD    0x1\r\n`;
  assert.deepEqual([...parseRegQuery(out)], [["environment", { type: "REG_SZ", data: "uat" }]]);
  assert.deepEqual([...parseRegQuery(before)], [], "values with no key above them");
  assert.deepEqual([...parseRegQuery("")], []);
});

test("the key is listed when one line is exactly its name, in any case and with blanks around it", () => {
  assert.equal(listsPolicyKey(`\r\n  ${KEY.toUpperCase()}  \r\n`), true);
  assert.equal(listsPolicyKey(`\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\n${KEY.toLowerCase()}\n`), true);
  assert.equal(listsPolicyKey(`\r\n${KEY}\\Sub\r\n`), false, "a subkey of ours is not our key");
  assert.equal(listsPolicyKey(`\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Other ${KEY}\r\n`), false);
  assert.equal(listsPolicyKey(""), false);
});

const reg = (entries: [string, string, string][]) =>
  new Map<string, RegValue>(entries.map(([name, type, data]) => [name, { type, data }]));

test("REG_DWORD: 0 and 1 are false and true for a yes/no field, other numbers go through as numbers", () => {
  assert.deepEqual(
    registryPolicyValues(
      reg([
        ["kioskMode", "REG_DWORD", "0x0"],
        ["settingsLocked", "REG_DWORD", "0x1"],
        ["rbiGrievance", "REG_DWORD", "0x2"],
        ["timeoutMs", "REG_DWORD", "0x4E20"],
        ["resendCooldownMs", "REG_DWORD", "0x0"],
        ["idleClearMinutes", "REG_DWORD", "0x1"],
        ["notAField", "REG_DWORD", "0xffffffff"],
      ]),
    ),
    {
      kioskMode: false,
      settingsLocked: true,
      rbiGrievance: 2,
      timeoutMs: 20_000,
      resendCooldownMs: 0,
      idleClearMinutes: 1,
      notAField: 4_294_967_295,
    },
  );
});

test("a value that is not what its type says, or of another type, is passed on as its type for the schema to refuse", () => {
  assert.deepEqual(
    registryPolicyValues(
      reg([
        ["kioskMode", "REG_DWORD", "1"],
        ["timeoutMs", "REG_DWORD", "0x100000000"],
        ["idleClearMinutes", "REG_DWORD", "0x"],
        ["settingsLocked", "REG_DWORD", "x0x1"],
        ["rbiGrievance", "REG_DWORD", "0x1 "],
        ["counterName", "REG_MULTI_SZ", "A\\0B"],
        ["environment", "REG_BINARY", "75617400"],
        ["helpline", "REG_QWORD", "0x1"],
      ]),
    ),
    {
      kioskMode: { registryType: "REG_DWORD" },
      timeoutMs: { registryType: "REG_DWORD" },
      idleClearMinutes: { registryType: "REG_DWORD" },
      settingsLocked: { registryType: "REG_DWORD" },
      rbiGrievance: { registryType: "REG_DWORD" },
      counterName: { registryType: "REG_MULTI_SZ" },
      environment: { registryType: "REG_BINARY" },
      helpline: { registryType: "REG_QWORD" },
    },
  );
  assert.deepEqual(registryPolicyValues(reg([["counterName", "REG_EXPAND_SZ", "Kiosk 1"]])), {
    counterName: "Kiosk 1",
  });
});

/** A runner answering the two registry queries; records each call whole, options included. */
function registry(parent: ToolOutput, key: ToolOutput) {
  const calls: { file: string; args: string[]; options: unknown }[] = [];
  const run: RunTool = async (file, args, options) => {
    calls.push({ file, args, options });
    return args.join(" ").includes("Refund Desk") ? key : parent;
  };
  return { run, calls };
}
const ok = (stdout: string): ToolOutput => ({ code: 0, stdout, stderr: "" });

test("the registry source asks cmd.exe to run reg.exe in UTF-8, verbatim, for the parent key then ours", async () => {
  const { run, calls } = registry(ok(`\r\n${KEY}\r\n`), ok(`\r\n${KEY}\r\n    counterName    REG_SZ    Kiosk 1\r\n`));
  assert.deepEqual(await readRegistrySource(run), {
    state: "found",
    origin: "HKLM\\SOFTWARE\\Policies\\Refund Desk",
    values: { counterName: "Kiosk 1" },
  });
  const reg = '"C:\\Windows\\System32\\reg.exe"';
  assert.deepEqual(calls, [
    {
      file: "C:\\Windows\\System32\\cmd.exe",
      args: ["/d", "/s", "/c", `"chcp 65001 >nul && ${reg} query "HKLM\\SOFTWARE\\Policies""`],
      options: { verbatim: true },
    },
    {
      file: "C:\\Windows\\System32\\cmd.exe",
      args: ["/d", "/s", "/c", `"chcp 65001 >nul && ${reg} query "HKLM\\SOFTWARE\\Policies\\Refund Desk""`],
      options: { verbatim: true },
    },
  ]);
});

test("a parent key that cannot be listed fails closed; an absent key is not asked for", async () => {
  const denied = registry({ code: 1, stdout: `\r\n${KEY}\r\n`, stderr: "ERROR: Access is denied.\r\n" }, ok(""));
  assert.deepEqual(await readRegistrySource(denied.run), {
    state: "broken",
    origin: "HKLM\\SOFTWARE\\Policies\\Refund Desk",
    reason: "registry-unreadable",
  });
  assert.equal(denied.calls.length, 1);
  const absent = registry(ok("\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\r\n"), ok(""));
  assert.deepEqual(await readRegistrySource(absent.run), { state: "absent" });
  assert.equal(absent.calls.length, 1);
  const emptyKey = registry(ok(`\r\n${KEY}\r\n`), ok(`\r\n${KEY}\r\n`));
  assert.deepEqual(await readRegistrySource(emptyKey.run), {
    state: "found",
    origin: "HKLM\\SOFTWARE\\Policies\\Refund Desk",
    values: {},
  });
});

test("every Windows tool is named by its absolute path under C:\\Windows, never looked up through PATH", () => {
  assert.deepEqual(WINDOWS_TOOLS, {
    cmd: "C:\\Windows\\System32\\cmd.exe",
    reg: "C:\\Windows\\System32\\reg.exe",
    powershell: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    whoami: "C:\\Windows\\System32\\whoami.exe",
  });
});
