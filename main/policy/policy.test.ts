import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Policy } from "../../app/policy";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { hashPin } from "../admin/pin-hash";
import { createSettingsFile } from "../settings/settings-file";
import { testDesk } from "../test-support/desk";
import { tempDataDir } from "../test-support/temp-dir";
import { COUNTER_FILE } from "./counter-file";
import { resolveDeskPolicy } from "./desk-policy";
import { developmentTrust, loadMachinePolicyFile } from "./machine-policy";
import type { LockRecord } from "../admin/counter-lock";
import { overlayPolicy, parsePolicyJson, validatePolicy } from "./policy";

const GOOD = {
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  counterName: "Pune Camp – Counter 3",
  kioskMode: true,
  settingsLocked: true,
  adminPin: "048213",
  timeoutMs: 20_000,
};

const HASH = "$scrypt$ln=12,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

function problems(raw: unknown, use: "provision" | "machine" = "provision"): string[] {
  const result = validatePolicy(raw, use);
  assert.equal(result.ok, false, JSON.stringify(raw));
  return result.ok ? [] : result.error.map((e) => `${e.field}:${e.reason}`);
}

test("a complete provisioning policy is accepted, trimmed, and the PIN is kept apart from the policy", () => {
  const result = validatePolicy(
    { ...GOOD, initiatorId: " 9962981729 ", counterName: "  Pune Camp – Counter 3 " },
    "provision",
  );
  assert.ok(result.ok, JSON.stringify(result));
  const { adminPin: _pin, ...policy } = GOOD;
  assert.deepEqual(result.value.policy, policy);
  assert.ok(!("adminPin" in result.value.policy));
  assert.deepEqual(result.value.pin, { clear: "048213" });
});

test("Practice needs no Eko account; custom needs its base URL; a hash may stand in for the PIN; Devanagari names work", () => {
  assert.ok(
    validatePolicy(
      { environment: "practice", counterName: "Training room", kioskMode: false, settingsLocked: false },
      "provision",
    ).ok,
  );
  const custom = validatePolicy(
    { ...GOOD, environment: "custom", baseUrl: "https://api.eko.in:25002/ekoicici/v3/" },
    "provision",
  );
  assert.ok(custom.ok);
  assert.equal(custom.value.policy.baseUrl, "https://api.eko.in:25002/ekoicici/v3");
  const hashed = validatePolicy({ ...GOOD, adminPin: undefined, adminPinHash: HASH }, "machine");
  assert.ok(hashed.ok, JSON.stringify(hashed));
  assert.deepEqual(hashed.value.pin, { hash: HASH });
  assert.ok(validatePolicy({ ...GOOD, counterName: "पुणे काउंटर 3" }, "provision").ok);
});

test("each bad field is refused with its field and reason", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ environment: "staging" }, "environment:unknown-environment"],
    [{ environment: "custom" }, "baseUrl:required-for-custom"],
    [{ baseUrl: "https://eko.example/v3" }, "baseUrl:only-for-custom"],
    [{ environment: "custom", baseUrl: "http://eko.example/v3" }, "baseUrl:not-https"],
    [{ environment: "custom", baseUrl: "https://u:p@eko.example/v3" }, "baseUrl:has-credentials"],
    [{ developerKey: "has spaces in it" }, "developerKey:bad-shape"],
    [{ developerKey: undefined }, "developerKey:required-outside-practice"],
    [{ initiatorId: "12345" }, "initiatorId:not-10-digits"],
    [{ initiatorId: undefined }, "initiatorId:required-outside-practice"],
    [{ userCode: "2081020" }, "userCode:not-8-digits"],
    [{ counterName: "   " }, "counterName:empty"],
    [{ counterName: "C".repeat(65) }, "counterName:too-long"],
    [{ counterName: '=HYPERLINK("x")' }, "counterName:bad-characters"],
    [{ counterName: "Counter\n3" }, "counterName:bad-characters"],
    [{ adminPin: "4821" }, "adminPin:pin-too-short"],
    [{ adminPin: "12345" }, "adminPin:pin-too-short"],
    [{ adminPin: "12a4" }, "adminPin:passphrase-too-short"],
    [{ adminPin: "x".repeat(65) }, "adminPin:too-long"],
    [{ adminPin: "counter\u0000pass9" }, "adminPin:bad-characters"],
    [{ adminPin: undefined }, "adminPin:required-for-kiosk-or-lock"],
    [{ adminPinHash: HASH }, "adminPin:pin-and-hash-both-given"],
    [{ adminPin: undefined, adminPinHash: "$scrypt$ln=40,r=8,p=1$x$y" }, "adminPinHash:not-a-pin-hash"],
    [{ timeoutMs: 10 }, "timeoutMs:out-of-range"],
    [{ timeoutMs: 1500.5 }, "timeoutMs:not-a-whole-number"],
    [{ resendCooldownMs: 600_001 }, "resendCooldownMs:out-of-range"],
    [{ kioskMode: "yes" }, "kioskMode:expected-boolean"],
    [{ adminPin: 482113 }, "adminPin:expected-string"],
    [{ printerName: "Counter\u0007Printer" }, "printerName:bad-characters"],
    [{ settingsLocked: undefined }, "settingsLocked:required"],
    [{ counterName: undefined }, "counterName:required"],
    [{ developerkey: "becbbce45f79c6f5109f848acd540567" }, "developerkey:unknown-field"],
    [{ accessKey: "never-in-a-policy" }, "accessKey:unknown-field"],
  ];
  for (const [change, expected] of cases) {
    const raw: Record<string, unknown> = { ...GOOD, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete raw[key];
    assert.deepEqual(problems(raw), [expected], JSON.stringify(change));
  }
});

