import type { RefundDeskError } from "../../app/errors";
import type { DeskPolicy } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import type { PinGate } from "./pin-gate";

/** An admin leaves a kiosk with the PIN: checked with its wrong-PIN waits, then the app quits. */
export function createKioskExit(policy: Pick<DeskPolicy, "kioskMode">, adminPin: PinGate, quit: () => void) {
  return async ({ pin }: { pin: string }): Promise<Result<{ exiting: true }, RefundDeskError>> => {
    if (!policy.kioskMode) return err({ kind: "invalid-input", field: "kiosk", reason: "not-kiosk" });
    const checked = await adminPin.check(pin);
    if (!checked.ok) return err(checked.error);
    quit();
    return ok({ exiting: true as const });
  };
}
