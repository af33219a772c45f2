import { useLayoutEffect, type ReactNode, type RefObject } from "react";
import { useRequest, useStores, useT } from "../stores";
import { failureOf, runningOf } from "../store/request-phase";

export const TID_ERROR_ID = "tid-error";

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  /** Ids of what the field's user should hear with it: a verdict that sends them back here, the restored note. */
  describedBy?: string;
  /** Beside Check: New request. */
  children?: ReactNode;
}

/** The one field an agent starts with. Enter checks the transaction; the button is locked while a call runs. */
export function TidForm({ inputRef, describedBy, children }: Props) {
  const t = useT();
  const { request } = useStores();
  const tidInput = useRequest((s) => s.tidInput);
  const running = useRequest(runningOf);
  // Refused before the call, or a number Eko does not know: the field is where it is fixed.
  const invalid = useRequest((s) => {
    const failure = failureOf(s);
    return (
      failure?.task === "check" && (failure.error.kind === "invalid-input" || failure.error.kind === "unknown-tid")
    );
  });
  const checking = running === "check";

  // The field is in the prerendered page (first-screen.tsx): what the agent typed before the
  // script ran is in it, not yet in the store. Taken in as the field comes to life; a field the
  // agent did not type in (its value still the one it was rendered with) leaves the store alone,
  // so a tid main restored meanwhile stays.
  useLayoutEffect(() => {
    const field = inputRef.current;
    if (field && field.value !== field.defaultValue) request.getState().setTidInput(field.value);
  }, [inputRef, request]);

  return (
    <form
      className="tid-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void request.getState().check();
      }}
    >
      <label htmlFor="tid-input" className="field-label">
        {t("request.tidLabel")}
      </label>
      <div className="tid-row">
        <input
          ref={inputRef}
          // In the prerendered page too: the agent can type before the script runs.
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the screen's one field, focused on arrival as before
          autoFocus
          id="tid-input"
          className="tid-input mono"
          data-testid="tid-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={[describedBy, "tid-hint", invalid ? TID_ERROR_ID : null].filter(Boolean).join(" ")}
          aria-invalid={invalid || undefined}
          value={tidInput}
          onChange={(event) => request.getState().setTidInput(event.target.value)}
        />
        <button
          type="submit"
          className="button primary"
          data-testid="check-tid"
          disabled={running !== null}
          aria-busy={checking}
        >
          {checking && <span className="spinner" aria-hidden="true" />}
          {checking ? t("check.checking") : t("check.submit")}
        </button>
        {children}
      </div>
      <p id="tid-hint" className="hint">
        {t("request.tidHint")}
      </p>
      {/* A button's new label is not announced; this says a call is on its way (the refund has its own status). */}
      <p role="status" className="visually-hidden" data-testid="sending-status">
        {checking ? t("check.checkingStatus") : running === "send-otp" ? t("request.sendingStatus") : ""}
      </p>
    </form>
  );
}
