import { useT } from "../stores";

export const RESTORED_NOTE_ID = "restored-note";

/**
 * Above the field when a reload or restart brought back a refund not finished: the customer may
 * have gone, so the tid is checked again (Refund waits for that check).
 */
export function RestoredNote() {
  const t = useT();
  return (
    <div className="restored-note" id={RESTORED_NOTE_ID} data-testid="restored-banner">
      <strong>{t("request.restored")}</strong> <span>{t("request.restoredHint")}</span>
    </div>
  );
}
