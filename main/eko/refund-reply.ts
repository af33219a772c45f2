import type { RawDetails, RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { Rupees } from "../../app/transaction";
import {
  businessCode,
  businessError,
  envelopeStatus,
  failure,
  readEnvelope,
  type Envelope,
  type ClockSuspect,
} from "./envelope";
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
 * Initiate Refund: HTTP 200 with status 0 is a refund made. The names read are those of Eko's
 * refund samples: `refund_tid`, `refunded_amount` (amount + fee), `fee`, `balance` (E-notation
 * too), an ISO `timestamp`; its QR refund sample names the refund's id `data.tid` and has only
 * `amount`. A missing or unreadable field leaves its receipt line "not given" rather than failing
 * a refund that happened. `tid` is the transaction refunded, to tell its echo from a refund id.
 */
export function interpretRefundReply(
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
  tid?: string,
): Result<RefundReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const { envelope, details } = read.value;
  const refused = failure(read.value);
  if (refused) return err(refused.kind === "server" ? refused : refundError(envelope, details));
  if (envelopeStatus(envelope) !== 0) return err({ kind: "bad-response", details: { ...details, cause: "no-status" } });
  const data = asObject(envelope.data) ?? {};
  return ok({
    refundTid: refundId(data, tid),
    refundedAmount: rupees(field(data, "refunded_amount", "amount")),
    fee: rupees(field(data, "fee")),
    balance: rupees(field(data, "balance")),
    refundedAt: ekoTime(field(data, "timestamp")),
    details,
  });
}

/** `refund_tid`, else `data.tid` when it is not the transaction refunded (Eko's QR refund sample). */
function refundId(data: Record<string, unknown>, tid: string | undefined): string | null {
  const named = id(field(data, "refund_tid"));
  if (named !== null) return named;
  const echoed = id(field(data, "tid"));
  return tid !== undefined && echoed !== tid ? echoed : null;
}

/** The business codes that change what the agent does next at the refund step, in `status` or `response_status_id`. */
function refundError(envelope: Envelope, details: RawDetails): RefundDeskError {
  switch (businessCode(envelope)) {
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
