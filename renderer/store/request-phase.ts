/**
 * The request store's state as phases: each phase carries what the screen has at that point of
 * the counter flow and nothing else, so a receipt beside an OTP still to type, a call without its
 * start time or a restored refund that can go on cannot be written. The selectors read one fact
 * whatever the phase, for the components and the stores that react to the request.
 */
import type { RefundDeskError } from "../../app/errors";
import type { RefundReceipt } from "../../app/refund";
import type { OtpSent } from "../../app/refund-otp";
import type { Transaction } from "../../app/transaction";

export type Task = "check" | "send-otp" | "refund";

/** The last call's error; `tid` is null when the typed tid was refused before any call. */
export interface Failure {
  task: Task;
  tid: string | null;
  error: RefundDeskError;
}

/** The call under way, and when it started on the injected clock (the lost-answer countdown). */
interface Call {
  task: Task;
  since: number;
}

/** What every phase about a tid has. */
interface AboutTid {
  /** The tid the answers on screen are about. */
  tid: string;
  /** Eko's answer to the last check; null before one came (or when it failed). */
  transaction: Transaction | null;
  call: Call | null;
  failure: Failure | null;
}

/** An OTP sent for the tid; it stays under a later error while its otp_ref_id is still good. */
export interface SentOtp {
  otpSent: OtpSent;
  /** Local time (ms) from which the OTP may be sent again; null when it may be now. */
  resendReadyAt: number | null;
}

/**
 * The customer's OTP as typed. It lives only while the refund step runs: cleared by any answer to
 * the refund, a new OTP, a new check, another tid and New request. Never sent anywhere else.
 */
interface TypingOtp {
  customerOtp: string;
}

export type RequestPhase =
  /** No tid on screen; `failure` is a typed tid refused before any call. */
  | { phase: "idle"; failure: Failure | null }
  /** A tid being checked, checked, or whose check failed, with no OTP in hand. */
  | (AboutTid & { phase: "check" })
  /**
   * The OTP went to the customer: the refund form waits for it. `restored`: brought back after a
   * reload or restart, so the customer may have gone: the tid must be checked again first.
   */
  | (AboutTid & SentOtp & TypingOtp & { phase: "otp-sent"; restored: boolean })
  /** The agent types the OTP from the SMS Eko sent when the transfer failed: no otp_ref_id goes. */
  | (AboutTid & TypingOtp & { phase: "failure-sms" })
  /**
   * A refund's answer was lost and no inquiry has answered since: nothing but a check is offered
   * for the tid until one does (main holds the tid the same way).
   */
  | (AboutTid & { phase: "unsettled"; sent: SentOtp | null; restored: boolean })
  /** The refund is made: the receipt. */
  | (AboutTid & { phase: "refunded"; receipt: RefundReceipt });

export type TidPhase = Exclude<RequestPhase, { phase: "idle" }>;

interface Phased {
  phase: RequestPhase;
}

const onTid = (s: Phased): TidPhase | null => (s.phase.phase === "idle" ? null : s.phase);

/** The OTP in hand for the tid, if any. */
export function sentOtpOf(phase: RequestPhase): SentOtp | null {
  // A copy of the two fields: the phase itself also carries the OTP the customer typed.
  if (phase.phase === "otp-sent") return { otpSent: phase.otpSent, resendReadyAt: phase.resendReadyAt };
  return phase.phase === "unsettled" ? phase.sent : null;
}

export const tidOf = (s: Phased): string | null => onTid(s)?.tid ?? null;
export const transactionOf = (s: Phased): Transaction | null => onTid(s)?.transaction ?? null;
export const failureOf = (s: Phased): Failure | null => s.phase.failure;
export const runningOf = (s: Phased): Task | null => onTid(s)?.call?.task ?? null;
export const runningSinceOf = (s: Phased): number | null => onTid(s)?.call?.since ?? null;
export const otpSentOf = (s: Phased): OtpSent | null => sentOtpOf(s.phase)?.otpSent ?? null;
export const resendReadyAtOf = (s: Phased): number | null => sentOtpOf(s.phase)?.resendReadyAt ?? null;
export const receiptOf = (s: Phased): RefundReceipt | null => (s.phase.phase === "refunded" ? s.phase.receipt : null);
export const unsettledOf = (s: Phased): boolean => s.phase.phase === "unsettled";
export const failureSmsOtpOf = (s: Phased): boolean => s.phase.phase === "failure-sms";
export const restoredOf = (s: Phased): boolean =>
  (s.phase.phase === "otp-sent" || s.phase.phase === "unsettled") && s.phase.restored;
export const customerOtpOf = (s: Phased): string =>
  s.phase.phase === "otp-sent" || s.phase.phase === "failure-sms" ? s.phase.customerOtp : "";
