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

export type ReceiptCopy = "customer" | "agent";

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
    fee: receipt.fee ?? checked?.fee ?? null,
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
