/**
 * The refund step: what the agent types (the customer's OTP and the otp_ref_id from Get Refund
 * OTP) and the receipt main hands back. The OTP is checked here and then only sent to Eko: it is
 * never stored, logged, journaled or put in an error.
 */
import type { RawDetails, RefundDeskError } from "./errors";
import { err, ok, type Result } from "./result";
import type { Environment } from "./settings";
import type { Rupees, Transaction } from "./transaction";

/**
 * Eko does not publish the length of its refund OTP (its examples show 6 digits), so any length
 * from 4 to 8 ASCII digits is accepted and Eko judges the rest.
 */
export const CUSTOMER_OTP_MIN_DIGITS = 4;
export const CUSTOMER_OTP_MAX_DIGITS = 8;

/** After this many wrong OTPs for one otp_ref_id the app suggests sending a new OTP. */
export const WRONG_OTP_TRIES_BEFORE_NEW_OTP = 3;

/**
 * After a lost refund answer main pauses this long before it inquires (Eko may still be working on
 * the refund); the window counts the wait down from the timeout plus this pause.
 */
export const SETTLE_BEFORE_INQUIRY_MS = 3_000;

/** A refund's answer of these kinds is no answer: the refund may or may not have been made. */
export const OUTCOME_UNKNOWN_KINDS: ReadonlySet<RefundDeskError["kind"]> = new Set([
  "timeout",
  "offline",
  "server",
  "bad-response",
]);

/** Longer than any otp_ref_id Eko has shown (a 72-character base64 string); the reply parser cuts at 128. */
const OTP_REF_ID_MAX_CHARS = 128;

export type OtpInvalidReason = "empty" | "not-digits" | "too-short" | "too-long" | "not-text";

/**
 * ASCII digits only; spaces from reading the SMS aloud ("123 456") and a paste's edges are
 * dropped. The reason names what is wrong, never the value.
 */
export function parseCustomerOtp(input: unknown): Result<string, RefundDeskError> {
  const refuse = (reason: OtpInvalidReason) => err<RefundDeskError>({ kind: "invalid-input", field: "otp", reason });
  if (typeof input !== "string") return refuse("not-text");
  const otp = input.replace(/[ \t\r\n]/g, "");
  if (otp === "") return refuse("empty");
  if (!/^[0-9]+$/.test(otp)) return refuse("not-digits");
  if (otp.length < CUSTOMER_OTP_MIN_DIGITS) return refuse("too-short");
  if (otp.length > CUSTOMER_OTP_MAX_DIGITS) return refuse("too-long");
  return ok(otp);
}

/** Eko's otp_ref_id is an opaque token (a UUID or base64 in its examples): printable, no spaces. */
export function parseOtpRefId(input: unknown): Result<string, RefundDeskError> {
  if (typeof input !== "string") return err({ kind: "invalid-input", field: "otpRefId", reason: "not-text" });
  const ref = input.trim();
  if (ref === "") return err({ kind: "invalid-input", field: "otpRefId", reason: "empty" });
  if (ref.length > OTP_REF_ID_MAX_CHARS || !/^[\x21-\x7e]+$/.test(ref))
    return err({ kind: "invalid-input", field: "otpRefId", reason: "bad-shape" });
  return ok(ref);
}

/**
 * What the refund step needs; `otp` lives only as long as the request. Without `otpRefId` the OTP
 * is the one Eko texted the customer when the transfer failed (Eko's newest reference makes
 * otp_ref_id optional on Initiate Refund).
 */
export interface RefundRequest {
  tid: string;
  otp: string;
  otpRefId?: string;
}

/** The refund went through: what the receipt shows. No OTP, no key. */
export interface RefundReceipt {
  tid: string;
  /** Eko's id for the refund itself; null when the refund was confirmed by an inquiry. */
  refundTid: string | null;
  refundedAmount: Rupees | null;
  fee: Rupees | null;
  /** The agent's balance after the refund, as Eko reported it. */
  balance: Rupees | null;
  /** ISO time of the refund: Eko's own when it gave one, else when its answer (or the confirming inquiry) arrived. */
  refundedAt: string;
  environment: Environment;
  /**
   * "refund": Eko's answer to Initiate Refund. "inquiry": that answer was lost (a timeout or a
   * network error) and a Transaction Inquiry then showed the transaction refunded.
   */
  confirmedBy: "refund" | "inquiry";
  /** The inquiry that confirmed the refund, when confirmedBy is "inquiry". */
  transaction: Transaction | null;
  details: RawDetails;
}

/**
 * The receipt for a refund whose answer was lost and that a later check showed refunded (main's
 * own check after the loss, or the agent's "Check again"): no refund id, the amounts from the check.
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
