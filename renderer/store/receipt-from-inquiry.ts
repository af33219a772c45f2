import type { RefundReceipt } from "../../app/refund";
import type { Transaction } from "../../app/transaction";

/**
 * The receipt for a refund whose answer was lost and that a later check showed refunded: the
 * same shape main gives when its own inquiry confirms it (no refund id, amounts from the check).
 */
export function receiptFromInquiry(tx: Transaction): RefundReceipt {
  return {
    tid: tx.tid,
    refundTid: null,
    refundedAmount: null,
    fee: null,
    balance: null,
    refundedAt: tx.checkedAt,
    environment: tx.environment,
    confirmedBy: "inquiry",
    transaction: tx,
    details: tx.details,
  };
}
