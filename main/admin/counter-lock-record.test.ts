/**
 * The counter's lock record as the keychain holds it: what is written, what is read back, and
 * which records are refused (so the counter stays locked).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ok } from "../../app/result";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { createCounterLockStore, lockRecordText, parseLockRecord, type LockRecord } from "./counter-lock";

const HASH = "$scrypt$ln=12,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
const KIOSK = { environment: "practice" as const, counterName: "Kiosk 7", kioskMode: true, settingsLocked: true };
const OPEN = { environment: "practice" as const, counterName: "Front desk", kioskMode: false, settingsLocked: false };

test("the record's text: each policy as the machine policy's own fields, the PIN only as adminPinHash", () => {
  const record: LockRecord = { provisioned: { policy: KIOSK, pinHash: HASH }, lastMachine: null };
  assert.deepEqual(JSON.parse(lockRecordText(record)), {
    provisioned: { ...KIOSK, adminPinHash: HASH },
    lastMachine: null,
  });
  const noPin: LockRecord = { provisioned: null, lastMachine: { policy: OPEN, pinHash: null } };
  assert.deepEqual(JSON.parse(lockRecordText(noPin)), { provisioned: null, lastMachine: OPEN });
});

test("a record reads back as written, PIN hash and all; absent entries are none", () => {
  const record: LockRecord = {
    provisioned: { policy: KIOSK, pinHash: HASH },
    lastMachine: { policy: OPEN, pinHash: null },
  };
  assert.deepEqual(parseLockRecord(lockRecordText(record)), record);
  assert.deepEqual(parseLockRecord("{}"), { provisioned: null, lastMachine: null });
  assert.deepEqual(parseLockRecord(JSON.stringify({ lastMachine: { ...OPEN, adminPinHash: HASH } })), {
    provisioned: null,
    lastMachine: { policy: OPEN, pinHash: HASH },
  });
});

test("a record with any entry the machine policy would refuse is refused whole", () => {
  const good = { ...OPEN, adminPinHash: HASH };
  for (const text of [
    JSON.stringify({ provisioned: { ...KIOSK, counterName: 7 }, lastMachine: good }),
    JSON.stringify({ provisioned: good, lastMachine: { ...OPEN, kioskMode: "yes" } }),
    JSON.stringify({ provisioned: { ...KIOSK, adminPin: "602913" }, lastMachine: null }),
    JSON.stringify({ provisioned: { ...KIOSK, adminPinHash: "1234" }, lastMachine: null }),
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

  const record: LockRecord = { provisioned: { policy: KIOSK, pinHash: HASH }, lastMachine: null };
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
