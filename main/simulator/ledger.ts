import { createHmac } from "node:crypto";
import type { TransactionSeed } from "./scenarios";

/**
 * The simulator's state for the refund flow: each transaction's tx_status, the otp_ref_id last
 * issued per tid, and the agent's balance. A refund with the right OTP for the current
 * otp_ref_id turns refund pending (3) into refunded (4).
 */
export interface LedgerTransaction extends TransactionSeed {
  tid: string;
}

export type RefundOutcome =
  | { type: "unknown-tid" }
  | { type: "already-refunded" }
  | { type: "not-refundable" }
  | { type: "otp-expired" }
  | { type: "wrong-otp" }
  | { type: "insufficient-balance" }
  | { type: "hang" }
  | { type: "refunded"; refundTid: string; refundedAmount: string; fee: string; balance: string; answer: boolean };

export interface LedgerOptions {
  transactions: Readonly<Record<string, TransactionSeed>>;
  /** The customer's OTP every refund must carry. */
  otp: string;
  otpValidityMs: number;
  now: () => number;
}

/**
 * Signs the simulator's otp_ref_ids, so that a simulator in another process recognises one: each
 * `refund-desk` command starts its own, and `refund` follows `otp`. Practice is public; this key
 * guards nothing but the shape.
 */
const OTP_REF_KEY = "refund-desk-simulator-otp-ref";

/** The agent's balance before any refund, in paise. */
const OPENING_BALANCE_PAISE = 2_500_000;
const FIRST_REFUND_TID = 23_000_001;

export interface Ledger {
  transaction(tid: string): LedgerTransaction | undefined;
  /** True when this inquiry should fail (the seed's inquiryFailures, counted down). */
  failInquiry(tid: string): boolean;
  /** A new otp_ref_id for a tid; the one issued before it stops being valid. */
  issueOtpRef(tid: string): string;
  /**
   * `otp` is the digits Eko received; without an otp_ref_id it is the OTP from the SMS Eko sends
   * when a transfer fails, which the simulator takes as the practice OTP too.
   */
  refund(tid: string, otp: string, otpRefId: string | null): RefundOutcome;
}

export function createLedger(options: LedgerOptions): Ledger {
  const transactions = new Map(Object.entries(options.transactions).map(([tid, seed]) => [tid, { ...seed, tid }]));
  const inquiryFailures = new Map(
    Object.entries(options.transactions).map(([tid, seed]) => [tid, seed.inquiryFailures ?? 0]),
  );
  /** When the newest otp_ref_id per tid was issued here: older ones were replaced by a resend. */
  const newestRef = new Map<string, number>();
  let balancePaise = OPENING_BALANCE_PAISE;
  let nextRefundTid = FIRST_REFUND_TID;

  return {
    transaction: (tid) => transactions.get(tid),
    failInquiry(tid) {
      const left = inquiryFailures.get(tid) ?? 0;
      if (left > 0) inquiryFailures.set(tid, left - 1);
      return left > 0;
    },
    issueOtpRef(tid) {
      const issuedAt = options.now();
      newestRef.set(tid, issuedAt);
      return otpRef(tid, issuedAt);
    },
    refund(tid, otp, otpRefId) {
      const tx = transactions.get(tid);
      if (!tx) return { type: "unknown-tid" };
      if (tx.txStatus === 4) return { type: "already-refunded" };
      if (tx.txStatus !== 3) return { type: "not-refundable" };
      if (tx.refund === "otp-expired") return { type: "otp-expired" };
      if (otpRefId !== null) {
        const issuedAt = issuedAtOf(tid, otpRefId);
        // A reference never issued for this tid, replaced by a resend, or too old: only a new OTP helps.
        const replaced = issuedAt !== null && issuedAt < (newestRef.get(tid) ?? 0);
        const tooOld = issuedAt !== null && options.now() - issuedAt > options.otpValidityMs;
        if (issuedAt === null || replaced || tooOld) return { type: "otp-expired" };
      }
      if (otp !== options.otp) return { type: "wrong-otp" };
      if (tx.refund === "insufficient-balance") return { type: "insufficient-balance" };
      if (tx.refund === "hang") return { type: "hang" };
      tx.txStatus = 4;
      balancePaise += paise(tx.amount);
      return {
        type: "refunded",
        refundTid: String(nextRefundTid++),
        refundedAmount: tx.amount,
        fee: tx.fee,
        balance: eNotation(balancePaise),
        answer: tx.refund !== "refund-then-hang",
      };
    },
  };
}

/** UUID-shaped, as Eko's references look: the issue time (48 bits) and a MAC over it and the tid. */
function otpRef(tid: string, issuedAt: number): string {
  const time = issuedAt.toString(16).padStart(12, "0");
  const hex = time + createHmac("sha256", OTP_REF_KEY).update(`${tid}:${time}`).digest("hex").slice(0, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function issuedAtOf(tid: string, ref: string): number | null {
  const time = ref.replace(/-/g, "").slice(0, 12);
  const issuedAt = Number.parseInt(time, 16);
  return /^[0-9a-f]{12}$/.test(time) && otpRef(tid, issuedAt) === ref ? issuedAt : null;
}

/**
 * A balance as Eko's refund sample writes it ("2.22263731286E9" for 222263731286 paise): one digit,
 * the rest after the point, and the power of ten; exact, from the integer paise.
 */
export function eNotation(paiseAmount: number): string {
  const digits = String(paiseAmount);
  const rest = digits.slice(1).replace(/0+$/, "") || "0";
  return `${digits[0]}.${rest}E${digits.length - 3}`;
}

function paise(rupees: string): number {
  const [whole = "0", fraction = ""] = rupees.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}
