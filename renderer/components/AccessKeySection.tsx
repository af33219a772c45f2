import { useState } from "react";
import type { AccessKeyState } from "../../app/settings";
import { useMessages, useSettings, useStores } from "../stores";

/**
 * The access key is write-only: the app can store, replace or remove it and learn whether one is
 * stored, never read it back. The typed key leaves component state the moment it is submitted.
 */
export function AccessKeySection({ state }: { state: AccessKeyState }) {
  const m = useMessages();
  const { settings } = useStores();
  const pending = useSettings((s) => s.pending);
  const notice = useSettings((s) => s.notice);
  const [value, setValue] = useState("");
  const [replacing, setReplacing] = useState(false);
  const storing = pending === "store-key";
  const removing = pending === "remove-key";
  const showInput = state === "missing" || (state === "stored" && replacing);

  async function store() {
    const key = value;
    setValue("");
    if (await settings.getState().storeAccessKey(key)) setReplacing(false);
  }

  const statusText = { stored: m.accessKey.stored, missing: m.accessKey.missing, unavailable: m.accessKey.unavailable }[state];

  return (
    <section className="panel" aria-labelledby="access-key-title">
      <h2 id="access-key-title" className="panel-title">
        {m.accessKey.title}
      </h2>
      <p className="hint">{m.accessKey.hint}</p>
      <p className={`key-status key-${state}`} data-testid="access-key-status" data-state={state}>
        {statusText}
      </p>
      {state === "unavailable" && <p>{m.accessKey.unavailableAction}</p>}
      {state === "stored" && !replacing && (
        <div className="form-actions">
          <button type="button" className="button secondary" data-testid="replace-access-key" onClick={() => setReplacing(true)}>
            {m.accessKey.replace}
          </button>
          <button
            type="button"
            className="button danger"
            data-testid="remove-access-key"
            disabled={removing}
            aria-busy={removing}
            onClick={() => void settings.getState().removeAccessKey()}
          >
            {removing ? m.accessKey.removing : m.accessKey.remove}
          </button>
        </div>
      )}
      {showInput && (
        <form
          className="key-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void store();
          }}
        >
          <label htmlFor="access-key-input" className="field-label">
            {m.accessKey.inputLabel}
          </label>
          <div className="tid-row">
            <input
              id="access-key-input"
              data-testid="access-key-input"
              className="mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoFocus={replacing}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
            <button type="submit" className="button primary" data-testid="store-access-key" disabled={storing} aria-busy={storing}>
              {storing && <span className="spinner" aria-hidden="true" />}
              {storing ? m.accessKey.storing : m.accessKey.store}
            </button>
            {replacing && (
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setValue("");
                  setReplacing(false);
                }}
              >
                {m.accessKey.cancel}
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status" className="notice-slot">
        {notice === "key-stored" && <span className="notice">{m.accessKey.storedNotice}</span>}
        {notice === "key-removed" && <span className="notice">{m.accessKey.removedNotice}</span>}
      </p>
    </section>
  );
}
