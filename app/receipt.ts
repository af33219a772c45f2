/**
 * What a receipt prints, whether for a refund just made or reprinted from a journal line, and the
 * counter's receipt setup. The customer's copy never carries the agent's balance; no receipt ever
 * carries an OTP or a key.
 */
import type { JournalEntry } from "./history";
import type { Lang } from "./messages/describe-error";
import type { RefundReceipt } from "./refund";
import type { Environment, PaperSize, ReceiptLanguages } from "./settings";
import type { Rupees, Transaction } from "./transaction";

export interface PrintableRefund {
  tid: string;
  refundTid: string | null;
  refundedAmount: Rupees | null;
  fee: Rupees | null;
  /** ISO time of the refund. */
  refundedAt: string;
  environment: Environment;
  /** The original transfer. */
  txAmount: Rupees | null;
  txTime: string | null;
  recipientName: string | null;
  accountLast4: string | null;
  counter: string | null;
  agentCode: string | null;
  /** The agent's balance after the refund: the agent's copy only, and never kept in the journal. */
  balance: Rupees | null;
}

/** How this counter prints, resolved by main from the settings and the policy in force. */
export interface ReceiptSetup {
  paperSize: PaperSize;
  /** The interface's language, or English and Hindi one after the other. */
  languages: ReceiptLanguages;
  /** Whether Print also prints the agent's copy. */
  agentCopy: boolean;
  helpline: string | null;
  grievanceContact: string | null;
  rbiGrievance: boolean;
  counterName: string | null;
  agentCode: string | null;
}

/** Every copy a receipt is printed as; a test walks each. */
export const RECEIPT_COPIES = ["customer", "agent"] as const;
export type ReceiptCopy = (typeof RECEIPT_COPIES)[number];

/** A fact's label (the message `receipt.<label>`). */
type ReceiptLabel =
  | "counter"
  | "agentCode"
  | "tid"
  | "transferTime"
  | "txAmount"
  | "recipient"
  | "account"
  | "refundTid"
  | "amount"
  | "fee"
  | "time"
  | "balance";

/** A fact's value, for the paper to write in its language: money, a day, a time in IST, a masked account. */
export type ReceiptValue =
  | { type: "text"; text: string }
  | { type: "money"; amount: Rupees }
  | { type: "date"; iso: string }
  | { type: "time"; iso: string }
  | { type: "account-ending"; last4: string };

export interface ReceiptRow {
  label: ReceiptLabel;
  value: ReceiptValue;
}

/** What one copy of a refund's receipt carries, whatever its language. */
export interface ReceiptContent {
  copy: ReceiptCopy;
  /** Marked on paper when not production: Practice, UAT or a custom server. */
  environment: Exclude<Environment, "production"> | null;
  /** The counter, the original transfer and the refund: facts without a value are left out. */
  counter: ReceiptRow[];
  transfer: ReceiptRow[];
  refund: ReceiptRow[];
  /** The customer's copy: where to complain (null when the counter gives none), and "keep this". */
  grievance: { helpline: string | null; grievanceContact: string | null; rbi: boolean } | null;
  keepNote: boolean;
  /** The agent's copy: the line the customer signs for the cash returned. */
  signLine: boolean;
}

/**
 * What each copy carries. The agent's balance is the agent's business: on the agent's copy only,
 * never the customer's (nor any other copy). The customer's copy says where to complain; the
 * agent's has the line the customer signs. No copy carries an OTP or a key: PrintableRefund has none.
 */
export function receiptContent(
  refund: PrintableRefund,
  copy: ReceiptCopy,
  setup: Pick<ReceiptSetup, "helpline" | "grievanceContact" | "rbiGrievance">,
): ReceiptContent {
  const text = (value: string | null): ReceiptValue | null => (value ? { type: "text", text: value } : null);
  const money = (amount: Rupees | null): ReceiptValue | null => (amount ? { type: "money", amount } : null);
  const rows = (list: [ReceiptLabel, ReceiptValue | null][]): ReceiptRow[] =>
    list.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  const customer = copy === "customer";
  const grievance =
    setup.helpline || setup.grievanceContact || setup.rbiGrievance
      ? { helpline: setup.helpline || null, grievanceContact: setup.grievanceContact || null, rbi: setup.rbiGrievance }
      : null;
  return {
    copy,
    environment: refund.environment === "production" ? null : refund.environment,
    counter: rows([
      ["counter", text(refund.counter)],
      ["agentCode", text(refund.agentCode)],
    ]),
    transfer: rows([
      ["tid", text(refund.tid)],
      ["transferTime", refund.txTime ? { type: "date", iso: refund.txTime } : null],
      ["txAmount", money(refund.txAmount)],
      ["recipient", text(refund.recipientName)],
      ["account", refund.accountLast4 ? { type: "account-ending", last4: refund.accountLast4 } : null],
    ]),
    refund: rows([
      ["refundTid", text(refund.refundTid)],
      ["amount", money(refund.refundedAmount)],
      ["fee", money(refund.fee)],
      ["time", { type: "time", iso: refund.refundedAt }],
      ["balance", copy === "agent" ? money(refund.balance) : null],
    ]),
    grievance: customer ? grievance : null,
    keepNote: customer,
    signLine: copy === "agent",
  };
}

