/**
 * What an admin changes on a provisioned counter goes back into the keychain's record; a machine
 * policy's counter, a locked-down one and an open provisioned one get no such writer.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Policy } from "../../app/policy";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { ok } from "../../app/result";
import { resolveDeskPolicy } from "../policy/desk-policy";
import { tempDataDir } from "../test-support/temp-dir";
import { adminPinPath, adminPinText } from "./admin-pin-file";
import type { CounterLockStore, LockRecord } from "./counter-lock";
import { provisionedWrites } from "./provisioned-writes";

const LOCKED: Policy = { environment: "practice", counterName: "Counter 2", kioskMode: false, settingsLocked: true };
const NO_DATA_FOLDER = { counter: null, pinHash: null };

function store(): CounterLockStore & { written: LockRecord[] } {
  const written: LockRecord[] = [];
  return { written, read: async () => ok(null), write: async (record) => (written.push(record), ok(undefined)) };
}

function provisioned(policy: Policy) {
  const record: LockRecord = { provisioned: { policy, pinHash: "old-hash" } };
  return resolveDeskPolicy({ state: "none" }, { state: "found", record }, NO_DATA_FOLDER);
}

test("a locked provisioned counter: the PIN's new hash goes to the record and to admin-pin.json where it is", async () => {
  const lockStore = store();
  const dataDir = tempDataDir("provisioned-writes");
  writeFileSync(adminPinPath(dataDir), adminPinText("old-hash"));
  const writes = provisionedWrites(provisioned(LOCKED), lockStore, dataDir);
  await writes.rehash?.save("new-hash");
  assert.deepEqual(lockStore.written, [{ provisioned: { policy: LOCKED, pinHash: "new-hash" } }]);
  assert.equal(readFileSync(adminPinPath(dataDir), "utf8"), adminPinText("new-hash"));
  // A counter whose data folder holds no PIN file does not get one: the record is where the lock reads it.
  const bare = tempDataDir("provisioned-writes");
  await provisionedWrites(provisioned(LOCKED), store(), bare).rehash?.save("new-hash");
  assert.equal(existsSync(adminPinPath(bare)), false);
});

test("a locked provisioned counter: an admin's edit of the settings becomes the record's policy", async () => {
  const lockStore = store();
  const writes = provisionedWrites(provisioned(LOCKED), lockStore, tempDataDir("provisioned-writes"));
  assert.ok(writes.keepProvisioned);
  const kept = await writes.keepProvisioned({ ...DEFAULT_SETTINGS, timeoutMs: 45_000 });
  assert.ok(kept.ok);
  assert.equal(kept.value.timeoutMs, 45_000);
  assert.deepEqual(lockStore.written, [{ provisioned: { policy: kept.value, pinHash: "old-hash" } }]);
});

test("an open provisioned counter keeps its settings in settings.json: only the PIN's hash is written back", () => {
  const writes = provisionedWrites(provisioned({ ...LOCKED, settingsLocked: false }), store(), tempDataDir("pw"));
  assert.ok(writes.rehash);
  assert.equal(writes.keepProvisioned, undefined);
});

test("a machine policy's counter, a locked-down one, or no lock store: nothing is the app's to rewrite", () => {
  const machine = resolveDeskPolicy(
    { state: "applied", path: "/etc/refund-desk/policy.json", valid: { policy: LOCKED, pin: null } },
    { state: "found", record: { provisioned: { policy: LOCKED, pinHash: "old-hash" } } },
    NO_DATA_FOLDER,
  );
  const lockedDown = resolveDeskPolicy({ state: "none" }, { state: "damaged" }, NO_DATA_FOLDER);
  for (const inForce of [machine, lockedDown]) {
    assert.deepEqual(provisionedWrites(inForce, store(), tempDataDir("pw")), {});
  }
  assert.deepEqual(provisionedWrites(provisioned(LOCKED), undefined, tempDataDir("pw")), {});
});
