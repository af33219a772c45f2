import { formatDateTime } from "../../app/messages/format";
import type { Transaction } from "../../app/transaction";
import { waitedSince } from "../../app/waited";
import { useLang, useT } from "../stores";

const HOUR_MS = 3_600_000;

/**
 * How long the customer's money has waited, from the transfer's time to the inquiry's, and past
 * one working day a calm line that the refund is overdue. Only for a transfer waiting for a refund.
 */
export function WaitedLine({ tx }: { tx: Transaction }) {
  const t = useT();
  const lang = useLang();
  const waited = tx.state === "refund-pending" ? waitedSince(tx.time, tx.checkedAt) : null;
  if (!waited || tx.time === null) return null;
  const days = Math.floor(waited.ms / (24 * HOUR_MS));
  const hours = Math.floor((waited.ms % (24 * HOUR_MS)) / HOUR_MS);
  const minutes = Math.max(1, Math.floor((waited.ms % HOUR_MS) / 60_000));
  const parts =
    days > 0
      ? [t("waited.days", { n: days }), ...(hours > 0 ? [t("duration.hours", { n: hours })] : [])]
      : hours > 0
        ? [t("duration.hours", { n: hours }), t("duration.minutes", { n: minutes })]
        : [t("duration.minutes", { n: minutes })];
  return (
    <div className="waited" data-testid="waited" data-overdue={waited.overdue}>
      <p>{t("waited.line", { ago: parts.join(" "), time: formatDateTime(tx.time, lang) })}</p>
      {waited.overdue && (
        <p className="waited-overdue" data-testid="waited-overdue">
          {t("waited.overdue")}
        </p>
      )}
    </div>
  );
}
