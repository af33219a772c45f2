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
import { TEST_SECRETS } from "../test-support/test-secrets";
import { COUNTER_FILE } from "./counter-file";
import { developmentTrust, loadMachinePolicyFile } from "./machine-policy";
import { overlayPolicy, parsePolicyJson, policyFromSettings, validatePolicy } from "./policy";

const GOOD = {
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  counterName: "Pune Camp – Counter 3",
  kioskMode: true,
  settingsLocked: true,
  adminPin: TEST_SECRETS.adminPins.provision,
  timeoutMs: 20_000,
};

const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

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
  assert.deepEqual(result.value.pin, { clear: TEST_SECRETS.adminPins.provision });
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
    [{ environment: "staging" }, "environment:unknown-choice"],
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
    [{ accessKey: TEST_SECRETS.accessKeys.inPolicy }, "accessKey:unknown-field"],
  ];
  for (const [change, expected] of cases) {
    const raw: Record<string, unknown> = { ...GOOD, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete raw[key];
    assert.deepEqual(problems(raw), [expected], JSON.stringify(change));
  }
});

test("every bad field at once, an unknown or misspelt one first, one of the wrong type beside the bad values; not JSON or not an object is the file's", () => {
  assert.deepEqual(problems({ ...GOOD, initiatorId: "1", adminPin: "x", extra: 1, more: 2 }), [
    "extra:unknown-field",
    "more:unknown-field",
    "initiatorId:not-10-digits",
    "adminPin:passphrase-too-short",
  ]);
  assert.deepEqual(problems({ ...GOOD, timoutMs: 20_000, kioskMode: "yes", idleClearMinutes: 99, helpline: "=x" }), [
    "timoutMs:unknown-field",
    "kioskMode:expected-boolean",
    "helpline:bad-characters",
    "idleClearMinutes:out-of-range",
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
    developerKey: `userkey${TEST_SECRETS.otps.practice}`,
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

test("loading: no file is no policy; a valid one applies; a damaged or truncated one fails with every reason", () => {
  assert.deepEqual(loadMachinePolicy(null), { state: "none" });
  assert.deepEqual(loadMachinePolicy(join(tempDataDir("machine-policy"), "absent.json")), { state: "none" });
  const good = machineFile(JSON.stringify(MACHINE));
  const applied = loadMachinePolicy(good);
  assert.equal(applied.state, "applied");
  const bad = machineFile(JSON.stringify({ ...MACHINE, initiatorId: "1", colour: "red" }));
  assert.deepEqual(loadMachinePolicy(bad), {
    state: "failed",
    problem: {
      path: bad,
      errors: [
        { kind: "invalid-input", field: "colour", reason: "unknown-field" },
        { kind: "invalid-input", field: "initiatorId", reason: "not-10-digits" },
      ],
    },
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

test("the desk runs on the user's settings overlaid by the machine policy; the user's file is left as it was", async () => {
  const dataDir = tempDataDir("desk-policy");
  createSettingsFile(dataDir).save({
    ...DEFAULT_SETTINGS,
    timeoutMs: 42_000,
    developerKey: `userkey${TEST_SECRETS.otps.practice}`,
  });
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
      notices: [],
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

test("a bad machine policy locks the counter down: settings refused, nothing sent, not even Practice, the problem kept for the UI", async () => {
  const policyPath = machineFile(JSON.stringify({ ...MACHINE, environment: "moon" }));
  const { desk, dataDir, calls } = testDesk({ machinePolicyPath: policyPath });
  try {
    assert.deepEqual(desk.policy.problem, {
      path: policyPath,
      errors: [{ kind: "invalid-input", field: "environment", reason: "unknown-choice" }],
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
    assert.equal(desk.policy.kioskMode, true);
    const otp = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.deepEqual(otp, { ok: false, error: { kind: "locked-down" } });
    assert.deepEqual(await desk.refundFlow.inquire({ tid: "13192443" }), { ok: false, error: { kind: "locked-down" } });
    assert.deepEqual(await desk.services.pendingRefunds({ mobile: TEST_SECRETS.customerMobiles.withPending }), {
      ok: false,
      error: { kind: "locked-down" },
    });
    assert.deepEqual(calls, [], "nothing reached any server");
    assert.ok(!readdirSync(dataDir).includes(COUNTER_FILE));
  } finally {
    await desk.close();
  }
});

test("the machine policy's PIN hash is the one the desk checks", async () => {
  // At the app's own cost: a cheaper machine hash is refused (machine-policy.test.ts).
  const hash = await hashPin("739146");
  const { desk } = testDesk({ machinePolicyPath: machineFile(JSON.stringify({ ...MACHINE, adminPinHash: hash })) });
  try {
    assert.ok((await desk.adminPin.check("739146")).ok);
    assert.equal((await desk.adminPin.check("739140")).ok, false);
  } finally {
    await desk.close();
  }
});

// Edges of each field: just inside and just outside each limit, blanks, and what is left out.
const PRACTICE = { environment: "practice", counterName: "C1", kioskMode: false, settingsLocked: false };

function accepted(raw: Record<string, unknown>, use: "provision" | "machine" = "provision") {
  const result = validatePolicy(raw, use);
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

test("the required fields are named as missing; an unknown environment asks for no Eko account", () => {
  assert.deepEqual(problems({}), [
    "environment:required",
    "counterName:required",
    "kioskMode:required",
    "settingsLocked:required",
  ]);
  assert.deepEqual(problems({ ...GOOD, environment: "moon", developerKey: undefined, initiatorId: undefined }), [
    "environment:unknown-choice",
  ]);
  assert.deepEqual(problems({ ...GOOD, environment: "moon", baseUrl: "https://eko.example/v3" }), [
    "environment:unknown-choice",
    "baseUrl:only-for-custom",
  ]);
  assert.deepEqual(problems({ ...PRACTICE, baseUrl: "https://eko.example/v3" }), ["baseUrl:only-for-custom"]);
  assert.deepEqual(problems({ ...GOOD, environment: "production", developerKey: "  ", initiatorId: "" }), [
    "developerKey:required-outside-practice",
    "initiatorId:required-outside-practice",
  ]);
});

test("blank optional text is left out of the policy; given text is trimmed; the custom base URL is trimmed", () => {
  assert.deepEqual(accepted({ ...PRACTICE, developerKey: "  ", initiatorId: "", userCode: " ", printerName: "  " }), {
    policy: PRACTICE,
    pin: null,
  });
  assert.deepEqual(
    accepted({ ...PRACTICE, developerKey: " abcdefgh ", userCode: " 20810200 ", printerName: " Star TSP143 " }).policy,
    { ...PRACTICE, developerKey: "abcdefgh", userCode: "20810200", printerName: "Star TSP143" },
  );
  const custom = accepted({ ...GOOD, environment: "custom", baseUrl: "  https://branch-proxy.example/v3  " });
  assert.equal(custom.policy.baseUrl, "https://branch-proxy.example/v3");
  // A no-break space pasted from a web page or a document is trimmed too.
  const pasted = accepted({ ...GOOD, environment: "custom", baseUrl: "\u00a0https://branch-proxy.example/v3\u00a0" });
  assert.equal(pasted.policy.baseUrl, "https://branch-proxy.example/v3");
});

test("numbers: the timeout from 1 s to 2 min, the cooldown from 0 to 10 min, whole numbers only", () => {
  for (const [field, value] of [
    ["timeoutMs", 1_000],
    ["timeoutMs", 120_000],
    ["resendCooldownMs", 0],
    ["resendCooldownMs", 600_000],
    ["idleClearMinutes", 1],
    ["idleClearMinutes", 15],
    ["maxClockCorrectionMinutes", 5],
    ["maxClockCorrectionMinutes", 1440],
  ] as const)
    assert.deepEqual(accepted({ ...PRACTICE, [field]: value }).policy, { ...PRACTICE, [field]: value }, field);
  for (const [field, value] of [
    ["timeoutMs", 999],
    ["timeoutMs", 120_001],
    ["resendCooldownMs", -1],
    ["resendCooldownMs", 600_001],
    ["idleClearMinutes", 0],
    ["idleClearMinutes", 16],
    ["maxClockCorrectionMinutes", 4],
    ["maxClockCorrectionMinutes", 1441],
  ] as const)
    assert.deepEqual(problems({ ...PRACTICE, [field]: value }), [`${field}:out-of-range`], `${field} ${value}`);
  assert.deepEqual(problems({ ...PRACTICE, resendCooldownMs: "30000" }), ["resendCooldownMs:expected-number"]);
  // Past the safe whole numbers the schema itself refuses them: still out of range, not "too long".
  assert.deepEqual(problems({ ...PRACTICE, timeoutMs: 2 ** 60 }), ["timeoutMs:out-of-range"]);
  assert.deepEqual(problems({ ...PRACTICE, resendCooldownMs: -(2 ** 60) }), ["resendCooldownMs:out-of-range"]);
  assert.deepEqual(problems({ ...PRACTICE, idleClearMinutes: 1.5 }), ["idleClearMinutes:not-a-whole-number"]);
});

test("the receipt fields go into the policy as given; a blank contact is left out; each bad one names its reason", () => {
  const receipt = {
    paperSize: "80mm",
    agentCopy: "always",
    receiptLanguages: "both",
    helpline: " 1800 123 4567 ",
    grievanceContact: "grievance@bank.example",
    rbiGrievance: false,
    idleClearMinutes: 5,
  };
  assert.deepEqual(accepted({ ...PRACTICE, ...receipt }).policy, {
    ...PRACTICE,
    ...receipt,
    helpline: "1800 123 4567",
  });
  assert.deepEqual(accepted({ ...PRACTICE, helpline: "  ", grievanceContact: "" }).policy, PRACTICE);
  assert.deepEqual(
    problems({
      ...PRACTICE,
      paperSize: "a5",
      agentCopy: "sometimes",
      receiptLanguages: "hindi",
      helpline: "=1800",
      grievanceContact: "x".repeat(121),
    }),
    [
      "paperSize:unknown-choice",
      "agentCopy:unknown-choice",
      "receiptLanguages:unknown-choice",
      "helpline:bad-characters",
      "grievanceContact:too-long",
    ],
  );
  assert.deepEqual(problems({ ...PRACTICE, rbiGrievance: 1 }), ["rbiGrievance:expected-boolean"]);
});

test("text longer than its field allows is refused as too long before its meaning is judged", () => {
  // The field table's bounds: the same in the settings, the policy, the templates and the docs.
  assert.deepEqual(problems({ ...PRACTICE, paperSize: "x".repeat(33) }), ["paperSize:unknown-choice"]);
  assert.deepEqual(problems({ ...PRACTICE, environment: "x".repeat(33) }), ["environment:unknown-choice"]);
  assert.deepEqual(problems({ ...PRACTICE, helpline: "1".repeat(121) }), ["helpline:too-long"]);
  assert.equal(accepted({ ...PRACTICE, helpline: "1".repeat(120) }).policy.helpline, "1".repeat(120));
  assert.deepEqual(problems({ ...PRACTICE, counterName: "C".repeat(65) }), ["counterName:too-long"]);
  assert.deepEqual(problems({ ...PRACTICE, printerName: "P".repeat(257) }), ["printerName:too-long"]);
  assert.equal(accepted({ ...PRACTICE, printerName: "P".repeat(256) }).policy.printerName, "P".repeat(256));
  assert.deepEqual(problems({ ...PRACTICE, adminPinHash: "$".repeat(513) }), ["adminPinHash:too-long"]);
});

test("counter names: 64 letters in any script (counted as characters), a letter or digit first, a few separators", () => {
  const fine = [
    "C".repeat(64),
    "𝐀".repeat(64),
    "3rd Counter",
    "पुणे काउंटर ३",
    "Pune Camp – Counter 3",
    "A-B_C.D #4/5 (East) & West",
    "ñ",
  ];
  for (const name of fine) assert.equal(accepted({ ...PRACTICE, counterName: name }).policy.counterName, name, name);
  assert.deepEqual(problems({ ...PRACTICE, counterName: "𝐀".repeat(65) }), ["counterName:too-long"]);
  const refused = [
    "-Counter",
    "+Counter",
    "@Counter",
    "_Counter",
    ".Counter",
    "(Counter)",
    "\u0902Counter",
    "Counter,3",
    "Counter;3",
    "Counter'3",
    'Counter"3',
    "Counter=3",
    "Counter\t3",
    "Counter!",
    "Counter 3\u0000",
  ];
  for (const name of refused)
    assert.deepEqual(problems({ ...PRACTICE, counterName: name }), ["counterName:bad-characters"], name);
});

test("the admin PIN: one of PIN or hash, the hash alone on a machine, needed for kiosk mode or a lock alone", () => {
  assert.deepEqual(problems({ ...GOOD, adminPinHash: HASH }, "machine"), ["adminPin:clear-pin-not-allowed-here"]);
  const { adminPin: _pin, ...noPin } = GOOD;
  assert.deepEqual(accepted({ ...noPin, adminPinHash: HASH }, "provision").pin, { hash: HASH });
  for (const use of ["provision", "machine"] as const) {
    const field = use === "machine" ? "adminPinHash" : "adminPin";
    assert.deepEqual(problems({ ...noPin, kioskMode: true, settingsLocked: false }, use), [
      `${field}:required-for-kiosk-or-lock`,
    ]);
    assert.deepEqual(problems({ ...noPin, kioskMode: false, settingsLocked: true }, use), [
      `${field}:required-for-kiosk-or-lock`,
    ]);
    assert.equal(accepted({ ...noPin, kioskMode: false, settingsLocked: false }, use).pin, null);
  }
  assert.deepEqual(problems({ ...GOOD, adminPin: "1234" }), ["adminPin:pin-too-short"], "given, though refused");
  assert.deepEqual(problems({ ...noPin, adminPinHash: "not a hash" }, "machine"), ["adminPinHash:not-a-pin-hash"]);
  assert.deepEqual(accepted({ ...GOOD, adminPin: TEST_SECRETS.adminPassphrases.policy }).pin, {
    clear: TEST_SECRETS.adminPassphrases.policy,
  });
});

test("a policy file's text: parsed and judged whole", () => {
  assert.deepEqual(parsePolicyJson(JSON.stringify(PRACTICE), "machine"), {
    ok: true,
    value: { policy: PRACTICE, pin: null },
  });
  assert.deepEqual(parsePolicyJson("", "machine"), {
    ok: false,
    error: [{ kind: "invalid-input", field: "file", reason: "not-json" }],
  });
  assert.deepEqual(parsePolicyJson('"text"', "machine"), {
    ok: false,
    error: [{ kind: "invalid-input", field: "file", reason: "not-an-object" }],
  });
});

test("overlay: a policy that sets every field replaces every one; one that sets none leaves the user's", () => {
  const user: Settings = {
    environment: "custom",
    customBaseUrl: "https://mine.example/v3",
    developerKey: `userkey${TEST_SECRETS.otps.practice}`,
    initiatorId: "9000000000",
    userCode: "20810200",
    timeoutMs: 30_000,
    resendCooldownMs: 5_000,
    printerName: "Mine",
    paperSize: "a4",
    agentCopy: "never",
    receiptLanguages: "both",
    helpline: "1800 000 0000",
    grievanceContact: "me@example.in",
    rbiGrievance: true,
    idleClearMinutes: 10,
    maxClockCorrectionMinutes: 1440,
    signer: "keychain",
    pkcs11Module: "/home/agent/own-library.so",
    pkcs11Token: "agent's token",
    pkcs11Key: "agent's key",
    journalRetentionMonths: 2,
  };
  const policy: Policy = {
    environment: "custom",
    baseUrl: "https://branch-proxy.example/v3",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    userCode: "20810201",
    counterName: "C1",
    kioskMode: true,
    settingsLocked: true,
    timeoutMs: 20_000,
    resendCooldownMs: 0,
    printerName: "Star TSP143",
    paperSize: "58mm",
    agentCopy: "kiosk",
    receiptLanguages: "interface",
    helpline: "1800 123 4567",
    grievanceContact: "grievance@bank.example",
    rbiGrievance: false,
    idleClearMinutes: 1,
    maxClockCorrectionMinutes: 30,
    signer: "pkcs11",
    pkcs11Module: "/usr/lib/vendor/libhsm.so",
    pkcs11Token: "branch-hsm",
    pkcs11Key: "eko-prod",
    journalRetentionMonths: 36,
  };
  assert.deepEqual(overlayPolicy(user, policy), {
    environment: "custom",
    customBaseUrl: "https://branch-proxy.example/v3",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    userCode: "20810201",
    timeoutMs: 20_000,
    resendCooldownMs: 0,
    printerName: "Star TSP143",
    paperSize: "58mm",
    agentCopy: "kiosk",
    receiptLanguages: "interface",
    helpline: "1800 123 4567",
    grievanceContact: "grievance@bank.example",
    rbiGrievance: false,
    idleClearMinutes: 1,
    maxClockCorrectionMinutes: 30,
    signer: "pkcs11",
    pkcs11Module: "/usr/lib/vendor/libhsm.so",
    pkcs11Token: "branch-hsm",
    pkcs11Key: "eko-prod",
    journalRetentionMonths: 36,
  });
  // The token's library and the journal's retention are a policy's alone: the user's never survive an overlay.
  assert.deepEqual(
    overlayPolicy(user, { environment: "uat", counterName: "C1", kioskMode: true, settingsLocked: true }),
    {
      ...user,
      environment: "uat",
      pkcs11Module: null,
      journalRetentionMonths: 1200,
    },
  );
});

test("a policy made from settings: the counter, kiosk and lock of the base; the base URL only for custom; unset text left out", () => {
  const base: Policy = { environment: "uat", counterName: "Kiosk 1", kioskMode: true, settingsLocked: true };
  const custom: Settings = {
    environment: "custom",
    customBaseUrl: "https://branch-proxy.example/v3",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    userCode: "20810201",
    timeoutMs: 20_000,
    resendCooldownMs: 0,
    printerName: "Star TSP143",
    paperSize: "80mm",
    agentCopy: "always",
    receiptLanguages: "both",
    helpline: "1800 123 4567",
    grievanceContact: "grievance@bank.example",
    rbiGrievance: true,
    idleClearMinutes: 3,
    maxClockCorrectionMinutes: 120,
    signer: "pkcs11",
    pkcs11Module: "/usr/lib/vendor/libhsm.so",
    pkcs11Token: "branch-hsm",
    pkcs11Key: "eko-prod",
    journalRetentionMonths: 24,
  };
  assert.deepEqual(policyFromSettings(base, custom), {
    environment: "custom",
    baseUrl: "https://branch-proxy.example/v3",
    developerKey: "policykey12345",
    initiatorId: "9111111111",
    userCode: "20810201",
    counterName: "Kiosk 1",
    kioskMode: true,
    settingsLocked: true,
    timeoutMs: 20_000,
    resendCooldownMs: 0,
    printerName: "Star TSP143",
    paperSize: "80mm",
    agentCopy: "always",
    receiptLanguages: "both",
    helpline: "1800 123 4567",
    grievanceContact: "grievance@bank.example",
    rbiGrievance: true,
    idleClearMinutes: 3,
    maxClockCorrectionMinutes: 120,
    signer: "pkcs11",
    pkcs11Module: "/usr/lib/vendor/libhsm.so",
    pkcs11Token: "branch-hsm",
    pkcs11Key: "eko-prod",
    journalRetentionMonths: 24,
  });
  assert.deepEqual(policyFromSettings(base, { ...DEFAULT_SETTINGS, customBaseUrl: "https://left.example/v3" }), {
    environment: "practice",
    counterName: "Kiosk 1",
    kioskMode: true,
    settingsLocked: true,
    timeoutMs: 15_000,
    resendCooldownMs: 30_000,
    paperSize: "58mm",
    agentCopy: "kiosk",
    receiptLanguages: "interface",
    rbiGrievance: false,
    idleClearMinutes: 2,
    maxClockCorrectionMinutes: 360,
    signer: "keychain",
    pkcs11Key: "eko-access-key",
    journalRetentionMonths: 1200,
  });
});
