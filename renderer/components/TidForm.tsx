import type { RefObject } from "react";
import { useRequest, useStores, useT } from "../stores";

export const TID_ERROR_ID = "tid-error";

/** The one field an agent needs. Enter submits; the button is locked while a request runs. */
export function TidForm({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const { request } = useStores();
  const tidInput = useRequest((s) => s.tidInput);
  const phase = useRequest((s) => s.phase);
  const sending = phase.status === "sending";
  const invalid = phase.status === "failed" && phase.error.kind === "invalid-input";

  return (
    <form
      className="tid-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void request.getState().submit();
      }}
    >
      <label htmlFor="tid-input" className="field-label">
        {t("request.tidLabel")}
      </label>
      <div className="tid-row">
        <input
          ref={inputRef}
          id="tid-input"
          className="tid-input mono"
          data-testid="tid-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={invalid ? `tid-hint ${TID_ERROR_ID}` : "tid-hint"}
          aria-invalid={invalid || undefined}
          value={tidInput}
          onChange={(event) => request.getState().setTidInput(event.target.value)}
        />
        <button type="submit" className="button primary" data-testid="send-otp" disabled={sending} aria-busy={sending}>
          {sending && <span className="spinner" aria-hidden="true" />}
          {sending ? t("request.sending") : t("request.send")}
        </button>
      </div>
      <p id="tid-hint" className="hint">
        {t("request.tidHint")}
      </p>
      {/* The button's new label is not announced; this says the request is on its way. */}
      <p role="status" className="visually-hidden" data-testid="sending-status">
        {sending ? t("request.sendingStatus") : ""}
      </p>
    </form>
  );
}
