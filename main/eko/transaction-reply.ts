import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { txStateOf, type Transaction } from "../../app/transaction";
import { envelopeStatus, failure, readEnvelope, toNumber, type ClockSuspect } from "./envelope";
import { accountLast4, asObject, ekoTime, field, rupees, text } from "./reply-fields";

/** What Transaction Inquiry said, before main adds the tid, the time and the environment. */
export type TransactionReply = Omit<Transaction, "tid" | "checkedAt" | "environment">;

/**
 * Transaction Inquiry: HTTP 200 with status 0 and a `data` object is an answer, whatever its
 * tx_status (a missing or unreadable one is "unknown", which Eko says to inquire again). A
 * `data.tx_status` that can be read is the transaction's state whatever `status` says: the
 * non-zero status stays in the details for support. Eko publishes no schema for `data`; the names
 * read here are those of its samples (response_type_id 1472), with the alternatives seen in its
 * older APIs [inferred].
 */
export function interpretTransactionReply(
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
): Result<TransactionReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const { envelope, details } = read.value;
  const data = asObject(envelope.data);
  const txStatus = data ? (toNumber(field(data, "tx_status")) ?? null) : null;
  // An envelope with neither status field is not Eko's answer, whatever its data says: failure()
  // passes it at HTTP 200 and the check below refuses it.
  const stated = httpStatus === 200 && txStatus !== null;
  if (!stated) {
    const refused = failure(read.value);
    if (refused) return err(refused);
  }
  if (envelopeStatus(envelope) === undefined || !data) {
    return err({ kind: "bad-response", details: { ...details, cause: data ? "no-status" : "no-data" } });
  }
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
