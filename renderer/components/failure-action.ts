import type { RefundDeskError } from "../../app/errors";
import { WRONG_OTP_TRIES_BEFORE_NEW_OTP } from "../../app/refund";

/**
 * True when an error has a one-press next step (FailureActions). Apart from the component, so the
 * Refund screen can ask it without loading the component's chunk.
 */
export function hasFailureAction(error: RefundDeskError): boolean {
  return (
    error.kind === "otp-expired" ||
    error.kind === "otp-ref-needed" ||
    error.kind === "refund-outcome-unknown" ||
    (error.kind === "wrong-otp" && error.tries >= WRONG_OTP_TRIES_BEFORE_NEW_OTP)
  );
}
