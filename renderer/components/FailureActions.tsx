import type { RefundDeskError } from "../../app/errors";
import { WRONG_OTP_TRIES_BEFORE_NEW_OTP } from "../../app/refund";
import { useStores, useT } from "../stores";
import { SendAgainButton } from "./SendAgainButton";

/** True when an error has a one-press next step below. */
function hasFailureAction(error: RefundDeskError): boolean {
  return (
    error.kind === "otp-expired" ||
    error.kind === "otp-ref-needed" ||
    error.kind === "refund-outcome-unknown" ||
    (error.kind === "wrong-otp" && error.tries >= WRONG_OTP_TRIES_BEFORE_NEW_OTP)
  );
}

/** The one-press fix for a refund error: a new OTP, or the check that settles a lost answer. */
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
  if (error.kind === "otp-ref-needed") return <SendAgainButton label={t("request.send")} testId="new-otp" />;
  return hasFailureAction(error) ? <SendAgainButton label={t("refundStep.newOtp")} testId="new-otp" /> : null;
}
