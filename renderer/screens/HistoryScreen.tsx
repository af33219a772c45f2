import { useEffect, useRef } from "react";
import { formatDay } from "../../app/messages/format";
import { DaySummary } from "../components/DaySummary";
import { ErrorPanel } from "../components/ErrorPanel";
import { HistoryExport } from "../components/HistoryExport";
import { HistoryTable } from "../components/HistoryTable";
import { useHistory, useLang, usePrint, useStores, useT } from "../stores";

/** Today's requests from this computer (the journal), and its export for IT. */
export function HistoryScreen() {
  const t = useT();
  const lang = useLang();
  const { history, print } = useStores();
  // A reprint or the day's close refused (the journal cannot be written, no printer on a kiosk).
  const printError = usePrint((s) => s.error);
  const page = useHistory((s) => s.page);
  const day = useHistory((s) => s.day);
  const loading = useHistory((s) => s.loading);
  const loadError = useHistory((s) => s.loadError);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Read afresh on each visit: requests were made since, and the day may have changed.
  useEffect(() => {
    titleRef.current?.focus();
    void history.getState().load();
  }, [history]);
  // Shown here while this screen is open, and not carried to the next receipt.
  useEffect(() => () => print.getState().clearError(), [print]);

  return (
    <div className="history-layout" data-testid="history">
      <div className="screen-head">
        <h1 id="history-title" className="screen-title" tabIndex={-1} ref={titleRef}>
          {t("history.title")}
        </h1>
        <button
          type="button"
          className="button secondary"
          data-testid="history-refresh"
          aria-busy={loading}
          onClick={() => void history.getState().load()}
        >
          {loading && <span className="spinner" aria-hidden="true" />}
          {loading ? t("history.loading") : t("history.refresh")}
        </button>
      </div>
      <p className="intro">{t("history.intro")}</p>
      {loadError && <ErrorPanel key={JSON.stringify(loadError)} error={loadError} testId="history-error" />}
      {printError && <ErrorPanel key={JSON.stringify(printError)} error={printError} testId="history-print-error" />}
      {page && <DaySummary day={day} entries={page.entries} />}
      {page &&
        (page.entries.length > 0 ? (
          <HistoryTable entries={page.entries} caption={t("history.caption", { day: formatDay(day, lang) })} />
        ) : (
          <p className="panel history-empty" data-testid="history-empty">
            {t("history.empty")}
          </p>
        ))}
      {page && page.skipped > 0 && (
        <p className="hint" data-testid="history-skipped">
          {t("history.skipped", { n: page.skipped })}
        </p>
      )}
      <HistoryExport />
    </div>
  );
}
