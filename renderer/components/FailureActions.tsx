import type { RefundDeskError } from "../../app/errors";
import { WRONG_OTP_TRIES_BEFORE_NEW_OTP } from "../../app/refund";
import { useStores, useT } from "../stores";
import { SendAgainButton } from "./SendAgainButton";

/** True when an error has a one-press next step below. */
export function hasFailureAction(error: RefundDeskError): boolean {
  return error.kind === "otp-expired" || error.kind === "refund-outcome-unknown" || (error.kind === "wrong-otp" && error.tries >= WRONG_OTP_TRIES_BEFORE_NEW_OTP);
}

/**
 * The one-press fix for a refund error: a new OTP (its wait in its own label, so no second
 * Resend button is needed), or the check that settles a lost answer.
 */
export function FailureActions({ error }: { error: RefundDeskError }) {
  const t = useT();
  const { request } = useStores();
  if (error.kind === "refund-outcome-unknown") {
    return (
      <button type="button" className="button primary" data-testid="check-again" onClick={() => void request.getState().check()}>
        {t("refundStep.checkAgain")}
      </button>
    );
  }
  if (!hasFailureAction(error)) return null;
  const waitLabel = (time: string) => t("refundStep.newOtpIn", { time });
  return <SendAgainButton label={t("refundStep.newOtp")} waitLabel={waitLabel} testId="new-otp" primary />;
}
