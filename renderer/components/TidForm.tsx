import type { RefObject } from "react";
import { useMessages, useRequest, useStores } from "../stores";

/** The one field an agent needs. Enter submits; the button is locked while a request runs. */
export function TidForm({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const m = useMessages();
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
        {m.request.tidLabel}
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
          aria-describedby="tid-hint"
          aria-invalid={invalid || undefined}
          value={tidInput}
          onChange={(event) => request.getState().setTidInput(event.target.value)}
        />
        <button type="submit" className="button primary" data-testid="send-otp" disabled={sending} aria-busy={sending}>
          {sending && <span className="spinner" aria-hidden="true" />}
          {sending ? m.request.sending : m.request.send}
        </button>
      </div>
      <p id="tid-hint" className="hint">
        {m.request.tidHint}
      </p>
    </form>
  );
}
