import type { RefundDeskError } from "../../app/errors";
import type { OtpSent, TidOutcome } from "../../app/refund-otp";
import type { Result } from "../../app/result";

/** Enough for a long shift at one counter; older answers are in the journal. */
const MAX_OUTCOMES = 100;

/**
 * The OTPs sent for refunds not yet finished, in main's memory until the app quits: a crashed or
 * reloaded window asks for them and shows the unfinished one again, so an otp_ref_id on screen is
 * never lost to a reload. A refused request keeps an OTP sent before it (it may still be good); a
 * refund made, or a check that shows the transaction no longer waits for one, forgets the tid, so
 * a finished customer never comes back.
 */
export interface SessionMemory {
  remember(tid: string, at: string, result: Result<OtpSent, RefundDeskError>): void;
  /** The refund for this tid is finished (refunded, or no longer refundable). */
  forget(tid: string): void;
  outcomes(): TidOutcome[];
}

export function createSessionMemory(limit = MAX_OUTCOMES): SessionMemory {
  // A Map keeps insertion order: deleting before setting moves a tid to the newest end.
  const byTid = new Map<string, TidOutcome>();
  return {
    remember(tid, at, result) {
      if (!result.ok) return;
      byTid.delete(tid);
      byTid.set(tid, { tid, at, result });
      if (byTid.size > limit) byTid.delete(byTid.keys().next().value as string);
    },
    forget(tid) {
      byTid.delete(tid);
    },
    outcomes: () => [...byTid.values()].reverse(),
  };
}
