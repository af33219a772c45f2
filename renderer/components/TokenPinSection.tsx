import { useRef, useState } from "react";
import type { AccessKeyState } from "../../app/settings";
import { useSettings, useStores, useT } from "../stores";

/**
 * The token's user PIN (signer pkcs11), write-only like the access key: the app stores it and
 * learns whether one is stored, never reads it back. It leaves component state when submitted.
 */
export function TokenPinSection({ state }: { state: AccessKeyState }) {
  const t = useT();
  const { settings } = useStores();
  const pending = useSettings((s) => s.pending);
  const notice = useSettings((s) => s.notice);
  const [value, setValue] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const storing = pending === "store-pin";

  async function store() {
    const pin = value;
    setValue("");
    if (await settings.getState().storeTokenPin(pin)) statusRef.current?.focus();
  }

  return (
    <section className="panel" aria-labelledby="token-pin-title">
      <h2 id="token-pin-title" className="panel-title">
        {t("tokenPin.title")}
      </h2>
      <p className="hint">{t("tokenPin.hint")}</p>
      <p
        className={`key-status key-${state}`}
        data-testid="token-pin-status"
        data-state={state}
        tabIndex={-1}
        ref={statusRef}
      >
        {
          { stored: t("tokenPin.stored"), missing: t("tokenPin.missing"), unavailable: t("tokenPin.unavailable") }[
            state
          ]
        }
      </p>
      <form
        className="key-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void store();
        }}
      >
        <label htmlFor="token-pin-input" className="field-label">
          {t("tokenPin.inputLabel")}
        </label>
        <div className="tid-row">
          <input
            id="token-pin-input"
            data-testid="token-pin-input"
            className="mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button
            type="submit"
            className="button secondary"
            data-testid="store-token-pin"
            disabled={storing}
            aria-busy={storing}
          >
            {storing && <span className="spinner" aria-hidden="true" />}
            {storing ? t("tokenPin.storing") : t("tokenPin.store")}
          </button>
        </div>
      </form>
      <p role="status" className="notice-slot">
        {notice === "pin-stored" && <span className="notice">{t("tokenPin.storedNotice")}</span>}
      </p>
    </section>
  );
}
