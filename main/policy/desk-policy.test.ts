/**
 * The policy in force, case by case: a machine policy that applies, one that is broken (it locks
 * to what was known, fails closed with nothing known), what was provisioned (keychain before
 * data folder), nothing; and what readPolicyInForce remembers in the keychain.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy, PolicyProblem } from "../../app/policy";
import { err, ok } from "../../app/result";
import type { CounterLockStore, LockRecord } from "../admin/counter-lock";
import { tempDataDir } from "../test-support/temp-dir";
import { loadPolicyInForce, readPolicyInForce, resolveDeskPolicy } from "./desk-policy";
import type { MachinePolicy } from "./machine-policy";

const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
const MACHINE_POLICY: Policy = { environment: "uat", counterName: "Kiosk 1", kioskMode: true, settingsLocked: false };
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
  kioskMode: true,
  settingsLocked: false,
};
const LAST_POLICY: Policy = { environment: "production", counterName: "Last", kioskMode: false, settingsLocked: false };
const NO_DATA_FOLDER = { counter: null, pinHash: null };
const DATA_FOLDER = {
  counter: { counterName: "From the folder", kioskMode: true, settingsLocked: false },
  pinHash: "folder-hash",
};

test("a machine policy that applies: its counter, kiosk, lock and PIN, its path as the origin, the keychain record kept", () => {
  const lock: LockRecord = { provisioned: { policy: PROVISIONED_POLICY, pinHash: "p" }, lastMachine: null };
  assert.deepEqual(resolveDeskPolicy(APPLIED, lock, DATA_FOLDER), {
    desk: {
      source: "machine",
      counterName: "Kiosk 1",
      kioskMode: true,
      settingsLocked: false,
      adminPinSet: true,
      problem: null,
    },
    overlay: MACHINE_POLICY,
    pinHash: HASH,
    lock,
    origin: "/etc/refund-desk/policy.json",
  });
  const noPin: MachinePolicy = { ...APPLIED, valid: { policy: MACHINE_POLICY, pin: null } };
  const open = resolveDeskPolicy(noPin, null, NO_DATA_FOLDER);
  assert.equal(open.pinHash, null);
  assert.equal(open.desk.adminPinSet, false);
  const clear: MachinePolicy = { ...APPLIED, valid: { policy: MACHINE_POLICY, pin: { clear: "048213" } } };
  assert.equal(resolveDeskPolicy(clear, null, NO_DATA_FOLDER).pinHash, null, "a PIN in clear is never a hash");
});

test("a damaged keychain record fails closed even when the machine policy applies", () => {
  const damaged: PolicyProblem = { path: "keychain", errors: [] };
  assert.deepEqual(resolveDeskPolicy(APPLIED, null, DATA_FOLDER, damaged), {
    desk: {
      source: "provisioned",
      counterName: "From the folder",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: damaged,
    },
    overlay: null,
    pinHash: "folder-hash",
    lock: null,
    origin: null,
  });
  assert.equal(resolveDeskPolicy(FAILED, null, NO_DATA_FOLDER, damaged).desk.problem, PROBLEM, "the policy's first");
});

test("a broken machine policy locks to the last machine policy, else the provisioned one, else the data folder's", () => {
  const lock: LockRecord = {
    provisioned: { policy: PROVISIONED_POLICY, pinHash: "provisioned-hash" },
    lastMachine: { policy: LAST_POLICY, pinHash: null },
  };
  assert.deepEqual(resolveDeskPolicy(FAILED, lock, DATA_FOLDER), {
    desk: {
      source: "machine",
      counterName: "Last",
      kioskMode: false,
      settingsLocked: true,
      adminPinSet: false,
      problem: PROBLEM,
    },
    overlay: LAST_POLICY,
    pinHash: null,
    lock,
    origin: null,
  });
  const provisionedOnly = { ...lock, lastMachine: null };
  assert.deepEqual(resolveDeskPolicy(FAILED, provisionedOnly, DATA_FOLDER), {
    desk: {
      source: "provisioned",
      counterName: "Provisioned",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: PROBLEM,
    },
    overlay: PROVISIONED_POLICY,
    pinHash: "provisioned-hash",
    lock: provisionedOnly,
    origin: null,
  });
  const emptyRecord = { provisioned: null, lastMachine: null };
  assert.deepEqual(resolveDeskPolicy(FAILED, emptyRecord, DATA_FOLDER), {
    desk: {
      source: "provisioned",
      counterName: "From the folder",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: PROBLEM,
    },
    overlay: null,
    pinHash: "folder-hash",
    lock: emptyRecord,
    origin: null,
  });
  assert.deepEqual(resolveDeskPolicy(FAILED, null, NO_DATA_FOLDER), {
    desk: {
      source: "none",
      counterName: null,
      kioskMode: false,
      settingsLocked: true,
      adminPinSet: false,
      problem: PROBLEM,
    },
    overlay: null,
    pinHash: null,
    lock: null,
    origin: null,
  });
  const hashless = { provisioned: { policy: PROVISIONED_POLICY, pinHash: null }, lastMachine: null };
  assert.equal(
    resolveDeskPolicy(FAILED, hashless, DATA_FOLDER).pinHash,
    null,
    "the known policy's own PIN, not the data folder's",
  );
});

test("without a machine policy: the keychain's provisioned policy (its settings only when locked), else the data folder's", () => {
  const locked = { ...PROVISIONED_POLICY, settingsLocked: true };
  const lock: LockRecord = { provisioned: { policy: locked, pinHash: null }, lastMachine: null };
  assert.deepEqual(resolveDeskPolicy({ state: "none" }, lock, DATA_FOLDER), {
    desk: {
      source: "provisioned",
      counterName: "Provisioned",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: false,
      problem: null,
    },
    overlay: locked,
    pinHash: null,
    lock,
    origin: null,
  });
  const unlocked: LockRecord = { provisioned: { policy: PROVISIONED_POLICY, pinHash: "h" }, lastMachine: null };
  const open = resolveDeskPolicy({ state: "none" }, unlocked, DATA_FOLDER);
  assert.equal(open.overlay, null);
  assert.equal(open.desk.settingsLocked, false);
  assert.equal(open.desk.adminPinSet, true);
  assert.deepEqual(resolveDeskPolicy({ state: "none" }, null, DATA_FOLDER), {
    desk: {
      source: "provisioned",
      counterName: "From the folder",
      kioskMode: true,
      settingsLocked: false,
      adminPinSet: true,
      problem: null,
    },
    overlay: null,
    pinHash: "folder-hash",
    lock: null,
    origin: null,
  });
  const noPin = { ...DATA_FOLDER, pinHash: null };
  assert.equal(resolveDeskPolicy({ state: "none" }, null, noPin).desk.adminPinSet, false);
  const empty = { provisioned: null, lastMachine: null };
  assert.deepEqual(resolveDeskPolicy({ state: "none" }, empty, NO_DATA_FOLDER), {
    desk: {
      source: "none",
      counterName: null,
      kioskMode: false,
      settingsLocked: false,
      adminPinSet: false,
      problem: null,
    },
    overlay: null,
    pinHash: null,
    lock: empty,
    origin: null,
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

/** A keychain record store that answers `read` as told and records each write. */
function lockStore(read: Awaited<ReturnType<CounterLockStore["read"]>>) {
  const writes: LockRecord[] = [];
  const store: CounterLockStore = {
    read: async () => read,
    write: async (record) => {
      writes.push(record);
      return ok(undefined);
    },
  };
  return { store, writes };
}

