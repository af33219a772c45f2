import { describeClockStatus } from "../../app/messages/describe-error";
import { clockOffsetToMention } from "../../app/clock-offset";
import { useLang, useRequest, useSettings } from "../stores";

/**
 * A calm line under the header when this computer's clock is far from the server's. Requests
 * still work (main signs with the corrected time), so it informs rather than alarms.
 */
export function ClockStatus() {
  const lang = useLang();
  const offset = useRequest((s) => clockOffsetToMention(s.clockOffsetMs));
  const practice = useSettings((s) => s.view?.environment === "practice");
  if (offset === null) return null;
  return (
    <p className="clock-status" role="status" data-testid="clock-status">
      {describeClockStatus(offset, lang, practice ? "practice" : "eko")}
    </p>
  );
}
