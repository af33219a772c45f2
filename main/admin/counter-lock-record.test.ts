/**
 * The counter's lock record as the keychain holds it: what is written, what is read back, and
 * which records are refused (so the counter stays locked).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ok } from "../../app/result";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { createCounterLockStore, lockRecordText, parseLockRecord, type LockRecord } from "./counter-lock";
import { TEST_SECRETS } from "../test-support/test-secrets";

const HASH = "$scrypt$ln=12,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
const KIOSK = { environment: "practice" as const, counterName: "Kiosk 7", kioskMode: true, settingsLocked: true };
const OPEN = { environment: "practice" as const, counterName: "Front desk", kioskMode: false, settingsLocked: false };

test("the record's text: the provisioned policy as the machine policy's own fields, the PIN only as adminPinHash", () => {
  const record: LockRecord = { provisioned: { policy: KIOSK, pinHash: HASH } };
  assert.deepEqual(JSON.parse(lockRecordText(record)), { provisioned: { ...KIOSK, adminPinHash: HASH } });
  const noPin: LockRecord = { provisioned: { policy: OPEN, pinHash: null } };
  assert.deepEqual(JSON.parse(lockRecordText(noPin)), { provisioned: OPEN });
});

test("a record reads back as written, PIN hash and all; an older record's last machine policy is not read", () => {
  const record: LockRecord = { provisioned: { policy: KIOSK, pinHash: HASH } };
  assert.deepEqual(parseLockRecord(lockRecordText(record)), record);
  assert.deepEqual(parseLockRecord("{}"), { provisioned: null });
  const older = JSON.stringify({ provisioned: null, lastMachine: { ...OPEN, adminPinHash: HASH } });
  assert.deepEqual(parseLockRecord(older), { provisioned: null });
});

test("a record whose entry the machine policy would refuse is refused whole", () => {
  for (const text of [
    JSON.stringify({ provisioned: { ...KIOSK, counterName: 7 } }),
    JSON.stringify({ provisioned: { ...OPEN, kioskMode: "yes" } }),
    JSON.stringify({ provisioned: { ...KIOSK, adminPin: TEST_SECRETS.adminPins.lockRecord } }),
    JSON.stringify({ provisioned: { ...KIOSK, adminPinHash: "1234" } }),
    "not json",
    "null",
  ]) {
    assert.equal(parseLockRecord(text), null, text);
  }
});

test("the store: reads none, a record, or the damage as an error; writes the record's text to its keychain slot", async () => {
  const slot = memoryKeyStore();
  const store = createCounterLockStore(slot);
  assert.deepEqual(await store.read(), ok(null));

  const record: LockRecord = { provisioned: { policy: KIOSK, pinHash: HASH } };
  assert.deepEqual(await store.write(record), ok(undefined));
  assert.equal(slot.value, lockRecordText(record));
  assert.deepEqual(await store.read(), ok(record));

  slot.value = '{"provisioned": {"counterName": 1}}';
  assert.deepEqual(await store.read(), {
    ok: false,
    error: { kind: "internal", details: { cause: "lock-record-damaged" } },
  });

  const locked = createCounterLockStore(memoryKeyStore(null, true));
  const unavailable = { ok: false, error: { kind: "keychain-unavailable", details: { cause: "locked" } } };
  assert.deepEqual(await locked.read(), unavailable, "an unreadable keychain is its own error, not an empty record");
  assert.deepEqual(await locked.write(record), unavailable);
});
