/**
 * The provisioned lock, kept in the OS keychain beside the access key rather than only in the
 * data folder: deleting the data folder, or pointing the app at another one, must not lift it.
 * The OS account can still edit its own keychain, so this record is never an authority over the
 * machine policy: junk here locks the counter down, and a machine policy applies whatever it says.
 */
import type { RefundDeskError } from "../../app/errors";
import type { Policy } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import type { KeyStore } from "../keychain/key-store";
import { validatePolicy } from "../policy/policy";

interface LockedPolicy {
  policy: Policy;
  pinHash: string | null;
}

export interface LockRecord {
  /** What `refund-desk provision` applied last. */
  provisioned: LockedPolicy | null;
}

export interface CounterLockStore {
  /** The record; null when the keychain holds none. An unreadable keychain is an error. */
  read(): Promise<Result<LockRecord | null, RefundDeskError>>;
  write(record: LockRecord): Promise<Result<void, RefundDeskError>>;
}

export function createCounterLockStore(slot: KeyStore): CounterLockStore {
  return {
    async read() {
      const stored = await slot.get();
      if (!stored.ok) return stored;
      if (stored.value === null) return ok(null);
      const record = parseLockRecord(stored.value);
      // A record that does not parse was tampered with: keep the counter locked rather than open.
      return record ? ok(record) : err({ kind: "internal", details: { cause: "lock-record-damaged" } });
    },
    write: (record) => slot.set(lockRecordText(record)),
  };
}

export function lockRecordText(record: LockRecord): string {
  const entry = (locked: LockedPolicy | null) =>
    locked ? { ...locked.policy, ...(locked.pinHash ? { adminPinHash: locked.pinHash } : {}) } : null;
  return JSON.stringify({ provisioned: entry(record.provisioned) });
}

/**
 * The entry goes through the machine policy's own validation, hash and all. Older records also
 * carried the last machine policy: it is no authority, so it is not read.
 */
export function parseLockRecord(text: string): LockRecord | null {
  try {
    const value = JSON.parse(text) as { provisioned?: unknown };
    const entry = (raw: unknown): LockedPolicy | null | undefined => {
      if (raw === null || raw === undefined) return null;
      const valid = validatePolicy(raw, "machine");
      if (!valid.ok) return undefined;
      return {
        policy: valid.value.policy,
        pinHash: valid.value.pin && "hash" in valid.value.pin ? valid.value.pin.hash : null,
      };
    };
    const provisioned = entry(value.provisioned);
    return provisioned === undefined ? null : { provisioned };
  } catch {
    return null;
  }
}
