import type { RefundDeskError } from "../../app/errors";
import { useStores, useT } from "../stores";
import { hasFailureAction } from "./failure-action";
import { SendAgainButton } from "./SendAgainButton";

/**
 * The one-press fix for a refund error: a new OTP (its wait in its own label, so no second
 * Resend button is needed), or the check that settles a lost answer.
 */
export function FailureActions({ error }: { error: RefundDeskError }) {
  const t = useT();
  const { request } = useStores();
  if (error.kind === "refund-outcome-unknown") {
    return (
      <button
        type="button"
        className="button primary"
        data-testid="check-again"
        onClick={() => void request.getState().check()}
      >
        {t("refundStep.checkAgain")}
      </button>
    );
  }
  if (error.kind === "otp-ref-needed") return <SendAgainButton label={t("request.send")} testId="new-otp" primary />;
  if (!hasFailureAction(error)) return null;
  const waitLabel = (time: string) => t("refundStep.newOtpIn", { time });
  return <SendAgainButton label={t("refundStep.newOtp")} waitLabel={waitLabel} testId="new-otp" primary />;
}
