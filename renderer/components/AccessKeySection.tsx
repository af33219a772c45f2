import { useRef, useState } from "react";
import type { AccessKeyState } from "../../app/settings";
import { useSettings, useStores, useT } from "../stores";

/**
 * The access key is write-only: the app can store, replace or remove it and learn whether one is
 * stored, never read it back. The typed key leaves component state the moment it is submitted.
 */
export function AccessKeySection({ state, practice }: { state: AccessKeyState; practice: boolean }) {
  const t = useT();
  const { settings } = useStores();
  const pending = useSettings((s) => s.pending);
  const notice = useSettings((s) => s.notice);
  const [value, setValue] = useState("");
  const [replacing, setReplacing] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const storing = pending === "store-key";
  const removing = pending === "remove-key";
  const showInput = state === "missing" || (state === "stored" && replacing);

  // The form or button the agent used goes away on success: focus lands on the new state.
  async function store() {
    const key = value;
    setValue("");
    if (await settings.getState().storeAccessKey(key)) {
      setReplacing(false);
      statusRef.current?.focus();
    }
  }

  async function remove() {
    if (await settings.getState().removeAccessKey()) statusRef.current?.focus();
  }

  function cancel() {
    setValue("");
    setReplacing(false);
    statusRef.current?.focus();
  }

  const statusText = {
    stored: t("accessKey.stored"),
    missing: t("accessKey.missing"),
    unavailable: t("accessKey.unavailable"),
  }[state];

  return (
    <section className="panel" aria-labelledby="access-key-title">
      <h2 id="access-key-title" className="panel-title">
        {t("accessKey.title")}
      </h2>
      <p className="hint">{t("accessKey.hint")}</p>
      {/* A key is stored for UAT, production or a custom server and signs for it alone. */}
      {practice && (
        <p className="hint" data-testid="access-key-practice">
          {t("accessKey.practice")}
        </p>
      )}
      <p
        className={`key-status key-${state}`}
        data-testid="access-key-status"
        data-state={state}
        tabIndex={-1}
        ref={statusRef}
      >
        {statusText}
      </p>
      {state === "unavailable" && <p>{t("accessKey.unavailableAction")}</p>}
      {state === "stored" && !replacing && (
        <div className="form-actions">
          <button
            type="button"
            className="button secondary"
            data-testid="replace-access-key"
            onClick={() => setReplacing(true)}
          >
            {t("accessKey.replace")}
          </button>
          <button
            type="button"
            className="button danger"
            data-testid="remove-access-key"
            disabled={removing}
            aria-busy={removing}
            onClick={() => void remove()}
          >
            {removing ? t("accessKey.removing") : t("accessKey.remove")}
          </button>
        </div>
      )}
      {showInput && (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape bubbling from its fields
        <form
          className="key-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void store();
          }}
          onKeyDown={(event) => {
            // Escape cancels a replacement before it leaves the Settings screen.
            if (event.key === "Escape" && replacing) {
              event.preventDefault();
              cancel();
            }
          }}
        >
          <label htmlFor="access-key-input" className="field-label">
            {t("accessKey.inputLabel")}
          </label>
          <div className="tid-row">
            <input
              id="access-key-input"
              data-testid="access-key-input"
              className="mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the admin just pressed Replace: the new key goes here
              autoFocus={replacing}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
            <button
              type="submit"
              className="button secondary"
              data-testid="store-access-key"
              disabled={storing}
              aria-busy={storing}
            >
              {storing && <span className="spinner" aria-hidden="true" />}
              {storing ? t("accessKey.storing") : t("accessKey.store")}
            </button>
            {replacing && (
              <button type="button" className="button secondary" onClick={cancel}>
                {t("accessKey.cancel")}
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status" className="notice-slot">
        {notice === "key-stored" && <span className="notice">{t("accessKey.storedNotice")}</span>}
        {notice === "key-removed" && <span className="notice">{t("accessKey.removedNotice")}</span>}
      </p>
    </section>
  );
}
