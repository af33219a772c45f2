/**
 * The policy in force, case by case, as the counter's own account would attack it: junk or delete
 * the keychain's lock record, write its own data folder. A machine policy that reads well always
 * applies; one that cannot be used locks the counter down; nothing the account writes loosens it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy, PolicyProblem } from "../../app/policy";
import { err, ok } from "../../app/result";
import type { CounterLockStore, LockRecord } from "../admin/counter-lock";
import { tempDataDir } from "../test-support/temp-dir";
import { readPolicyInForce, resolveDeskPolicy, type LockRead } from "./desk-policy";
import type { MachinePolicy } from "./machine-policy";

const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
const MACHINE_POLICY: Policy = { environment: "uat", counterName: "Kiosk 1", kioskMode: true, settingsLocked: true };
const APPLIED: MachinePolicy = {
  state: "applied",
  path: "/etc/refund-desk/policy.json",
  valid: { policy: MACHINE_POLICY, pin: { hash: HASH } },
};
const PROBLEM: PolicyProblem = {
  path: "/etc/refund-desk/policy.json",
  errors: [{ kind: "invalid-input", field: "file", reason: "not-json" }],
};
const FAILED: MachinePolicy = { state: "failed", problem: PROBLEM };
const PROVISIONED_POLICY: Policy = {
  environment: "practice",
  counterName: "Provisioned",
  kioskMode: false,
  settingsLocked: true,
};
const PROVISIONED: LockRecord = { provisioned: { policy: PROVISIONED_POLICY, pinHash: "provisioned-hash" } };
const NONE: LockRead = { state: "none" };
const NO_DATA_FOLDER = { counter: null, pinHash: null };
/** What the account writes into its own data folder: an open counter with its own PIN. */
const ACCOUNTS_FOLDER = {
  counter: { counterName: "Written by the account", kioskMode: false, settingsLocked: false },
  pinHash: "accounts-own-hash",
};
const EVERY_LOCK_READ: LockRead[] = [
  NONE,
  { state: "found", record: PROVISIONED },
  { state: "found", record: { provisioned: null } },
  { state: "damaged" },
  { state: "unreadable" },
];

test("a machine policy that reads well applies, whatever the keychain's record or the data folder say", () => {
  for (const lockRead of EVERY_LOCK_READ) {
    for (const dataFolder of [NO_DATA_FOLDER, ACCOUNTS_FOLDER]) {
      const inForce = resolveDeskPolicy(APPLIED, lockRead, dataFolder);
      const what = `${lockRead.state} / ${dataFolder.counter ? "folder" : "no folder"}`;
      assert.equal(inForce.desk.source, "machine", what);
      assert.equal(inForce.desk.problem, null, what);
      assert.equal(inForce.desk.counterName, "Kiosk 1", what);
      assert.equal(inForce.desk.kioskMode, true, what);
      assert.equal(inForce.desk.settingsLocked, true, what);
      assert.equal(inForce.pinHash, HASH, what);
      assert.deepEqual(inForce.settings, { from: "policy", policy: MACHINE_POLICY }, what);
      assert.equal(inForce.origin, APPLIED.path, what);
    }
  }
});

test("a lock record in doubt is reported beside a machine policy, never a reason to drop it", () => {
  assert.deepEqual(resolveDeskPolicy(APPLIED, { state: "damaged" }, NO_DATA_FOLDER).desk.notices, [
    "lock-record-damaged",
  ]);
  assert.deepEqual(resolveDeskPolicy(APPLIED, { state: "unreadable" }, NO_DATA_FOLDER).desk.notices, [
    "lock-record-unreadable",
  ]);
  assert.deepEqual(resolveDeskPolicy(APPLIED, NONE, NO_DATA_FOLDER).desk.notices, []);
});

test("an open machine policy goes over the user's settings; a locked one is the only source", () => {
  const open: MachinePolicy = {
    ...APPLIED,
    valid: { policy: { ...MACHINE_POLICY, settingsLocked: false }, pin: null },
  };
  const inForce = resolveDeskPolicy(open, NONE, NO_DATA_FOLDER);
  assert.equal(inForce.settings.from, "user-under-policy");
  assert.equal(inForce.pinHash, null);
  assert.equal(inForce.desk.adminPinSet, false);
  const clear: MachinePolicy = { ...APPLIED, valid: { policy: MACHINE_POLICY, pin: { clear: "x" } } };
  assert.equal(resolveDeskPolicy(clear, NONE, NO_DATA_FOLDER).pinHash, null, "a PIN in clear is never a hash");
});

test("a machine policy that cannot be used locks the counter down: never the keychain's or the data folder's", () => {
  for (const lockRead of EVERY_LOCK_READ) {
    for (const dataFolder of [NO_DATA_FOLDER, ACCOUNTS_FOLDER]) {
      const inForce = resolveDeskPolicy(FAILED, lockRead, dataFolder);
      const what = `${lockRead.state} / ${dataFolder.counter ? "folder" : "no folder"}`;
      assert.deepEqual(inForce.desk.problem, PROBLEM, what);
      assert.equal(inForce.desk.kioskMode, true, `${what}: kiosk sizing`);
      assert.equal(inForce.desk.settingsLocked, true, what);
      assert.equal(inForce.desk.adminPinSet, false, `${what}: no PIN opens it`);
      assert.equal(inForce.desk.counterName, null, what);
      assert.equal(inForce.pinHash, null, what);
      assert.deepEqual(inForce.settings, { from: "policy", policy: null }, `${what}: the built-in defaults`);
    }
  }
});

