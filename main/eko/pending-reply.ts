import type { RawDetails, RefundDeskError } from "../../app/errors";
import type { PendingTransfer } from "../../app/pending";
import { err, ok, type Result } from "../../app/result";
import { envelopeStatus, failure, readEnvelope, type ClockSuspect } from "./envelope";
import { accountLast4, asObject, ekoTime, field, id, rupees, text } from "./reply-fields";

export interface PendingReply {
  transfers: PendingTransfer[];
  details: RawDetails;
}

/** More than any customer has waiting; a longer list is cut, not refused. */
const MAX_PENDING_TRANSFERS = 50;

/**
 * Get Pending Refunds. Eko's published sample for this call is a copy of another call's reply,
 * so the list's shape is unconfirmed [inferred]: the list is read from an array under `data`, or
 * from the first `data.*` array whose items carry a `tid`. HTTP 200 with status 0 and no such
 * array is an empty list: a customer with nothing waiting.
 */
export function interpretPendingReply(
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
): Result<PendingReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const refused = failure(read.value);
  if (refused) return err(refused);
  const { envelope, details } = read.value;
  // A non-zero status was refused above; an envelope with neither status field is not Eko's
  // answer, and must not read as "nothing waiting".
  if (envelopeStatus(envelope) === undefined)
    return err({ kind: "bad-response", details: { ...details, cause: "no-status" } });
  const items = listOf(envelope.data);
  const transfers: PendingTransfer[] = [];
  for (const item of items) {
    const row = asObject(item);
    const tid = row ? id(field(row, "tid")) : null;
    if (!row || tid === null || !/^[0-9]{1,20}$/.test(tid)) continue;
    transfers.push({
      tid,
      amount: rupees(field(row, "amount", "tx_amount")),
      time: ekoTime(field(row, "timestamp", "tx_time", "date")),
      recipientName: text(field(row, "recipient_name", "beneficiary_name")),
      // The full account number stops here, as for Transaction Inquiry.
      recipientAccountLast4: accountLast4(field(row, "account", "recipient_account", "account_number")),
    });
    if (transfers.length === MAX_PENDING_TRANSFERS) break;
  }
  return ok({ transfers, details });
}

function carriesTid(items: unknown[]): boolean {
  return items.some((item) => Object.hasOwn(asObject(item) ?? {}, "tid"));
}

function listOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const object = asObject(data);
  // Stryker disable next-line ArrayDeclaration: the reader skips any item that is not an object with a tid
  if (!object) return [];
  for (const value of Object.values(object)) if (Array.isArray(value) && carriesTid(value)) return value;
  // Stryker disable next-line ArrayDeclaration: the reader skips any item that is not an object with a tid
  return [];
}
