import { formatRupees } from "../../app/messages/format";
import type { Transaction } from "../../app/transaction";
import { useLang, useT } from "../stores";

/**
 * The transaction folded to one line once the OTP is sent: tid · amount · sender → recipient. A
 * restored screen knows only the tid until it is checked again.
 */
export function TransactionSummary({ tid, tx }: { tid: string; tx: Transaction | null }) {
  const t = useT();
  const lang = useLang();
  const parts = [tid];
  if (tx?.amount) parts.push(formatRupees(tx.amount, lang));
  if (tx && (tx.senderName || tx.recipientName)) parts.push(`${tx.senderName ?? "—"} → ${tx.recipientName ?? "—"}`);
  return (
    <p className="panel transaction-summary" data-testid="transaction-summary" data-state={tx?.state}>
      <span className="visually-hidden">{t("transaction.summaryLabel")}: </span>
      <span className="mono summary-tid">{parts[0]}</span>
      {parts.slice(1).map((part) => (
        <span key={part}>
          <span aria-hidden="true"> · </span>
          {part}
        </span>
      ))}
    </p>
  );
}
