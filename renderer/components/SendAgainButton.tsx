import { formatWait } from "../../app/messages/describe-error";
import { useLang, useRequest, useStores, useT } from "../stores";
import { runningOf } from "../store/request-phase";
import { useResendWaitMs } from "./use-resend-wait";

interface Props {
  label: string;
  testId: string;
  /** The words while the wait runs, given the time left ("Resend in 24 s" by default). */
  waitLabel?: (time: string) => string;
  primary?: boolean;
}

/**
 * Sends the refund OTP again. While the resend wait runs it counts down instead, so the customer
 * is not flooded with SMS; main refuses an early one too (`cooldown`).
 */
export function SendAgainButton({ label, testId, waitLabel, primary = false }: Props) {
  const t = useT();
  const lang = useLang();
  const { request } = useStores();
  const sending = useRequest((s) => runningOf(s) === "send-otp");
  const busy = useRequest((s) => runningOf(s) !== null);
  const wait = useResendWaitMs();
  const waiting = wait > 0 && !sending;
  const waitWords = waitLabel ?? ((time: string) => t("result.resendIn", { time }));
  return (
    <button
      type="button"
      className={primary ? "button primary" : "button secondary"}
      data-testid={testId}
      disabled={busy || waiting}
      aria-busy={sending}
      onClick={() => void request.getState().sendOtp()}
    >
      {sending && <span className="spinner" aria-hidden="true" />}
      {sending ? t("result.resending") : waiting ? waitWords(formatWait(wait, lang)) : label}
    </button>
  );
}