test("without a machine policy, junk in the keychain's lock record locks the counter down", () => {
  const inForce = resolveDeskPolicy({ state: "none" }, { state: "damaged" }, ACCOUNTS_FOLDER);
  assert.deepEqual(inForce.desk.problem, {
    path: "keychain",
    errors: [{ kind: "invalid-input", field: "file", reason: "lock-record-damaged" }],
  });
  assert.equal(inForce.pinHash, null, "not the account's PIN");
  assert.equal(inForce.desk.kioskMode, true);
  assert.deepEqual(inForce.settings, { from: "policy", policy: null });
});

test("provisioned: the keychain's record over the data folder's copy, its settings alone when locked, said to be weak", () => {
  const inForce = resolveDeskPolicy({ state: "none" }, { state: "found", record: PROVISIONED }, ACCOUNTS_FOLDER);
  assert.deepEqual(inForce.desk, {
    source: "provisioned",
    counterName: "Provisioned",
    kioskMode: false,
    settingsLocked: true,
    adminPinSet: true,
    problem: null,
    notices: ["provisioned-lock-only"],
  });
  assert.equal(inForce.pinHash, "provisioned-hash");
  assert.deepEqual(inForce.settings, { from: "policy", policy: PROVISIONED_POLICY });

  const openRecord: LockRecord = {
    provisioned: { policy: { ...PROVISIONED_POLICY, settingsLocked: false }, pinHash: null },
  };
  const open = resolveDeskPolicy({ state: "none" }, { state: "found", record: openRecord }, NO_DATA_FOLDER);
  assert.deepEqual(open.settings, { from: "user" }, "an open provisioned counter runs on settings.json");
});

test("older provisioning in the data folder only: it stands, and a missing keychain record is reported", () => {
  const inForce = resolveDeskPolicy({ state: "none" }, NONE, ACCOUNTS_FOLDER);
  assert.deepEqual(inForce.desk, {
    source: "provisioned",
    ...ACCOUNTS_FOLDER.counter,
    adminPinSet: true,
    problem: null,
    notices: ["lock-record-missing", "provisioned-lock-only"],
  });
  const unreadable = resolveDeskPolicy({ state: "none" }, { state: "unreadable" }, ACCOUNTS_FOLDER);
  assert.deepEqual(unreadable.desk.notices, ["lock-record-unreadable", "provisioned-lock-only"]);
  const notKept = resolveDeskPolicy({ state: "none" }, { state: "not-kept" }, ACCOUNTS_FOLDER);
  assert.deepEqual(notKept.desk.notices, ["provisioned-lock-only"], "where no record is kept, none is missing");
  assert.deepEqual(resolveDeskPolicy({ state: "none" }, NONE, NO_DATA_FOLDER).desk, {
    source: "none",
    counterName: null,
    kioskMode: false,
    settingsLocked: false,
    adminPinSet: false,
    problem: null,
    notices: [],
  });
});

const MACHINE_JSON = {
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  counterName: "Kiosk 1",
  kioskMode: true,
  settingsLocked: true,
  adminPinHash: HASH,
};

async function inForce(policy: unknown, read: Awaited<ReturnType<CounterLockStore["read"]>>) {
  const dataDir = tempDataDir("desk-policy");
  writeFileSync(join(dataDir, "counter.json"), JSON.stringify(ACCOUNTS_FOLDER.counter));
  const path = join(tempDataDir("desk-policy"), "policy.json");
  if (policy !== undefined) writeFileSync(path, typeof policy === "string" ? policy : JSON.stringify(policy));
  const writes: LockRecord[] = [];
  const lockStore: CounterLockStore = {
    read: async () => read,
    write: async (record) => {
      writes.push(record);
      return ok(undefined);
    },
  };
  const result = await readPolicyInForce({
    dataDir,
    lockStore,
    platform: "linux",
    run: async () => ({ code: 9009, stdout: "", stderr: "not expected" }),
    overridePath: path,
    posixTrust: { trustedUids: [0, process.getuid?.() ?? 0] },
  });
  return { result, writes };
}

test("reading: the keychain's answer becomes found, none, damaged or unreadable, and nothing is written back", async () => {
  const damaged = await inForce(MACHINE_JSON, err({ kind: "internal", details: { cause: "lock-record-damaged" } }));
  assert.equal(damaged.result.desk.source, "machine");
  assert.deepEqual(damaged.result.desk.notices, ["lock-record-damaged"]);
  const unreachable = await inForce(MACHINE_JSON, err({ kind: "keychain-unavailable", details: {} }));
  assert.deepEqual(unreachable.result.desk.notices, ["lock-record-unreadable"]);
  const found = await inForce(undefined, ok(PROVISIONED));
  assert.equal(found.result.desk.counterName, "Provisioned");
  const none = await inForce(undefined, ok(null));
  assert.equal(none.result.desk.counterName, "Written by the account");
  const broken = await inForce("{", ok(PROVISIONED));
  assert.deepEqual(broken.result.desk.problem?.errors, [{ kind: "invalid-input", field: "file", reason: "not-json" }]);
  for (const run of [damaged, unreachable, found, none, broken]) assert.deepEqual(run.writes, []);
});
