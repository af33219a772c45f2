import { useEffect, useState, type Ref } from "react";
import { formatWait } from "../../app/messages/describe-error";
import { formatDateTime } from "../../app/messages/format";
import type { OtpSent } from "../../app/refund-otp";
import { useLang, useRequest, useStores, useT } from "../stores";
import { CopyButton } from "./CopyButton";
import { NewRequestButton } from "./NewRequestButton";

interface Props {
  result: OtpSent;
  resending: boolean;
  onResend(): void;
  onNewRequest(): void;
  /** The heading, which takes focus when an answer arrives. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Milliseconds until Resend opens, read from the store's clock a few times a second while waiting. */
function useResendWaitMs(): number {
  const { request } = useStores();
  const readyAt = useRequest((s) => s.resendReadyAt);
  const [wait, setWait] = useState(() => request.getState().resendWaitMs());
  useEffect(() => {
    const tick = () => {
      const left = request.getState().resendWaitMs();
      setWait(left);
      return left;
    };
    if (tick() === 0) return;
    const timer = setInterval(() => {
      if (tick() === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [request, readyAt]);
  return wait;
}

export function OtpResult({ result, resending, onResend, onNewRequest, headingRef }: Props) {
  const t = useT();
  const lang = useLang();
  const wait = useResendWaitMs();
  const waiting = wait > 0 && !resending;
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
        <button
          type="button"
          className="button secondary"
          data-testid="resend-otp"
          disabled={resending || waiting}
          aria-busy={resending}
          onClick={onResend}
        >
          {resending && <span className="spinner" aria-hidden="true" />}
          {resending ? t("result.resending") : waiting ? t("result.resendIn", { time: formatWait(wait, lang) }) : t("result.resend")}
        </button>
        <span className="hint">{waiting ? t("result.resendWaitHint") : t("result.resendHint")}</span>
      </div>
      <NewRequestButton onNewRequest={onNewRequest} disabled={resending} />
    </section>
  );
}