async function inForce(policy: unknown, read: Awaited<ReturnType<CounterLockStore["read"]>>) {
  const dataDir = tempDataDir("desk-policy");
  const path = join(tempDataDir("desk-policy"), "policy.json");
  if (policy !== undefined) writeFileSync(path, typeof policy === "string" ? policy : JSON.stringify(policy));
  const { store, writes } = lockStore(read);
  const result = await readPolicyInForce({
    dataDir,
    lockStore: store,
    platform: "linux",
    run: async () => ({ code: 9009, stdout: "", stderr: "not expected" }),
    overridePath: path,
    posixTrust: { trustedUids: [0, process.getuid?.() ?? 0] },
  });
  return { result, writes, path };
}

test("a machine policy that applies is remembered in the keychain as the last one, once", async () => {
  const lastMachine = {
    policy: {
      environment: "uat" as const,
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
      counterName: "Kiosk 1",
      kioskMode: true,
      settingsLocked: true,
    },
    pinHash: HASH,
  };
  const first = await inForce(MACHINE_JSON, ok(null));
  assert.deepEqual(first.writes, [{ provisioned: null, lastMachine }]);
  assert.equal(first.result.desk.source, "machine");
  assert.equal(first.result.origin, first.path);

  const provisioned = { policy: PROVISIONED_POLICY, pinHash: "p" };
  const changed = await inForce(MACHINE_JSON, ok({ provisioned, lastMachine: { ...lastMachine, pinHash: null } }));
  assert.deepEqual(changed.writes, [{ provisioned, lastMachine }], "the provisioned record is kept");

  const same = await inForce(MACHINE_JSON, ok({ provisioned, lastMachine }));
  assert.deepEqual(same.writes, [], "nothing new to remember");

  const open = await inForce(
    { ...MACHINE_JSON, kioskMode: false, settingsLocked: false, adminPinHash: undefined },
    ok(null),
  );
  assert.deepEqual(open.writes, [
    {
      provisioned: null,
      lastMachine: { policy: { ...lastMachine.policy, kioskMode: false, settingsLocked: false }, pinHash: null },
    },
  ]);
});

