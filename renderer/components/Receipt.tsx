import type { ReactNode, Ref } from "react";
import { ErrorPanel } from "./ErrorPanel";
import { formatDateTime, formatRupees } from "../../app/messages/format";
import { printableFromReceipt } from "../../app/receipt";
import type { RefundReceipt } from "../../app/refund";
import { ariaShortcut, shortcutLabel, useAltShortcut } from "../shortcuts";
import { useLang, usePrint, useRequest, useStores, useT } from "../stores";
import { NewRequestButton } from "./NewRequestButton";

interface Props {
  receipt: RefundReceipt;
  onNewRequest: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Print takes focus when the receipt arrives: Enter (or Alt+P anywhere) prints. */
  printRef?: Ref<HTMLButtonElement>;
}

/**
 * The refund done, on the agent's screen. Print (Alt+P) sends the customer's copy (and the agent's,
 * when the counter prints one) to the print sheet; Reprint prints them again marked DUPLICATE.
 */
export function Receipt({ receipt, onNewRequest, headingRef, printRef }: Props) {
  const t = useT();
  const printError = usePrint((s) => s.error);
  const lang = useLang();
  const { print } = useStores();
  const checked = useRequest((s) => s.transaction);
  const printable = () => printableFromReceipt(receipt, checked, { counterName: null, agentCode: null });
  const tx = receipt.transaction;
  // Eko's refund answer should carry the amount and balance: one it left out or wrote unreadably says so, never 0.
  const byRefund = receipt.confirmedBy === "refund";
  const notGiven = <span className="not-given">{t("transaction.notGiven")}</span>;
  const rows: [string, ReactNode, string?][] = [[t("receipt.tid"), receipt.tid, "mono"]];
  if (receipt.refundTid !== null) rows.push([t("receipt.refundTid"), receipt.refundTid, "mono"]);
  if (receipt.refundedAmount !== null) rows.push([t("receipt.amount"), formatRupees(receipt.refundedAmount, lang)]);
  else if (tx?.amount) rows.push([t("receipt.txAmount"), formatRupees(tx.amount, lang)]);
  else if (byRefund) rows.push([t("receipt.amount"), notGiven]);
  const fee = receipt.fee ?? tx?.fee ?? null;
  if (fee !== null) rows.push([t("receipt.fee"), formatRupees(fee, lang)]);
  if (receipt.balance !== null) rows.push([t("receipt.balance"), formatRupees(receipt.balance, lang)]);
  else if (byRefund) rows.push([t("receipt.balance"), notGiven]);
  rows.push([t("receipt.time"), <time dateTime={receipt.refundedAt}>{formatDateTime(receipt.refundedAt, lang)}</time>]);
  const practice = receipt.environment === "practice";
  rows.push([
    t("receipt.environment"),
    practice ? <strong>{t("receipt.practice")}</strong> : t(`env.badge.${receipt.environment}`),
  ]);

  const printNow = () => void print.getState().printReceipt(printable(), { duplicate: false });
  useAltShortcut("P", printNow);

  return (
    <section
      className="panel receipt"
      data-testid="receipt"
      data-confirmed-by={receipt.confirmedBy}
      aria-labelledby="receipt-title"
    >
      <h2 id="receipt-title" className="receipt-title" tabIndex={-1} ref={headingRef}>
        {t("receipt.title")}
      </h2>
      {practice && <p className="receipt-practice">{t("receipt.practice")}</p>}
      <dl className="receipt-facts">
        {rows.map(([label, value, className]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={className}>{value}</dd>
          </div>
        ))}
      </dl>
      {receipt.confirmedBy === "inquiry" && (
        <p className="receipt-note" data-testid="receipt-by-inquiry">
          {t("receipt.byInquiry")}
        </p>
      )}
      {printError && <ErrorPanel error={printError} testId="print-error" />}
      <div className="receipt-actions">
        <button
          type="button"
          ref={printRef}
          className="button primary"
          data-testid="print-receipt"
          aria-keyshortcuts={ariaShortcut("P")}
          onClick={printNow}
        >
          {t("receipt.print")}
          <kbd className="shortcut" aria-hidden="true">
            {shortcutLabel("P")}
          </kbd>
        </button>
        <button
          type="button"
          className="button secondary"
          data-testid="reprint-receipt"
          onClick={() => void print.getState().printReceipt(printable(), { duplicate: true })}
        >
          {t("receipt.reprint")}
        </button>
        <NewRequestButton onNewRequest={onNewRequest} />
      </div>
    </section>
  );
}
