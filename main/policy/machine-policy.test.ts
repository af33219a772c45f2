/**
 * Sources combined into one machine policy (broken beats found, the first source wins field by
 * field), the development override on each OS, where an admin puts policy.json, the counter file
 * `provision` leaves, and the field list the machine-wide templates are made from.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { counterPath, counterText, readCounterFile } from "./counter-file";
import {
  combineSources,
  developmentTrust,
  loadMachinePolicyFile,
  machinePolicyPath,
  readMachinePolicy,
} from "./machine-policy";
import { validatePolicy } from "./policy";
import { en } from "../../app/messages/en";
import { hi } from "../../app/messages/hi";
import { MACHINE_POLICY_FIELDS, POLICY_FIELDS, policyField } from "../../app/setting-fields";
import { POSIX_POLICY_PATHS } from "./sources/posix-sources";
import type { RunTool } from "./sources/run-tool";
import { TEST_SECRETS } from "../test-support/test-secrets";

const BASE = { environment: "practice", counterName: "From the file", kioskMode: false, settingsLocked: false };

test("every broken source is named, in order, and fails the policy even beside a good one", () => {
  assert.deepEqual(
    combineSources([
      { state: "broken", origin: "HKLM", reason: "registry-unreadable" },
      { state: "found", origin: "C:\\ProgramData\\Refund Desk\\policy.json", values: BASE },
      { state: "absent" },
      { state: "broken", origin: "ProgramData", reason: "program-data-unknown" },
    ]),
    {
      state: "failed",
      problem: {
        path: "HKLM + ProgramData",
        errors: [
          { kind: "invalid-input", field: "file", reason: "registry-unreadable" },
          { kind: "invalid-input", field: "file", reason: "program-data-unknown" },
        ],
      },
    },
  );
});

test("found sources merge, the first winning field by field; absent ones are no policy and add nothing", () => {
  assert.deepEqual(combineSources([]), { state: "none" });
  assert.deepEqual(combineSources([{ state: "absent" }, { state: "absent" }]), { state: "none" });
  const merged = combineSources([
    { state: "found", origin: "registry", values: { counterName: "From the registry", kioskMode: false } },
    { state: "absent" },
    { state: "found", origin: "file", values: { ...BASE, printerName: "Star TSP143" } },
  ]);
  assert.deepEqual(merged, {
    state: "applied",
    path: "registry + file",
    valid: {
      policy: {
        environment: "practice",
        counterName: "From the registry",
        kioskMode: false,
        settingsLocked: false,
        printerName: "Star TSP143",
      },
      pin: null,
    },
  });
  assert.deepEqual(combineSources([{ state: "absent" }, { state: "found", origin: "file", values: BASE }]), {
    state: "applied",
    path: "file",
    valid: { policy: BASE, pin: null },
  });
  assert.deepEqual(
    combineSources([
      { state: "found", origin: "registry", values: { ...BASE, adminPin: TEST_SECRETS.adminPins.provision } },
    ]),
    {
      state: "failed",
      problem: {
        path: "registry",
        errors: [{ kind: "invalid-input", field: "adminPin", reason: "clear-pin-not-allowed-here" }],
      },
    },
    "judged as a machine-wide policy: no PIN in clear",
  );
});

test("a PIN hash made at a lower cost than the app's own (ln 17, r 8) fails the policy and says how to make one", () => {
  const salt = "BwcHBwcHBwcHBwcHBwcHBw";
  const hash = "Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
  const withHash = (params: string) =>
    combineSources([
      { state: "found", origin: "registry", values: { ...BASE, adminPinHash: `$scrypt$${params}$${salt}$${hash}` } },
    ]);
  for (const [params, ln, r] of [
    ["ln=16,r=8,p=1", 16, 8],
    ["ln=12,r=8,p=1", 12, 8],
    ["ln=17,r=4,p=1", 17, 4],
  ] as const) {
    assert.deepEqual(
      withHash(params),
      {
        state: "failed",
        problem: {
          path: "registry",
          errors: [
            {
              kind: "invalid-input",
              field: "adminPinHash",
              reason: `pin-hash-too-cheap: ln=${ln},r=${r} is below the app's ln=17,r=8; make the hash with refund-desk pin-hash`,
            },
          ],
        },
      },
      params,
    );
  }
  for (const params of ["ln=17,r=8,p=1", "ln=18,r=8,p=1", "ln=17,r=8,p=2"]) {
    assert.equal(withHash(params).state, "applied", params);
  }
  // Beside the policy's other problems, not instead of them.
  const alsoBroken = combineSources([
    {
      state: "found",
      origin: "registry",
      values: { ...BASE, timoutMs: 1, adminPinHash: `$scrypt$ln=16,r=8,p=1$${salt}$${hash}` },
    },
  ]);
  assert.deepEqual(
    alsoBroken.state === "failed" && alsoBroken.problem.errors.map((e) => `${e.field}:${e.reason.split(":")[0]}`),
    ["timoutMs:unknown-field", "adminPinHash:pin-hash-too-cheap"],
  );
});

function policyFile(values: object, mode: number): string {
  const path = join(tempDataDir("machine-policy"), "policy.json");
  writeFileSync(path, JSON.stringify(values));
  chmodSync(path, mode);
  return path;
}

const noTool = async () => ({ code: 9009, stdout: "", stderr: "not expected" });

test("the development override: on Windows without POSIX owners, elsewhere under the same owner rules", async () => {
  const open = policyFile(BASE, 0o666);
  const options = { run: noTool, overridePath: open, posixTrust: developmentTrust() };
  assert.deepEqual(await readMachinePolicy({ ...options, platform: "win32" }), {
    state: "applied",
    path: open,
    valid: { policy: BASE, pin: null },
  });
  for (const platform of ["linux", "darwin"] as const) {
    assert.deepEqual(await readMachinePolicy({ ...options, platform }), {
      state: "failed",
      problem: { path: open, errors: [{ kind: "invalid-input", field: "file", reason: "writable-by-others" }] },
    });
  }
  const sound = policyFile(BASE, 0o644);
  assert.equal((await readMachinePolicy({ ...options, overridePath: sound, platform: "linux" })).state, "applied");
  assert.deepEqual(loadMachinePolicyFile(null, developmentTrust()), { state: "none" });
  assert.deepEqual(loadMachinePolicyFile(open, developmentTrust()), {
    state: "failed",
    problem: { path: open, errors: [{ kind: "invalid-input", field: "file", reason: "writable-by-others" }] },
  });
});

test("macOS: managed preferences (through plutil) win field by field over policy.json; Linux reads its one file", async () => {
  const dir = tempDataDir("machine-policy");
  const paths = {
    managedPreferences: join(dir, "in.refunddesk.app.plist"),
    darwin: join(dir, "darwin-policy.json"),
    linux: join(dir, "linux-policy.json"),
  };
  writeFileSync(paths.managedPreferences, "<plist/>");
  writeFileSync(paths.darwin, JSON.stringify(BASE));
  writeFileSync(paths.linux, JSON.stringify({ ...BASE, counterName: "Linux" }));
  const ran: string[][] = [];
  const plutil: RunTool = async (call) => {
    ran.push([call.file, ...call.args]);
    return { code: 0, stdout: '{"counterName": "From the profile"}', stderr: "" };
  };
  const options = { run: plutil, overridePath: null, posixTrust: developmentTrust(), posixPaths: paths };
  assert.deepEqual(await readMachinePolicy({ ...options, platform: "darwin" }), {
    state: "applied",
    path: `${paths.managedPreferences} + ${paths.darwin}`,
    valid: { policy: { ...BASE, counterName: "From the profile" }, pin: null },
  });
  assert.deepEqual(ran, [["/usr/bin/plutil", "-convert", "json", "-o", "-", paths.managedPreferences]]);
  assert.deepEqual(await readMachinePolicy({ ...options, platform: "linux" }), {
    state: "applied",
    path: paths.linux,
    valid: { policy: { ...BASE, counterName: "Linux" }, pin: null },
  });
  assert.equal(ran.length, 1, "no plutil on Linux");
  const standard = await readMachinePolicy({ ...options, posixPaths: undefined, platform: "linux" });
  assert.deepEqual(standard, loadMachinePolicyFile("/etc/refund-desk/policy.json", developmentTrust()));
});

test("where an admin or an MDM profile puts the policy on each OS", () => {
  assert.deepEqual(POSIX_POLICY_PATHS, {
    managedPreferences: "/Library/Managed Preferences/in.refunddesk.app.plist",
    darwin: "/Library/Application Support/Refund Desk/policy.json",
    linux: "/etc/refund-desk/policy.json",
  });
  assert.equal(
    machinePolicyPath({ ProgramData: "D:\\ProgramData" }, "win32"),
    "D:\\ProgramData\\Refund Desk\\policy.json",
  );
  assert.equal(machinePolicyPath({}, "win32"), "C:\\ProgramData\\Refund Desk\\policy.json");
  assert.equal(
    machinePolicyPath({ ProgramData: "D:\\ProgramData" }, "darwin"),
    "/Library/Application Support/Refund Desk/policy.json",
  );
  assert.equal(machinePolicyPath({}, "linux"), "/etc/refund-desk/policy.json");
});

test("in development a policy file may be the developer's own or root's, nobody else's; root's alone without accounts", () => {
  assert.deepEqual(developmentTrust(), { trustedUids: [0, process.getuid?.() ?? 0] });
  // Windows has no POSIX accounts (no process.getuid).
  const getuid = Object.getOwnPropertyDescriptor(process, "getuid");
  Object.defineProperty(process, "getuid", { value: undefined, configurable: true, writable: true });
  try {
    assert.deepEqual(developmentTrust(), { trustedUids: [0] });
  } finally {
    if (getuid) Object.defineProperty(process, "getuid", getuid);
  }
});

test("the counter file: the counter, kiosk and lock only, as provisioned; anything damaged reads as not provisioned", () => {
  const text = counterText({
    environment: "uat",
    developerKey: "becbbce45f79c6f5109f848acd540567",
    counterName: "Kiosk 1",
    kioskMode: true,
    settingsLocked: false,
  });
  assert.equal(text, '{\n  "counterName": "Kiosk 1",\n  "kioskMode": true,\n  "settingsLocked": false\n}\n');
  const dataDir = tempDataDir("counter-file");
  assert.equal(counterPath(dataDir), join(dataDir, "counter.json"));
  assert.equal(readCounterFile(dataDir), null, "none yet");
  writeFileSync(join(dataDir, "counter.json"), text);
  assert.deepEqual(readCounterFile(dataDir), { counterName: "Kiosk 1", kioskMode: true, settingsLocked: false });
  writeFileSync(
    join(dataDir, "counter.json"),
    JSON.stringify({ counterName: "K", kioskMode: false, settingsLocked: true, x: 1 }),
  );
  assert.deepEqual(readCounterFile(dataDir), { counterName: "K", kioskMode: false, settingsLocked: true });
  const damaged = [
    "{",
    "null",
    JSON.stringify({ counterName: 1, kioskMode: true, settingsLocked: false }),
    JSON.stringify({ counterName: "K", kioskMode: "true", settingsLocked: false }),
    JSON.stringify({ counterName: "K", kioskMode: true, settingsLocked: 0 }),
    JSON.stringify({ counterName: "K", kioskMode: true }),
  ];
  for (const content of damaged) {
    writeFileSync(join(dataDir, "counter.json"), content);
    assert.equal(readCounterFile(dataDir), null, content);
  }
});

test("the machine-wide field list leaves out only the PIN in clear; fields are found by their exact name", () => {
  const names = MACHINE_POLICY_FIELDS.map((field) => field.name);
  assert.ok(!names.includes("adminPin"));
  assert.deepEqual(names, [
    "environment",
    "baseUrl",
    "developerKey",
    "initiatorId",
    "userCode",
    "counterName",
    "kioskMode",
    "settingsLocked",
    "adminPinHash",
    "timeoutMs",
    "resendCooldownMs",
    "printerName",
    "paperSize",
    "agentCopy",
    "receiptLanguages",
    "helpline",
    "grievanceContact",
    "rbiGrievance",
    "idleClearMinutes",
    "maxClockCorrectionMinutes",
    "signer",
    "pkcs11Module",
    "journalRetentionMonths",
    "pkcs11Token",
    "pkcs11Key",
  ]);
  assert.equal(policyField("adminPin")?.provisionOnly, true);
  assert.deepEqual(policyField("kioskMode")?.kind, { type: "boolean" });
  assert.equal(policyField("KioskMode"), undefined);
  assert.equal(policyField(""), undefined);
});

test("every field is explained in English and in Hindi for the admin templates and the field table", () => {
  for (const field of POLICY_FIELDS) {
    const english = en.settingNote[field.field];
    const hindi = hi.settingNote[field.field];
    assert.match(english, /^[A-Z`].*[.)]$/u, `${field.name} en`);
    assert.doesNotMatch(english, /\p{Script=Devanagari}/u, `${field.name} en`);
    assert.match(hindi, /\p{Script=Devanagari}/u, `${field.name} hi`);
    assert.match(hindi, /।$/u, `${field.name} hi`);
  }
});

test("a note that names a field's default names the table's, in both languages: the words cannot drift from the value", () => {
  const FORMS = {
    en: {
      says: /default/i,
      forms: [/(\S+) \((?:[^()]*, )?the default\)/, /\(default ([^)]+)\)/, /The default, ([^,]+),/],
    },
    hi: { says: /डिफ़ॉल्ट/, forms: [/(\S+) \((?:[^()]*, )?डिफ़ॉल्ट\)/, /\(डिफ़ॉल्ट ([^)]+)\)/, /डिफ़ॉल्ट (\S+) /] },
  };
  const catalogues = { en, hi };
  let named = 0;
  for (const field of POLICY_FIELDS)
    for (const lang of ["en", "hi"] as const) {
      const note = catalogues[lang].settingNote[field.field];
      if (!FORMS[lang].says.test(note)) continue;
      const said = FORMS[lang].forms.map((form) => form.exec(note)?.[1]).find((value) => value !== undefined);
      assert.ok(said !== undefined, `${field.name} (${lang}): a default in a form the test does not read: ${note}`);
      assert.equal(said, String(field.default), `${field.name}'s ${lang} note says its default is ${said}`);
      named += 1;
    }
  assert.equal(named, 14, "seven notes name a default, in each language");
});

test("the profile example's values make a valid machine policy, each kept as written", () => {
  const example = Object.fromEntries(
    POLICY_FIELDS.filter((field) => field.example !== undefined).map((field) => [field.name, field.example]),
  );
  assert.match(String(example.adminPinHash), /^\$scrypt\$.*refund-desk pin-hash$/);
  const hash = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
  const valid = validatePolicy({ ...example, adminPinHash: hash }, "machine");
  assert.ok(valid.ok, JSON.stringify(valid));
  assert.deepEqual(valid.value.policy, {
    environment: "production",
    developerKey: "becbbce45f79c6f5109f848acd540567",
    initiatorId: "9962981729",
    userCode: "20810200",
    counterName: "Pune Camp – Counter 3",
    kioskMode: true,
    settingsLocked: true,
    timeoutMs: 20_000,
    resendCooldownMs: 30_000,
    printerName: "EPSON TM-T82 Receipt",
    paperSize: "58mm",
    helpline: "1800 123 4567",
    idleClearMinutes: 2,
    maxClockCorrectionMinutes: 360,
    journalRetentionMonths: 36,
  });
});
