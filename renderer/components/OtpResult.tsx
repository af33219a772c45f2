import { useEffect, useState } from "react";
import { fill, formatWait } from "../../app/messages/describe-error";
import type { OtpSent } from "../../app/refund-otp";
import { formatDateTime } from "../format";
import { useLang, useMessages, useRequest, useStores } from "../stores";
import { CopyButton } from "./CopyButton";

interface Props {
  result: OtpSent;
  resending: boolean;
  onResend(): void;
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

export function OtpResult({ result, resending, onResend }: Props) {
  const m = useMessages();
  const lang = useLang();
  const wait = useResendWaitMs();
  const waiting = wait > 0 && !resending;
  return (
    <section className="panel result-panel" data-testid="otp-result" aria-labelledby="otp-result-title">
      <h2 id="otp-result-title" className="result-title">
        {m.result.title}
      </h2>
      <p className="result-sentence">{m.result.sentence}</p>
      <div className="ref-block">
        <span className="ref-label" id="otp-ref-label">
          {m.result.refLabel}
        </span>
        <div className="ref-row">
          <output className="otp-ref-id" data-testid="otp-ref-id" aria-labelledby="otp-ref-label">
            {result.otpRefId}
          </output>
          <CopyButton text={result.otpRefId} testId="copy-otp-ref" />
        </div>
      </div>
      <dl className="result-facts">
        <div>
          <dt>{m.result.tidLabel}</dt>
          <dd className="mono">{result.tid}</dd>
        </div>
        <div>
          <dt>{m.result.sentAtLabel}</dt>
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
          {resending ? m.result.resending : waiting ? fill(m.result.resendIn, { time: formatWait(wait, lang) }) : m.result.resend}
        </button>
        <span className="hint">{waiting ? m.result.resendWaitHint : m.result.resendHint}</span>
      </div>
    </section>
  );
}
