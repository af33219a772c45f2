import { useState } from "react";
import { FIELDS } from "../../app/setting-fields";
import { ENVIRONMENTS, type Environment, type SettingsView } from "../../app/settings";
import { useSettings, useStores, useT } from "../stores";
import { draftFromView, type SettingsDraft } from "../store/settings-draft";
import { TextField } from "./TextField";

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
        <TextField
          id="base-url-input"
          label={t("settings.baseUrl")}
          hint={t("settings.baseUrlHint")}
          className="mono"
          type="url"
          autoComplete="off"
          spellCheck={false}
          value={draft.customBaseUrl}
          onChange={(event) => change({ customBaseUrl: event.target.value })}
        />
      )}
      <TextField
        id="developer-key-input"
        label={t("settings.developerKey")}
        hint={t("settings.developerKeyHint")}
        className="mono"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft.developerKey}
        onChange={(event) => change({ developerKey: event.target.value })}
      />
      <div className="field-pair">
        <TextField
          id="initiator-id-input"
          label={t("settings.initiatorId")}
          hint={t("settings.initiatorIdHint")}
          className="mono"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={draft.initiatorId}
          onChange={(event) => change({ initiatorId: event.target.value })}
        />
        <TextField
          id="user-code-input"
          label={t("settingName.userCode")}
          hint={t("userCodeField.hint")}
          className="mono"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={draft.userCode}
          onChange={(event) => change({ userCode: event.target.value })}
        />
      </div>
      <div className="field-pair">
        <TextField
          id="timeout-input"
          label={t("settings.timeout")}
          hint={t("settings.timeoutHint")}
          type="number"
          min={FIELDS.timeoutMs.kind.min / 1000}
          max={FIELDS.timeoutMs.kind.max / 1000}
          step={1}
          value={draft.timeoutSeconds}
          onChange={(event) => change({ timeoutSeconds: event.target.value })}
        />
        <TextField
          id="resend-cooldown-input"
          label={t("settings.resendCooldown")}
          hint={t("settings.resendCooldownHint")}
          type="number"
          min={FIELDS.resendCooldownMs.kind.min / 1000}
          max={FIELDS.resendCooldownMs.kind.max / 1000}
          step={1}
          value={draft.resendCooldownSeconds}
          onChange={(event) => change({ resendCooldownSeconds: event.target.value })}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="save-settings"
          disabled={saving}
          aria-busy={saving}
        >
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
