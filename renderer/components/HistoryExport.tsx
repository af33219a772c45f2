import { useState } from "react";
import { useDesk, useHistory, useStores, useT } from "../stores";
import { ErrorPanel } from "./ErrorPanel";
import { PinDialog } from "./PinDialog";

/**
 * A range of days to a CSV file: a save dialog in the app; main writes it, never the renderer.
 * On a kiosk there is no dialog: the admin's PIN, then the counter's fixed exports folder.
 */
export function HistoryExport() {
  const t = useT();
  const { history } = useStores();
  const kiosk = useDesk((s) => s.desk?.kioskMode ?? false);
  const [askingPin, setAskingPin] = useState(false);
  const exporting = useHistory((s) => s.exporting);
  const exported = useHistory((s) => s.exported);
  const exportError = useHistory((s) => s.exportError);
  const [from, setFrom] = useState(() => history.getState().today());
  const [to, setTo] = useState(() => history.getState().today());

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title" className="panel-title">
        {t("history.exportTitle")}
      </h2>
      <p className="hint">{t("history.exportIntro")}</p>
      <form
        className="export-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (kiosk) setAskingPin(true);
          else void history.getState().exportRange({ from, to });
        }}
      >
        <div className="field">
          <label htmlFor="export-from" className="field-label">
            {t("history.from")}
          </label>
          <input
            id="export-from"
            data-testid="export-from"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="export-to" className="field-label">
            {t("history.to")}
          </label>
          <input
            id="export-to"
            data-testid="export-to"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button primary"
          data-testid="export-history"
          disabled={exporting}
          aria-busy={exporting}
        >
          {exporting && <span className="spinner" aria-hidden="true" />}
          {exporting ? t("history.exporting") : t("history.export")}
        </button>
      </form>
      <p role="status" className="notice-slot">
        {exported && (
          <span
            className={exported.saved ? "notice export-result" : "export-result"}
            data-testid="export-result"
            data-saved={exported.saved}
          >
            {exported.saved
              ? t("history.saved", { rows: exported.rows, location: exported.location ?? "" })
              : t("history.cancelled")}
          </span>
        )}
      </p>
      {exportError && <ErrorPanel key={JSON.stringify(exportError)} error={exportError} testId="export-error" />}
      {askingPin && (
        <PinDialog
          purpose="export"
          onSubmit={async (pin) => {
            const refused = await history.getState().exportRange({ from, to }, pin);
            if (!refused) setAskingPin(false);
            return refused;
          }}
          onClose={() => setAskingPin(false)}
        />
      )}
    </section>
  );
}
