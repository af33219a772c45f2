import { useState } from "react";
import {
  AGENT_COPY_CHOICES,
  PAPER_SIZES,
  RECEIPT_LANGUAGE_CHOICES,
  type AgentCopy,
  type PaperSize,
  type ReceiptLanguages,
  type SettingsView,
} from "../../app/settings";
import { useSettings, useStores, useT } from "../stores";
import { TextField } from "./TextField";

/** The receipt printer's paper, the copies, the grievance text and the idle clear: for the branch IT admin. */
export function ReceiptSettings({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const saving = useSettings((s) => s.pending === "save");
  const [paperSize, setPaperSize] = useState<PaperSize>(view.paperSize);
  const [agentCopy, setAgentCopy] = useState<AgentCopy>(view.agentCopy);
  const [receiptLanguages, setReceiptLanguages] = useState<ReceiptLanguages>(view.receiptLanguages);
  const [helpline, setHelpline] = useState(view.helpline ?? "");
  const [grievanceContact, setGrievanceContact] = useState(view.grievanceContact ?? "");
  const [rbiGrievance, setRbiGrievance] = useState(view.rbiGrievance);
  const [idleMinutes, setIdleMinutes] = useState(String(view.idleClearMinutes));

  return (
    <form
      className="panel settings-form"
      noValidate
      aria-labelledby="receipt-settings-title"
      data-testid="receipt-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const minutes = idleMinutes.trim() === "" ? Number.NaN : Number(idleMinutes);
        void settings.getState().saveReceipt({
          paperSize,
          agentCopy,
          receiptLanguages,
          helpline,
          grievanceContact,
          rbiGrievance,
          idleClearMinutes: minutes,
        });
      }}
    >
      <h2 id="receipt-settings-title" className="panel-title">
        {t("receiptSettings.title")}
      </h2>
      <div className="field">
        <label htmlFor="paper-size" className="field-label">
          {t("settingName.paperSize")}
        </label>
        <select
          id="paper-size"
          data-testid="paper-size"
          value={paperSize}
          onChange={(e) => setPaperSize(e.target.value as PaperSize)}
        >
          {PAPER_SIZES.map((size) => (
            <option key={size} value={size}>
              {t(`receiptSettings.paperSize.${size}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="agent-copy" className="field-label">
          {t("settingName.agentCopy")}
        </label>
        <select
          id="agent-copy"
          data-testid="agent-copy"
          value={agentCopy}
          onChange={(e) => setAgentCopy(e.target.value as AgentCopy)}
        >
          {AGENT_COPY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`receiptSettings.agentCopy.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="receipt-languages" className="field-label">
          {t("settingName.receiptLanguages")}
        </label>
        <select
          id="receipt-languages"
          data-testid="receipt-languages"
          value={receiptLanguages}
          onChange={(e) => setReceiptLanguages(e.target.value as ReceiptLanguages)}
        >
          {RECEIPT_LANGUAGE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`receiptSettings.receiptLanguages.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="helpline-input"
        label={t("settingName.helpline")}
        hint={t("receiptSettings.contactHint")}
        value={helpline}
        maxLength={120}
        onChange={(e) => setHelpline(e.target.value)}
      />
      <TextField
        id="grievance-input"
        label={t("settingName.grievanceContact")}
        hint={t("receiptSettings.contactHint")}
        value={grievanceContact}
        maxLength={120}
        onChange={(e) => setGrievanceContact(e.target.value)}
      />
      <div className="field">
        <label className="field-label check-label">
          <input
            type="checkbox"
            data-testid="rbi-grievance"
            checked={rbiGrievance}
            aria-describedby="rbi-hint"
            onChange={(e) => setRbiGrievance(e.target.checked)}
          />{" "}
          {t("settingName.rbiGrievance")}
        </label>
        <p id="rbi-hint" className="hint">
          {t("receiptSettings.rbiHint")}
        </p>
      </div>
      <TextField
        id="idle-minutes-input"
        label={t("settingName.idleClearMinutes")}
        hint={t("receiptSettings.idleHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={15}
        value={idleMinutes}
        onChange={(e) => setIdleMinutes(e.target.value)}
      />
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