/** The languages a receipt is printed in, the interface's first. */
export function receiptLangs(setup: Pick<ReceiptSetup, "languages">, interfaceLang: Lang): Lang[] {
  if (setup.languages === "interface") return [interfaceLang];
  return interfaceLang === "hi" ? ["hi", "en"] : ["en", "hi"];
}

/** A refund just made: the receipt main returned, the transaction checked before it, the counter. */
export function printableFromReceipt(
  receipt: RefundReceipt,
  tx: Transaction | null,
  setup: Pick<ReceiptSetup, "counterName" | "agentCode">,
): PrintableRefund {
  const checked = receipt.transaction ?? tx;
  return {
    tid: receipt.tid,
    refundTid: receipt.refundTid,
    refundedAmount: receipt.refundedAmount,
    // Eko's refund answer's fee alone: the transfer's fee is another sum, and the journal keeps no other.
    fee: receipt.fee,
    refundedAt: receipt.refundedAt,
    environment: receipt.environment,
    txAmount: checked?.amount ?? null,
    txTime: checked?.time ?? null,
    recipientName: checked?.recipientName ?? null,
    accountLast4: checked?.recipientAccountLast4 ?? null,
    counter: setup.counterName,
    agentCode: setup.agentCode,
    balance: receipt.balance,
  };
}

/** A fact on the agent's screen: as on paper, or "not given" where Eko should have said and did not. */
type ScreenValue = Extract<ReceiptValue, { type: "text" | "money" | "time" }> | { type: "not-given" };

/**
 * The refund done, as the agent's screen shows it (renderer/components/Receipt.tsx). A figure
 * Eko's refund answer should carry (the amount, the balance) and left out or wrote unreadably
 * is shown as not given, never as 0. A refund confirmed by a check after a lost answer shows the
 * transfer's amount for want of the refund's, and no balance (a check does not tell it). The fee is
 * the refund's as Eko's refund answer gave it, as on paper: never the transfer's, another sum.
 */
export function receiptOnScreen(receipt: RefundReceipt): { label: ReceiptLabel; value: ScreenValue }[] {
  const byRefund = receipt.confirmedBy === "refund";
  const tx = receipt.transaction;
  const notGiven = { type: "not-given" } as const;
  const rows: { label: ReceiptLabel; value: ScreenValue }[] = [
    { label: "tid", value: { type: "text", text: receipt.tid } },
  ];
  if (receipt.refundTid !== null) rows.push({ label: "refundTid", value: { type: "text", text: receipt.refundTid } });
  if (receipt.refundedAmount !== null)
    rows.push({ label: "amount", value: { type: "money", amount: receipt.refundedAmount } });
  else if (tx?.amount) rows.push({ label: "txAmount", value: { type: "money", amount: tx.amount } });
  else if (byRefund) rows.push({ label: "amount", value: notGiven });
  if (receipt.fee !== null) rows.push({ label: "fee", value: { type: "money", amount: receipt.fee } });
  if (receipt.balance !== null) rows.push({ label: "balance", value: { type: "money", amount: receipt.balance } });
  else if (byRefund) rows.push({ label: "balance", value: notGiven });
  rows.push({ label: "time", value: { type: "time", iso: receipt.refundedAt } });
  return rows;
}

/** Whether a journal line records a refund made, so History offers its reprint. */
export function isRefundLine(entry: JournalEntry): boolean {
  return entry.outcome === "refund:refunded" || entry.outcome === "refund-check:tx_status=4";
}

/** A refund line as a reprint prints it: what the journal keeps (no name, no balance). */
export function printableFromJournal(entry: JournalEntry): PrintableRefund {
  return {
    tid: entry.tid,
    refundTid: entry.refundTid ?? null,
    refundedAmount: entry.refundedAmount ?? null,
    fee: entry.fee ?? null,
    refundedAt: entry.at,
    environment: entry.environment,
    txAmount: entry.txAmount ?? null,
    txTime: entry.txTime ?? null,
    recipientName: null,
    accountLast4: entry.accountLast4 ?? null,
    counter: entry.counter,
    agentCode: entry.agentCode ?? null,
    balance: null,
  };
}
