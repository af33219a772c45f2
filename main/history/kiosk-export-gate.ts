import type { RefundDeskError } from "../../app/errors";
import type { DeskPolicy } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import type { PinGate } from "../admin/pin-gate";

/**
 * On a kiosk an export takes the journal off the counter: an admin's act, with the admin PIN,
 * each time, whether the window's History or the command line asks. One rule for both.
 */
export interface KioskExportGate {
  /** Whether an export here needs the admin PIN (the policy in force is a kiosk's). */
  readonly needsPin: boolean;
  /** Lets the export go ahead, or refuses it: no PIN given, or the PIN gate's refusal (wrong PIN, a wait). */
  allow(pin: string | undefined): Promise<Result<void, RefundDeskError>>;
}

export function createKioskExportGate(policy: Pick<DeskPolicy, "kioskMode">, adminPin: PinGate): KioskExportGate {
  return {
    needsPin: policy.kioskMode,
    async allow(pin) {
      if (!policy.kioskMode) return ok(undefined);
      if (!pin) return err({ kind: "invalid-input", field: "pin", reason: "required" });
      const checked = await adminPin.check(pin);
      return checked.ok ? ok(undefined) : err(checked.error);
    },
  };
}
