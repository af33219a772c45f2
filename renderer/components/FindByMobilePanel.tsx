import { useFindMobile, useLang, useRequest, useStores, useT } from "../stores";
import { runningOf } from "../store/request-phase";
import { ErrorPanel } from "./ErrorPanel";
import { printDate, printMoney } from "../print/print-format";

const MOBILE_ERROR_ID = "mobile-error";

/**
 * The open "Customer has no tid?" panel: the customer's mobile lists their transfers waiting for
 * a refund (Eko's Get Pending Refunds); one click checks the chosen one and the flow goes on as
 * usual. In the answer chunk: the first screen shows only the button that opens it (FindByMobile).
 */
export function FindByMobilePanel({ onChosen }: { onChosen: () => void }) {
  const t = useT();
  const lang = useLang();
  const { findMobile, request } = useStores();
  const mobileInput = useFindMobile((s) => s.mobileInput);
  const running = useFindMobile((s) => s.running);
  const list = useFindMobile((s) => s.list);
  const failure = useFindMobile((s) => s.failure);
  const requestRunning = useRequest(runningOf);
  const invalid = failure?.kind === "invalid-input";

  const choose = (tid: string) => {
    if (requestRunning !== null) return;
    request.getState().setTidInput(tid);
    findMobile.getState().reset();
    void request.getState().check();
    onChosen();
  };

  return (
    <section className="panel find-mobile" data-testid="find-mobile" aria-labelledby="find-mobile-title">
      <h2 id="find-mobile-title" className="panel-title">
        {t("findMobile.title")}
      </h2>
      <form
        className="tid-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void findMobile.getState().find();
        }}
      >
        <label htmlFor="mobile-input" className="field-label">
          {t("findMobile.label")}
        </label>
        <div className="tid-row">
          <input
            id="mobile-input"
            className="tid-input mono"
            data-testid="mobile-input"
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={14}
            aria-describedby={invalid ? `mobile-hint ${MOBILE_ERROR_ID}` : "mobile-hint"}
            aria-invalid={invalid || undefined}
            value={mobileInput}
            onChange={(event) => findMobile.getState().setMobileInput(event.target.value)}
          />
          <button
            type="submit"
            className="button primary"
            data-testid="find-mobile-submit"
            disabled={running}
            aria-busy={running}
          >
            {running && <span className="spinner" aria-hidden="true" />}
            {running ? t("findMobile.finding") : t("findMobile.submit")}
          </button>
        </div>
        <p id="mobile-hint" className="hint">
          {t("findMobile.hint")}
        </p>
        <p role="status" className="visually-hidden">
          {running ? t("findMobile.findingStatus") : ""}
        </p>
      </form>
      {failure && (
        <ErrorPanel
          key={JSON.stringify(failure)}
          error={failure}
          testId="find-mobile-error"
          messageId={invalid ? MOBILE_ERROR_ID : undefined}
        />
      )}
      {list &&
        (list.transfers.length === 0 ? (
          <p className="hint" data-testid="find-mobile-none">
            {t("findMobile.none", { last4: list.mobileLast4 })}
          </p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="find-mobile-caption" tabIndex={0}>
            <table className="history-table" data-testid="find-mobile-list">
              <caption id="find-mobile-caption">{t("findMobile.listTitle", { last4: list.mobileLast4 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("findMobile.column.tid")}</th>
                  <th scope="col">{t("findMobile.column.time")}</th>
                  <th scope="col">{t("findMobile.column.amount")}</th>
                  <th scope="col">{t("findMobile.column.recipient")}</th>
                </tr>
              </thead>
              <tbody>
                {list.transfers.map((transfer) => (
                  <tr key={transfer.tid} data-testid="find-mobile-row" data-tid={transfer.tid}>
                    <td>
                      <button
                        type="button"
                        className="button secondary mono"
                        data-testid="find-mobile-check"
                        disabled={requestRunning !== null}
                        onClick={() => choose(transfer.tid)}
                      >
                        {t("findMobile.check", { tid: transfer.tid })}
                      </button>
                    </td>
                    <td className="nowrap">{transfer.time ? printDate(transfer.time, lang) : ""}</td>
                    <td className="nowrap">{transfer.amount ? printMoney(transfer.amount, lang) : ""}</td>
                    <td>{transfer.recipientName ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <button
        type="button"
        className="button secondary"
        data-testid="find-mobile-close"
        disabled={running}
        onClick={() => findMobile.getState().reset()}
      >
        {t("findMobile.close")}
      </button>
    </section>
  );
}
