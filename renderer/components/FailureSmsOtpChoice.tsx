import { useRequest, useStores, useT } from "../stores";
import { runningOf } from "../store/request-phase";

/**
 * Beside "Send OTP to customer" once a check shows refund pending: Eko texts the customer an OTP
 * when a transfer fails, so a customer who still has that SMS needs no new one.
 */
export function FailureSmsOtpChoice() {
  const t = useT();
  const { request } = useStores();
  const running = useRequest(runningOf);
  return (
    <div className="failure-sms-choice" data-testid="failure-sms-choice">
      <button
        type="button"
        className="button secondary"
        data-testid="use-failure-sms-otp"
        aria-describedby="failure-sms-hint"
        disabled={running !== null}
        onClick={() => request.getState().chooseFailureSmsOtp()}
      >
        {t("refundStep.hasOtp")}
      </button>
      <p id="failure-sms-hint" className="hint">
        {t("refundStep.hasOtpHint")}
      </p>
    </div>
  );
}