test("a damaged keychain record locks the counter and is not overwritten; an unreachable keychain neither locks nor writes", async () => {
  const damaged = await inForce(MACHINE_JSON, err({ kind: "internal", details: { cause: "lock-record-damaged" } }));
  assert.deepEqual(damaged.writes, []);
  assert.deepEqual(damaged.result.desk.problem, {
    path: "keychain",
    errors: [{ kind: "invalid-input", field: "file", reason: "lock-record-damaged" }],
  });
  assert.equal(damaged.result.desk.settingsLocked, true);
  assert.equal(damaged.result.overlay, null);

  const unreachable = await inForce(MACHINE_JSON, err({ kind: "keychain-unavailable", details: {} }));
  assert.deepEqual(unreachable.writes, []);
  assert.equal(unreachable.result.desk.problem, null);
  assert.equal(unreachable.result.desk.source, "machine");
  assert.equal(unreachable.result.lock, null);

  const broken = await inForce("{", ok(null));
  assert.deepEqual(broken.writes, [], "a broken policy is never remembered");
  assert.equal(broken.result.desk.settingsLocked, true);
  const none = await inForce(undefined, ok(null));
  assert.deepEqual(none.writes, []);
  assert.equal(none.result.desk.source, "none");
});

test("the data folder's counter and PIN hash stand when nothing else does", async () => {
  const dataDir = tempDataDir("desk-policy");
  writeFileSync(join(dataDir, "counter.json"), JSON.stringify(DATA_FOLDER.counter));
  writeFileSync(join(dataDir, "admin-pin.json"), JSON.stringify({ pinHash: HASH }));
  const { store } = lockStore(ok(null));
  const result = await readPolicyInForce({
    dataDir,
    lockStore: store,
    platform: "linux",
    run: async () => ({ code: 9009, stdout: "", stderr: "" }),
    overridePath: join(dataDir, "absent.json"),
    posixTrust: { trustedUids: [0] },
  });
  assert.deepEqual(result.desk, {
    source: "provisioned",
    counterName: "From the folder",
    kioskMode: true,
    settingsLocked: false,
    adminPinSet: true,
    problem: null,
  });
  assert.equal(result.pinHash, HASH);
  const loaded = loadPolicyInForce(dataDir, null, { trustedUids: [0] });
  assert.deepEqual(loaded, { ...result, lock: null });
  const machine = join(tempDataDir("desk-policy"), "policy.json");
  writeFileSync(machine, JSON.stringify(MACHINE_JSON));
  const applied = loadPolicyInForce(dataDir, machine, { trustedUids: [0, process.getuid?.() ?? 0] });
  assert.equal(applied.desk.source, "machine");
  assert.equal(applied.origin, machine);
});
