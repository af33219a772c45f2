import type { RawDetails, RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { Rupees } from "../../app/transaction";
import { businessError, failure, readEnvelope, type Envelope } from "./envelope";
import { asObject, ekoTime, field, id, rupees } from "./reply-fields";

/** What Initiate Refund said on success. */
export interface RefundReply {
  refundTid: string | null;
  refundedAmount: Rupees | null;
  fee: Rupees | null;
  balance: Rupees | null;
  /** Eko's time of the refund, when it sent one that can be read. */
  refundedAt: string | null;
  details: RawDetails;
}

/**
 * Initiate Refund: HTTP 200 with status 0 is a refund made. Eko calls its answer "the financial
 * response envelope" without publishing the fields; the names read here are those of its other
 * financial answers [inferred], and a missing one leaves its receipt line empty rather than
 * failing a refund that happened.
 */
export function interpretRefundReply(httpStatus: number, contentType: string, body: string, clockSuspect: { offsetMs: number } | null): Result<RefundReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const { envelope, details } = read.value;
  const refused = failure(read.value);
  if (refused) return err(refused.kind === "server" ? refused : refundError(envelope, details));
  if (envelope.status !== 0) return err({ kind: "bad-response", details: { ...details, cause: "no-status" } });
  const data = asObject(envelope.data) ?? {};
  return ok({
    refundTid: id(field(data, "refund_tid")),
    refundedAmount: rupees(field(data, "refunded_amount", "amount")),
    fee: rupees(field(data, "fee")),
    balance: rupees(field(data, "balance")),
    refundedAt: ekoTime(field(data, "timestamp")),
    details,
  });
}

/** The business codes that change what the agent does next at the refund step. */
function refundError(envelope: Envelope, details: RawDetails): RefundDeskError {
  switch (envelope.status) {
    // The flow service counts the tries; one answer is one wrong try.
    case 302:
      return { kind: "wrong-otp", tries: 1, details };
    case 303:
      return { kind: "otp-expired", details };
    case 347:
      return { kind: "insufficient-balance", details };
    default:
      return businessError(envelope, details);
  }
}
