import type { JournalEntry } from "../../app/history";
import { describeOutcome } from "../../app/messages/describe-outcome";
import { formatTime } from "../../app/messages/format";
import { useLang, useT } from "../stores";

/**
 * One day's journal lines, newest first. The table scrolls inside its own box when the window is
 * narrow (200 % zoom), so the page itself never scrolls sideways; the box is focusable for keyboards.
 */
export function HistoryTable({ entries, caption }: { entries: JournalEntry[]; caption: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
      <table className="history-table" data-testid="history-table">
        <caption id="history-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.column.time")}</th>
            <th scope="col">{t("history.column.tid")}</th>
            <th scope="col">{t("history.column.step")}</th>
            <th scope="col">{t("history.column.outcome")}</th>
            <th scope="col">{t("history.column.ekoStatus")}</th>
            <th scope="col">{t("history.column.ref")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => {
            const words = describeOutcome(entry.outcome, lang);
            return (
              <tr key={`${entry.at}-${index}`} data-testid="history-row" data-outcome={entry.outcome}>
                <td className="nowrap">{formatTime(entry.at, lang)}</td>
                <td className="mono">{entry.tid}</td>
                <td>{words.step ?? ""}</td>
                <td>{words.result}</td>
                <td className="mono">{entry.ekoStatus ?? ""}</td>
                <td className="mono">{entry.otpRefTail ? `…${entry.otpRefTail}` : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