test("shape problems (unknown fields, types) come first, then every bad value at once; not JSON or not an object is the file's", () => {
  assert.deepEqual(problems({ ...GOOD, initiatorId: "1", adminPin: "x", extra: 1, more: 2 }), [
    "extra:unknown-field",
    "more:unknown-field",
  ]);
  assert.deepEqual(problems({ ...GOOD, initiatorId: "1", adminPin: "x", counterName: "" }), [
    "initiatorId:not-10-digits",
    "counterName:empty",
    "adminPin:passphrase-too-short",
  ]);
  assert.deepEqual(parsePolicyJson("{ nope", "provision"), {
    ok: false,
    error: [{ kind: "invalid-input", field: "file", reason: "not-json" }],
  });
  assert.deepEqual(problems([GOOD]), ["file:not-an-object"]);
  assert.deepEqual(problems(null), ["file:not-an-object"]);
  assert.deepEqual(problems(JSON.parse(`{"__proto__": {"kioskMode": false}, ${JSON.stringify(GOOD).slice(1)}`)), [
    "__proto__:unknown-field",
  ]);
});

test("the machine-wide policy may not carry the PIN in clear, and needs a hash for kiosk or lock", () => {
  assert.deepEqual(problems(GOOD, "machine"), ["adminPin:clear-pin-not-allowed-here"]);
  const { adminPin: _pin, ...noPin } = GOOD;
  assert.deepEqual(problems(noPin, "machine"), ["adminPinHash:required-for-kiosk-or-lock"]);
  assert.ok(validatePolicy({ ...noPin, kioskMode: false, settingsLocked: false }, "machine").ok);
});

test("overlay: every field the policy sets wins; what it leaves out stays the user's", () => {
  const user: Settings = {
    ...DEFAULT_SETTINGS,
    environment: "custom",
    customBaseUrl: "https://mine.example/v3",
    developerKey: "userkey123456",
    initiatorId: "9000000000",
    timeoutMs: 30_000,
    resendCooldownMs: 5_000,
  };
  const policy: Policy = {
    environment: "production",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    counterName: "C1",
    kioskMode: false,
    settingsLocked: false,
    resendCooldownMs: 60_000,
  };
  assert.deepEqual(overlayPolicy(user, policy), {
    ...user,
    environment: "production",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    resendCooldownMs: 60_000,
  });
  assert.equal(overlayPolicy(user, { ...policy, userCode: "20810200" }).userCode, "20810200");
  const practice: Policy = { environment: "practice", counterName: "C1", kioskMode: false, settingsLocked: false };
  assert.deepEqual(overlayPolicy(user, practice), { ...user, environment: "practice" });
  const custom: Policy = { ...practice, environment: "custom", baseUrl: "https://branch-proxy.example/v3" };
  assert.equal(overlayPolicy(user, custom).customBaseUrl, "https://branch-proxy.example/v3");
});

const DEV = developmentTrust();
const loadMachinePolicy = (path: string | null) => loadMachinePolicyFile(path, DEV);

