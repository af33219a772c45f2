import { formatDateTime } from "../../app/messages/format";
import type { OtpSent } from "../../app/refund-otp";
import { useLang, useRequest, useT } from "../stores";
import { runningOf } from "../store/request-phase";
import { CopyButton } from "./CopyButton";
import { SendAgainButton } from "./SendAgainButton";
import { useResendWaitMs } from "./use-resend-wait";

/**
 * Why this reference can no longer refund: Eko said it expired (only a new OTP helps, offered by
 * the error's own button), or the agent's wallet is short (a new OTP would not help either).
 */
export type OtpStopped = "expired" | "no-balance" | null;

interface Props {
  result: OtpSent;
  stopped: OtpStopped;
  /** False when the error on screen offers its own "Send a new OTP": one button, not two. */
  resend: boolean;
}

/** The OTP sent: its reference (large, with Copy) and, while it is good, Resend with its wait. */
export function OtpResult({ result, stopped, resend }: Props) {
  const t = useT();
  const lang = useLang();
  const sending = useRequest((s) => runningOf(s) === "send-otp");
  const waiting = useResendWaitMs() > 0 && !sending;
  const expired = stopped === "expired";
  return (
    <section
      className="panel result-panel"
      data-testid="otp-result"
      data-stopped={stopped ?? undefined}
      aria-labelledby="otp-result-title"
    >
      <h2 id="otp-result-title" className="result-title" data-testid="otp-result-title">
        {t("result.title")}{" "}
        <span className="result-sent-at">
          <time dateTime={result.sentAt}>{formatDateTime(result.sentAt, lang)}</time>
        </span>
      </h2>
      <div className={expired ? "ref-block ref-expired" : "ref-block"}>
        <span className="ref-label" id="otp-ref-label">
          {t("result.refLabel")}
        </span>
        <div className="ref-row">
          {/* Focusable: a reference longer than the panel scrolls, and the keyboard must reach it too. */}
          <output
            className="otp-ref-id"
            data-testid="otp-ref-id"
            aria-labelledby="otp-ref-label"
            aria-describedby={expired ? "otp-ref-expired" : undefined}
            tabIndex={0}
          >
            {result.otpRefId}
          </output>
          {expired ? (
            <span className="ref-expired-tag" id="otp-ref-expired" data-testid="otp-ref-expired">
              {t("result.expired")}
            </span>
          ) : (
            <CopyButton text={result.otpRefId} testId="copy-otp-ref" />
          )}
        </div>
      </div>
      {!stopped && resend && (
        <div className="result-resend">
          <SendAgainButton label={t("result.resend")} testId="resend-otp" />
          <span className="hint">{waiting ? t("result.resendWaitHint") : t("result.resendHint")}</span>
        </div>
      )}
    </section>
  );
}
