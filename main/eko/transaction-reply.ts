import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { txStateOf, type Transaction } from "../../app/transaction";
import { failure, readEnvelope, toNumber } from "./envelope";
import { accountLast4, asObject, ekoTime, field, rupees, text } from "./reply-fields";

/** What Transaction Inquiry said, before main adds the tid, the time and the environment. */
export type TransactionReply = Omit<Transaction, "tid" | "checkedAt" | "environment">;

/**
 * Transaction Inquiry: HTTP 200 with status 0 and a `data` object is an answer, whatever its
 * tx_status (a missing or unreadable one is "unknown", which Eko says to inquire again). Eko
 * publishes no schema for `data`; the names read here are those of its samples, with the
 * alternatives seen in its older APIs [inferred].
 */
export function interpretTransactionReply(httpStatus: number, contentType: string, body: string, clockSuspect: { offsetMs: number } | null): Result<TransactionReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const refused = failure(read.value);
  if (refused) return err(refused);
  const { envelope, details } = read.value;
  const data = asObject(envelope.data);
  if (envelope.status !== 0 || !data) return err({ kind: "bad-response", details: { ...details, cause: envelope.status !== 0 ? "no-status" : "no-data" } });
  const txStatus = toNumber(field(data, "tx_status")) ?? null;
  return ok({
    txStatus,
    state: txStateOf(txStatus),
    statusText: text(field(data, "txstatus_desc")),
    amount: rupees(field(data, "amount")),
    fee: rupees(field(data, "fee")),
    senderName: text(field(data, "sender_name", "customer_name")),
    recipientName: text(field(data, "recipient_name")),
    // The full account number stops here: only its last 4 characters go further.
    recipientAccountLast4: accountLast4(field(data, "account", "recipient_account", "account_number")),
    time: ekoTime(field(data, "timestamp", "tx_time")),
    details,
  });
}
