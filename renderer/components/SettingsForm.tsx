import { useState } from "react";
import { ENVIRONMENTS, type Environment, type SettingsView } from "../../app/settings";
import { useSettings, useStores, useT } from "../stores";
import { draftFromView, type SettingsDraft } from "../store/settings-draft";

/**
 * The non-secret settings. The draft is local until Save; the screen remounts this form (by key)
 * whenever the saved settings are re-read, so it always starts from what is stored.
 */
export function SettingsForm({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const pending = useSettings((s) => s.pending);
  const saved = useSettings((s) => s.notice === "saved");
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromView(view));
  const saving = pending === "save";

  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    settings.getState().clearNotice();
  };

  return (
    <form
      className="panel settings-form"
      noValidate
      aria-labelledby="settings-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void settings.getState().save(draft);
      }}
    >
      <h2 id="settings-form-title" className="panel-title">
        {t("settings.formTitle")}
      </h2>
      <div className="field">
        <label htmlFor="env-select" className="field-label">
          {t("settings.environment")}
        </label>
        <select
          id="env-select"
          data-testid="env-select"
          value={draft.environment}
          onChange={(event) => change({ environment: event.target.value as Environment })}
        >
          {ENVIRONMENTS.map((env) => (
            <option key={env} value={env}>
              {t(`env.option.${env}`)}
            </option>
          ))}
        </select>
        <p className="hint">
          {t("settings.currentUrl")} <span className="mono url">{view.baseUrl ?? t("settings.noUrl")}</span>
        </p>
      </div>
      {draft.environment === "custom" && (
        <div className="field">
          <label htmlFor="base-url-input" className="field-label">
            {t("settings.baseUrl")}
          </label>
          <input
            id="base-url-input"
            data-testid="base-url-input"
            className="mono"
            type="url"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="base-url-hint"
            value={draft.customBaseUrl}
            onChange={(event) => change({ customBaseUrl: event.target.value })}
          />
          <p id="base-url-hint" className="hint">
            {t("settings.baseUrlHint")}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor="developer-key-input" className="field-label">
          {t("settings.developerKey")}
        </label>
        <input
          id="developer-key-input"
          data-testid="developer-key-input"
          className="mono"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="developer-key-hint"
          value={draft.developerKey}
          onChange={(event) => change({ developerKey: event.target.value })}
        />
        <p id="developer-key-hint" className="hint">
          {t("settings.developerKeyHint")}
        </p>
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor="initiator-id-input" className="field-label">
            {t("settings.initiatorId")}
          </label>
          <input
            id="initiator-id-input"
            data-testid="initiator-id-input"
            className="mono"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="initiator-id-hint"
            value={draft.initiatorId}
            onChange={(event) => change({ initiatorId: event.target.value })}
          />
          <p id="initiator-id-hint" className="hint">
            {t("settings.initiatorIdHint")}
          </p>
        </div>
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor="timeout-input" className="field-label">
            {t("settings.timeout")}
          </label>
          <input
            id="timeout-input"
            data-testid="timeout-input"
            type="number"
            min={1}
            max={120}
            step={1}
            aria-describedby="timeout-hint"
            value={draft.timeoutSeconds}
            onChange={(event) => change({ timeoutSeconds: event.target.value })}
          />
          <p id="timeout-hint" className="hint">
            {t("settings.timeoutHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="resend-cooldown-input" className="field-label">
            {t("settings.resendCooldown")}
          </label>
          <input
            id="resend-cooldown-input"
            data-testid="resend-cooldown-input"
            type="number"
            min={0}
            max={600}
            step={1}
            aria-describedby="resend-cooldown-hint"
            value={draft.resendCooldownSeconds}
            onChange={(event) => change({ resendCooldownSeconds: event.target.value })}
          />
          <p id="resend-cooldown-hint" className="hint">
            {t("settings.resendCooldownHint")}
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="save-settings" disabled={saving} aria-busy={saving}>
          {saving && <span className="spinner" aria-hidden="true" />}
          {saving ? t("settings.saving") : t("settings.save")}
        </button>
        <span role="status" className="notice-slot">
          {saved && (
            <span className="notice" data-testid="settings-saved">
              {t("settings.saved")}
            </span>
          )}
        </span>
      </div>
    </form>
  );
}
