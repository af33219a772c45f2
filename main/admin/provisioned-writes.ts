/**
 * A counter locked by `refund-desk provision` reads its lock from the keychain's record: what an
 * admin changes there (the PIN's stronger hash, an unlocked edit of the settings) is written back to
 * that record, not only to the data folder. A machine policy's record is the admin's and is never
 * rewritten by the app.
 */
import type { RefundDeskError } from "../../app/errors";
import type { Policy } from "../../app/policy";
import type { Settings } from "../../app/settings";
import { ok, type Result } from "../../app/result";
import { existsSync } from "node:fs";
import { writeFileDurably } from "../fs/durable-file";
import type { PolicyInForce } from "../policy/desk-policy";
import { policyFromSettings } from "../policy/policy";
import { adminPinPath, adminPinText } from "./admin-pin-file";
import type { CounterLockStore } from "./counter-lock";

export interface ProvisionedWrites {
  /** For the PIN gate's rehash; absent where the PIN's hash is not the app's to rewrite. */
  rehash?: { save(pinHash: string): Promise<void> };
  /** For the settings service; absent where the settings in force are not the provisioned record's. */
  keepProvisioned?: (next: Settings) => Promise<Result<Policy, RefundDeskError>>;
}

export function provisionedWrites(
  inForce: PolicyInForce,
  lockStore: CounterLockStore | undefined,
  dataDir: string,
): ProvisionedWrites {
  const provisioned = inForce.lock?.provisioned;
  if (inForce.desk.source !== "provisioned" || !provisioned || !lockStore) return {};
  const writes: ProvisionedWrites = {};
  if (!inForce.desk.problem) {
    writes.rehash = {
      async save(pinHash) {
        await lockStore.write({ provisioned: { ...provisioned, pinHash } });
        if (existsSync(adminPinPath(dataDir))) writeFileDurably(adminPinPath(dataDir), adminPinText(pinHash));
      },
    };
  }
  if (inForce.settings.from === "policy") {
    writes.keepProvisioned = async (next) => {
      const policy = policyFromSettings(provisioned.policy, next);
      const written = await lockStore.write({ provisioned: { ...provisioned, policy } });
      return written.ok ? ok(policy) : written;
    };
  }
  return writes;
}
