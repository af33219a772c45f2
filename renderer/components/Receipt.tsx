import { useEffect, type ReactNode, type Ref } from "react";
import { ErrorPanel } from "./ErrorPanel";
import { formatDateTime, formatRupees } from "../../app/messages/format";
import { printableFromReceipt, receiptOnScreen } from "../../app/receipt";
import type { RefundReceipt } from "../../app/refund";
import { ariaShortcut, shortcutLabel, useAltShortcut } from "../shortcuts";
import { useLang, usePrint, useRequest, useStores, useT } from "../stores";
import { transactionOf } from "../store/request-phase";
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
  // Shown with this receipt, and not carried to another screen's print.
  useEffect(() => () => print.getState().clearError(), [print]);
  const checked = useRequest(transactionOf);
  const printable = () => printableFromReceipt(receipt, checked, { counterName: null, agentCode: null });
  const notGiven = <span className="not-given">{t("transaction.notGiven")}</span>;
  const rows: [string, ReactNode, string?][] = receiptOnScreen(receipt).map(({ label, value }) => {
    const mono = label === "tid" || label === "refundTid" ? "mono" : undefined;
    switch (value.type) {
      case "money":
        return [t(`receipt.${label}`), formatRupees(value.amount, lang), mono];
      case "time":
        return [t(`receipt.${label}`), <time dateTime={value.iso}>{formatDateTime(value.iso, lang)}</time>, mono];
      case "not-given":
        return [t(`receipt.${label}`), notGiven, mono];
      case "text":
        return [t(`receipt.${label}`), value.text, mono];
    }
  });
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