function machineFile(content: string, mode = 0o644): string {
  const path = join(tempDataDir("machine-policy"), "policy.json");
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

const MACHINE = { ...GOOD, adminPin: undefined, adminPinHash: HASH };
const NO_DATA_FOLDER = { counter: null, pinHash: null };

test("loading: no file is no policy; a valid one applies; a damaged or truncated one fails with every reason", () => {
  assert.deepEqual(loadMachinePolicy(null), { state: "none" });
  assert.deepEqual(loadMachinePolicy(join(tempDataDir("machine-policy"), "absent.json")), { state: "none" });
  const good = machineFile(JSON.stringify(MACHINE));
  const applied = loadMachinePolicy(good);
  assert.equal(applied.state, "applied");
  const bad = machineFile(JSON.stringify({ ...MACHINE, initiatorId: "1", colour: "red" }));
  assert.deepEqual(loadMachinePolicy(bad), {
    state: "failed",
    problem: { path: bad, errors: [{ kind: "invalid-input", field: "colour", reason: "unknown-field" }] },
  });
  const torn = machineFile('{"environment": "uat", "counter');
  assert.deepEqual(loadMachinePolicy(torn), {
    state: "failed",
    problem: { path: torn, errors: [{ kind: "invalid-input", field: "file", reason: "not-json" }] },
  });
});

test("loading refuses a policy any user could rewrite, one in a folder others can write, a folder, and an oversized file", () => {
  const writable = machineFile(JSON.stringify(MACHINE), 0o666);
  const refused = loadMachinePolicy(writable);
  assert.ok(
    refused.state === "failed" && refused.problem.errors[0]?.reason === "writable-by-others",
    JSON.stringify(refused),
  );
  const openFolder = machineFile(JSON.stringify(MACHINE));
  chmodSync(dirname(openFolder), 0o777);
  const inOpenFolder = loadMachinePolicy(openFolder);
  assert.ok(
    inOpenFolder.state === "failed" && inOpenFolder.problem.errors[0]?.reason === "folder-writable-by-others",
    JSON.stringify(inOpenFolder),
  );
  const folder = join(tempDataDir("machine-policy"), "policy.json");
  mkdirSync(folder);
  const asFolder = loadMachinePolicy(folder);
  assert.ok(asFolder.state === "failed" && asFolder.problem.errors[0]?.reason === "not-a-file");
  const big = loadMachinePolicy(machineFile(" ".repeat(70_000)));
  assert.ok(big.state === "failed" && big.problem.errors[0]?.reason === "too-large");
});

test("a policy file owned by another (non-root) account is refused, even when nobody else may write it", () => {
  const path = machineFile(JSON.stringify(MACHINE));
  // The real file's stat, as an agent's account (uid 1001) would own it; and its folder as theirs.
  const ownedBy = (owned: string) => (p: string) => Object.assign(lstatSync(p), p === owned ? { uid: 1001 } : {});
  const root = { trustedUids: [0] };
  assert.equal(
    loadMachinePolicyFile(path, { ...root, stat: (p) => Object.assign(lstatSync(p), { uid: 0 }) }).state,
    "applied",
  );
  const file = loadMachinePolicyFile(path, { ...root, stat: ownedBy(path) });
  assert.ok(file.state === "failed" && file.problem.errors[0]?.reason === "not-owned-by-root", JSON.stringify(file));
  const folder = loadMachinePolicyFile(path, {
    ...root,
    stat: (p) => Object.assign(lstatSync(p), { uid: p === dirname(path) ? 1001 : 0 }),
  });
  assert.ok(
    folder.state === "failed" && folder.problem.errors[0]?.reason === "folder-not-owned-by-root",
    JSON.stringify(folder),
  );
});

const PROVISIONED: LockRecord = {
  provisioned: {
    policy: { environment: "practice", counterName: "Provisioned", kioskMode: false, settingsLocked: true },
    pinHash: "provisioned-hash",
  },
  lastMachine: null,
};

test("what is in force: a valid machine policy over what was provisioned; a broken one locks to what was known", () => {
  const applied = loadMachinePolicy(machineFile(JSON.stringify(MACHINE)));
  const machine = resolveDeskPolicy(applied, PROVISIONED, NO_DATA_FOLDER);
  assert.deepEqual(machine.desk, {
    source: "machine",
    counterName: GOOD.counterName,
    kioskMode: true,
    settingsLocked: true,
    adminPinSet: true,
    problem: null,
  });
  assert.equal(machine.pinHash, HASH);
  assert.equal(machine.overlay?.environment, "uat");

  const failed = loadMachinePolicy(machineFile("[]"));
  const locked = resolveDeskPolicy(failed, PROVISIONED, NO_DATA_FOLDER);
  assert.equal(locked.desk.settingsLocked, true);
  assert.equal(locked.desk.counterName, "Provisioned");
  assert.equal(locked.pinHash, "provisioned-hash");
  assert.deepEqual(locked.desk.problem?.errors, [{ kind: "invalid-input", field: "file", reason: "not-an-object" }]);

  // The last machine policy that applied: its kiosk, lock, PIN and settings stay in force.
  const lastMachine = {
    policy: {
      environment: "production" as const,
      developerKey: "policykey12345",
      initiatorId: "9111111111",
      counterName: "Kiosk 1",
      kioskMode: true,
      settingsLocked: false,
    },
    pinHash: HASH,
  };
  const asLast = resolveDeskPolicy(failed, { ...PROVISIONED, lastMachine }, NO_DATA_FOLDER);
  assert.deepEqual(
    { ...asLast.desk, problem: null },
    {
      source: "machine",
      counterName: "Kiosk 1",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: null,
    },
  );
  assert.equal(asLast.overlay?.environment, "production");

  // Nothing known at all: still locked, and no PIN opens it until the admin fixes the policy.
  const nothing = resolveDeskPolicy(failed, null, NO_DATA_FOLDER);
  assert.equal(nothing.desk.settingsLocked, true);
  assert.equal(nothing.desk.adminPinSet, false);

  assert.deepEqual(resolveDeskPolicy({ state: "none" }, null, NO_DATA_FOLDER).desk, {
    source: "none",
    counterName: null,
    kioskMode: false,
    settingsLocked: false,
    adminPinSet: false,
    problem: null,
  });
});

test("the keychain's provisioned lock wins over the data folder's copy, and its settings go over settings.json", () => {
  const dataFolder = {
    counter: { counterName: "Edited by hand", kioskMode: false, settingsLocked: false },
    pinHash: null,
  };
  const inForce = resolveDeskPolicy({ state: "none" }, PROVISIONED, dataFolder);
  assert.equal(inForce.desk.counterName, "Provisioned");
  assert.equal(inForce.desk.settingsLocked, true);
  assert.equal(inForce.pinHash, "provisioned-hash");
  assert.equal(inForce.overlay?.environment, "practice");
  assert.equal(
    resolveDeskPolicy({ state: "none" }, null, dataFolder).desk.counterName,
    "Edited by hand",
    "without a keychain record, the data folder's",
  );
});

test("the desk runs on the user's settings overlaid by the machine policy; the user's file is left as it was", async () => {
  const dataDir = tempDataDir("desk-policy");
  createSettingsFile(dataDir).save({ ...DEFAULT_SETTINGS, timeoutMs: 42_000, developerKey: "userkey123456" });
  const before = readFileSync(join(dataDir, "settings.json"), "utf8");
  // Settings not locked: a locked desk hides the account and refuses changes (main/admin/desk-admin.test.ts).
  const policyPath = machineFile(JSON.stringify({ ...MACHINE, settingsLocked: false, timeoutMs: undefined }));
  const { desk } = testDesk({ dataDir, machinePolicyPath: policyPath });
  try {
    const view = await desk.services.getSettings({});
    assert.ok(view.ok);
    assert.equal(view.value.environment, "uat");
    assert.equal(view.value.developerKey, GOOD.developerKey);
    assert.equal(view.value.timeoutMs, 42_000, "not set by the policy: the user's");
    assert.equal(view.value.baseUrl, "https://staging.eko.in/ekoapi/v3");
    assert.equal(readFileSync(join(dataDir, "settings.json"), "utf8"), before);
    assert.deepEqual(desk.policy, {
      source: "machine",
      counterName: GOOD.counterName,
      kioskMode: true,
      settingsLocked: false,
      adminPinSet: true,
      problem: null,
    });
    // A change the user saves is kept in their file, but the policy still wins where it speaks.
    const updated = await desk.services.updateSettings({ environment: "practice", timeoutMs: 5_000 });
    assert.ok(updated.ok);
    assert.equal(updated.value.environment, "uat");
    assert.equal(updated.value.timeoutMs, 5_000);
    assert.equal(createSettingsFile(dataDir).load().environment, "practice");
  } finally {
    await desk.close();
  }
});

test("a bad machine policy locks the counter: settings refused, Practice still answers, the problem kept for the UI", async () => {
  const policyPath = machineFile(JSON.stringify({ ...MACHINE, environment: "moon" }));
  const { desk, dataDir } = testDesk({ machinePolicyPath: policyPath });
  try {
    assert.deepEqual(desk.policy.problem, {
      path: policyPath,
      errors: [{ kind: "invalid-input", field: "environment", reason: "unknown-environment" }],
    });
    assert.equal(desk.policy.settingsLocked, true);
    assert.deepEqual(
      await desk.services.updateSettings({ environment: "custom", customBaseUrl: "https://mine.example/v3" }),
      { ok: false, error: { kind: "settings-locked" } },
    );
    assert.deepEqual(await desk.services.setAccessKey({ accessKey: "agent-key" }), {
      ok: false,
      error: { kind: "settings-locked" },
    });
    const otp = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(otp.ok, JSON.stringify(otp));
    assert.ok(!readdirSync(dataDir).includes(COUNTER_FILE));
  } finally {
    await desk.close();
  }
});

test("the machine policy's PIN hash is the one the desk checks", async () => {
  const hash = await hashPin("739146", { ln: 12, r: 8, p: 1 });
  const { desk } = testDesk({ machinePolicyPath: machineFile(JSON.stringify({ ...MACHINE, adminPinHash: hash })) });
  try {
    assert.ok((await desk.adminPin.check("739146")).ok);
    assert.equal((await desk.adminPin.check("739140")).ok, false);
  } finally {
    await desk.close();
  }
});
