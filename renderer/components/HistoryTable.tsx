import type { JournalEntry } from "../../app/history";
import { describeOutcome } from "../../app/messages/describe-outcome";
import { formatRupees, formatTime } from "../../app/messages/format";
import { isRefundLine, printableFromJournal } from "../../app/receipt";
import { useLang, useStores, useT } from "../stores";

/**
 * One day's journal lines, newest first. The table scrolls inside its own box when the window is
 * narrow (200 % zoom), so the page itself never scrolls sideways; the box is focusable for keyboards.
 */
export function HistoryTable({ entries, caption }: { entries: JournalEntry[]; caption: string }) {
  const t = useT();
  const lang = useLang();
  const { print } = useStores();
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
            <th scope="col">{t("history.column.amount")}</th>
            <th scope="col">{t("history.column.actions")}</th>
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
                <td className="nowrap">
                  {entry.refundedAmount
                    ? formatRupees(entry.refundedAmount, lang)
                    : entry.txAmount
                      ? formatRupees(entry.txAmount, lang)
                      : ""}
                </td>
                <td>
                  {isRefundLine(entry) && (
                    <button
                      type="button"
                      className="button secondary"
                      data-testid="history-reprint"
                      aria-label={t("history.reprintLabel", { tid: entry.tid })}
                      onClick={() =>
                        void print.getState().printReceipt(printableFromJournal(entry), { duplicate: true })
                      }
                    >
                      {t("history.reprint")}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
