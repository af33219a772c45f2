/**
 * The registry script's output, line by line: what is read, what fails the whole read, how text
 * survives any code page, and how each registry type becomes a policy field (or is passed on for
 * the schema to refuse).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { registryPolicyValues } from "./registry-values";
import { parseRegistryOutput, REGISTRY_SCRIPT, type RegValue } from "./windows-registry";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const value = (label: string, kind: string, name: string, data: string) =>
  `${label} value ${kind} ${b64(name)} ${data}`;
const FOLDERS = ["folders present", value("folders", "String", "Common AppData", b64("C:\\ProgramData"))];

test("the script asks .NET for the 64-bit registry, the two keys, and prints only ASCII (base64 text, decimal DWORDs)", () => {
  assert.match(REGISTRY_SCRIPT, /OpenBaseKey\('LocalMachine', 'Registry64'\)/);
  assert.match(REGISTRY_SCRIPT, /Write-Key policy 'SOFTWARE\\Policies\\Refund Desk'/);
  assert.match(
    REGISTRY_SCRIPT,
    /Write-Key folders 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders'/,
  );
  assert.match(
    REGISTRY_SCRIPT,
    /'DoNotExpandEnvironmentNames'/,
    "REG_EXPAND_SZ is never expanded with the account's variables",
  );
  assert.match(REGISTRY_SCRIPT, /\[Text\.Encoding\]::UTF8\.GetBytes/);
  assert.match(REGISTRY_SCRIPT, /\[BitConverter\]::ToUInt32/);
  assert.match(REGISTRY_SCRIPT, /trap \{[^}]*exit 3 \}/, "any error ends the script with a failure");
  assert.doesNotMatch(REGISTRY_SCRIPT, /chcp|cmd|reg\.exe|Get-ItemProperty|\$env:/i);
});

test("keys and values, any line ending; names and text decoded from UTF-8 exactly, Devanagari and all", () => {
  const out = [
    "policy present",
    value("policy", "String", "counterName", b64("पुणे काउंटर 3")),
    value("policy", "ExpandString", "printerName", b64("%PRINTER%")),
    value("policy", "DWord", "kioskMode", "1"),
    value("policy", "MultiString", "helpline", ""),
    ...FOLDERS,
  ];
  for (const eol of ["\r\n", "\n"]) {
    const read = parseRegistryOutput(out.join(eol) + eol);
    assert.deepEqual(
      read && { policy: [...(read.policy ?? [])], folders: [...(read.folders ?? [])] },
      {
        policy: [
          ["counterName", { type: "REG_SZ", data: "पुणे काउंटर 3" }],
          ["printerName", { type: "REG_EXPAND_SZ", data: "%PRINTER%" }],
          ["kioskMode", { type: "REG_DWORD", data: "1" }],
          ["helpline", { type: "REG_MULTI_SZ", data: "" }],
        ],
        folders: [["Common AppData", { type: "REG_SZ", data: "C:\\ProgramData" }]],
      },
      JSON.stringify(eol),
    );
  }
  assert.deepEqual(parseRegistryOutput(["policy absent", "folders absent"].join("\n")), {
    policy: null,
    folders: null,
  });
});

test("output that cannot be read whole is not believed: unknown lines, kinds or base64, a key twice or missing, a value before its key", () => {
  const cases: [string, string[]][] = [
    ["no output", []],
    ["a key missing", ["policy absent"]],
    ["a key twice", ["policy absent", "policy present", ...FOLDERS]],
    ["a value before its key", [value("policy", "String", "a", b64("b")), "policy present", ...FOLDERS]],
    ["a value of an absent key", ["policy absent", value("policy", "String", "a", b64("b")), ...FOLDERS]],
    ["an unknown kind", ["policy present", value("policy", "Link", "a", ""), ...FOLDERS]],
    ["a name not in base64", ["policy present", "policy value String a! " + b64("b"), ...FOLDERS]],
    ["text not in base64", ["policy present", value("policy", "String", "a", "YW"), ...FOLDERS]],
    ["a stray line", ["WARNING: something", "policy absent", ...FOLDERS]],
    ["an unknown key", ["policy absent", "other absent", ...FOLDERS]],
    ["trailing blanks", ["policy absent ", ...FOLDERS]],
  ];
  for (const [why, lines] of cases) assert.equal(parseRegistryOutput(lines.join("\r\n")), null, why);
});

const reg = (entries: [string, string, string][]) =>
  new Map<string, RegValue>(entries.map(([name, type, data]) => [name, { type, data }]));

test("REG_DWORD: 0 and 1 are false and true for a yes/no field, other numbers go through as numbers", () => {
  assert.deepEqual(
    registryPolicyValues(
      reg([
        ["kioskMode", "REG_DWORD", "0"],
        ["settingsLocked", "REG_DWORD", "1"],
        ["rbiGrievance", "REG_DWORD", "2"],
        ["timeoutMs", "REG_DWORD", "20000"],
        ["resendCooldownMs", "REG_DWORD", "0"],
        ["idleClearMinutes", "REG_DWORD", "1"],
        ["notAField", "REG_DWORD", "4294967295"],
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
        ["kioskMode", "REG_DWORD", "0x1"],
        ["timeoutMs", "REG_DWORD", "4294967296"],
        ["idleClearMinutes", "REG_DWORD", ""],
        ["settingsLocked", "REG_DWORD", "-1"],
        ["rbiGrievance", "REG_DWORD", "12345678901"],
        ["counterName", "REG_MULTI_SZ", ""],
        ["environment", "REG_BINARY", ""],
        ["helpline", "REG_QWORD", ""],
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
  assert.deepEqual(registryPolicyValues(reg([["counterName", "REG_EXPAND_SZ", "Kiosk %1"]])), {
    counterName: "Kiosk %1",
  });
});
