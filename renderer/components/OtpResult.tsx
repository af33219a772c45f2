import type { Ref } from "react";
import { formatDateTime } from "../../app/messages/format";
import type { OtpSent } from "../../app/refund-otp";
import { useLang, useRequest, useT } from "../stores";
import { CopyButton } from "./CopyButton";
import { SendAgainButton } from "./SendAgainButton";
import { useResendWaitMs } from "./use-resend-wait";

interface Props {
  result: OtpSent;
  /** The heading, which takes focus when an answer arrives. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function OtpResult({ result, headingRef }: Props) {
  const t = useT();
  const lang = useLang();
  const sending = useRequest((s) => s.running === "send-otp");
  const waiting = useResendWaitMs() > 0 && !sending;
  return (
    <section className="panel result-panel" data-testid="otp-result" aria-labelledby="otp-result-title">
      <h2 id="otp-result-title" className="result-title" tabIndex={-1} ref={headingRef} data-testid="otp-result-title">
        {t("result.title")}
      </h2>
      <p className="result-sentence">{t("result.sentence")}</p>
      <div className="ref-block">
        <span className="ref-label" id="otp-ref-label">
          {t("result.refLabel")}
        </span>
        <div className="ref-row">
          {/* Focusable: a reference longer than the panel scrolls, and the keyboard must reach it too. */}
          <output className="otp-ref-id" data-testid="otp-ref-id" aria-labelledby="otp-ref-label" tabIndex={0}>
            {result.otpRefId}
          </output>
          <CopyButton text={result.otpRefId} testId="copy-otp-ref" />
        </div>
      </div>
      <dl className="result-facts">
        <div>
          <dt>{t("result.tidLabel")}</dt>
          <dd className="mono">{result.tid}</dd>
        </div>
        <div>
          <dt>{t("result.sentAtLabel")}</dt>
          <dd>
            <time dateTime={result.sentAt}>{formatDateTime(result.sentAt, lang)}</time>
          </dd>
        </div>
      </dl>
      <div className="result-resend">
        <SendAgainButton label={t("result.resend")} testId="resend-otp" />
        <span className="hint">{waiting ? t("result.resendWaitHint") : t("result.resendHint")}</span>
      </div>
    </section>
  );
}
