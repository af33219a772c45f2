import { useState } from "react";
import { cliName, fieldSpec, formFields } from "../../app/setting-fields";
import type { SettingsView, UserSettingsPatch } from "../../app/settings";
import type { MessageKey } from "../../app/messages/keys";
import { useSettings, useStores, useT } from "../stores";
import { TextField } from "./TextField";

/** The fields of the Receipts and counter section, from the field table (app/setting-fields.ts). */
const FIELDS = formFields("receipt");
type ReceiptFormField = (typeof FIELDS)[number];
type Draft = Record<ReceiptFormField, string | boolean>;

function draftFrom(view: SettingsView): Draft {
  return Object.fromEntries(
    FIELDS.map((name) => [name, typeof view[name] === "boolean" ? view[name] : String(view[name] ?? "")]),
  ) as Draft;
}

/** The draft as a patch: numbers as typed (blank is not a number, so it is refused), the rest as they are. */
function patchFrom(draft: Draft): UserSettingsPatch {
  return Object.fromEntries(
    FIELDS.map((name) => {
      const value = draft[name];
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
      return [name, fieldSpec(name).kind.type === "number" ? number : value];
    }),
  );
}

/** The receipt printer and its paper, the copies, the grievance text and the idle clear: for the branch IT admin. */
export function ReceiptSettings({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const saving = useSettings((s) => s.pending === "save");
  const [draft, setDraft] = useState<Draft>(() => draftFrom(view));
  const change = (name: ReceiptFormField, value: string | boolean) => setDraft((d) => ({ ...d, [name]: value }));

  return (
    <form
      className="panel settings-form"
      noValidate
      aria-labelledby="receipt-settings-title"
      data-testid="receipt-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void settings.getState().saveSection(patchFrom(draft));
      }}
    >
      <h2 id="receipt-settings-title" className="panel-title">
        {t("receiptSettings.title")}
      </h2>
      {FIELDS.map((name) => {
        const kind = fieldSpec(name).kind;
        const id = `${cliName(name)}-input`;
        const label = t(`settingName.${name}`);
        const hint = t(`receiptSettings.hint.${name}`);
        const value = draft[name];
        if (kind.type === "boolean")
          return (
            <div className="field" key={name}>
              <label className="field-label check-label">
                <input
                  type="checkbox"
                  id={id}
                  data-testid={id}
                  checked={value === true}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => change(name, e.target.checked)}
                />{" "}
                {label}
              </label>
              <p id={`${id}-hint`} className="hint">
                {hint}
              </p>
            </div>
          );
        if (kind.type === "enum")
          return (
            <div className="field" key={name}>
              <label htmlFor={id} className="field-label">
                {label}
              </label>
              <select
                id={id}
                data-testid={id}
                value={String(value)}
                aria-describedby={`${id}-hint`}
                onChange={(e) => change(name, e.target.value)}
              >
                {kind.values.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`receiptSettings.${name}.${choice}` as MessageKey)}
                  </option>
                ))}
              </select>
              <p id={`${id}-hint`} className="hint">
                {hint}
              </p>
            </div>
          );
        return (
          <TextField
            key={name}
            id={id}
            label={label}
            hint={hint}
            value={String(value)}
            {...(kind.type === "number"
              ? { type: "number", inputMode: "numeric", min: kind.min, max: kind.max, step: 1 }
              : { maxLength: kind.maxLength, autoComplete: "off", spellCheck: false })}
            onChange={(e) => change(name, e.target.value)}
          />
        );
      })}
      <button
        type="submit"
        className="button primary"
        data-testid="save-receipt-settings"
        disabled={saving}
        aria-busy={saving}
      >
        {saving ? t("settings.saving") : t("settings.save")}
      </button>
    </form>
  );
}
