import type { RefObject } from "react";
import { formatWait } from "../../app/messages/describe-error";
import { formatRupees } from "../../app/messages/format";
import { CUSTOMER_OTP_MAX_DIGITS, SETTLE_BEFORE_INQUIRY_MS } from "../../app/refund";
import { useLang, useRequest, useSettings, useStores, useT } from "../stores";
import { customerOtpOf, failureSmsOtpOf, runningOf, runningSinceOf } from "../store/request-phase";
import { OTP_ERROR_ID } from "./flow-ids";
import { useMsUntil } from "./use-ms-until";

interface Props {
  /** The transaction's amount, for the button; null when no check was made (a restored screen). */
  amount: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The error on screen is about the OTP typed here. */
  otpInvalid: boolean;
  /** A restored screen: the tid must be checked again before the refund can go. */
  locked: boolean;
}

/** The customer's OTP and the one button that moves money. Enter submits; a second press while it runs does nothing. */
export function RefundForm({ amount, inputRef, otpInvalid, locked }: Props) {
  const t = useT();
  const lang = useLang();
  const { request } = useStores();
  const otp = useRequest(customerOtpOf);
  const running = useRequest(runningOf);
  const timeoutMs = useSettings((s) => s.view?.timeoutMs ?? null);
  // The OTP from the SMS Eko sent when the transfer failed, rather than one sent just now.
  const fromFailureSms = useRequest(failureSmsOtpOf);
  const refunding = running === "refund";
  const since = useRequest((s) => (runningOf(s) === "refund" ? runningSinceOf(s) : null));
  // The longest wait before main inquires by itself: the timeout, then the pause before the inquiry.
  const left = useMsUntil(since === null || timeoutMs === null ? null : since + timeoutMs + SETTLE_BEFORE_INQUIRY_MS);

  return (
    <form
      className="panel refund-form"
      data-testid="refund-form"
      aria-labelledby="refund-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void request.getState().refund();
      }}
    >
      {/* Named for screen readers; on screen the field's label says it. */}
      <h2 id="refund-form-title" className="visually-hidden">
        {t(fromFailureSms ? "refundStep.failureSmsTitle" : "refundStep.title")}
      </h2>
      <label htmlFor="customer-otp" className="field-label">
        {t("refundStep.otpLabel")}
      </label>
      <div className="otp-row">
        <input
          ref={inputRef}
          id="customer-otp"
          className="otp-input mono"
          data-testid="customer-otp"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={CUSTOMER_OTP_MAX_DIGITS}
          aria-describedby={otpInvalid ? `customer-otp-hint ${OTP_ERROR_ID}` : "customer-otp-hint"}
          aria-invalid={otpInvalid || undefined}
          readOnly={refunding}
          value={otp}
          onChange={(event) => request.getState().setCustomerOtp(event.target.value)}
        />
        <button
          type="submit"
          className="button primary"
          data-testid="refund-submit"
          disabled={running !== null || locked}
          aria-busy={refunding}
        >
          {refunding && <span className="spinner" aria-hidden="true" />}
          {refunding
            ? t("refundStep.refunding")
            : amount === null
              ? t("refundStep.submitNow")
              : t("refundStep.submit", { amount: formatRupees(amount, lang) })}
        </button>
      </div>
      <p id="customer-otp-hint" className="hint">
        {t(fromFailureSms ? "refundStep.failureSmsOtpHint" : "refundStep.otpHint")}
      </p>
      {/* Present before it speaks, so screen readers announce it. A lost answer is slow (the timeout, a pause, an inquiry): say why. */}
      <div role="status" className="refund-status" data-testid="refund-status">
        {refunding && (
          <>
            <p className="refund-status-title">{t("refundStep.status")}</p>
            {timeoutMs !== null && <p>{t("refundStep.statusWait", { seconds: Math.round(timeoutMs / 1000) })}</p>}
            {left > 0 && (
              <p className="refund-countdown" data-testid="refund-countdown" aria-hidden="true">
                {t("refundStep.statusLeft", { time: formatWait(left, lang) })}
              </p>
            )}
          </>
        )}
      </div>
    </form>
  );
}
