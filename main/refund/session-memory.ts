import type { RefundDeskError } from "../../app/errors";
import type { OtpSent, TidOutcome } from "../../app/refund-otp";
import type { Result } from "../../app/result";

/** Enough for a long shift at one counter; older answers are in the journal. */
const MAX_OUTCOMES = 100;

/**
 * The last answer per tid, in main's memory until the app quits: a crashed or reloaded window
 * asks for it and shows it again, so an otp_ref_id on screen is never lost to a reload.
 */
export interface SessionMemory {
  remember(tid: string, at: string, result: Result<OtpSent, RefundDeskError>): void;
  outcomes(): TidOutcome[];
}

export function createSessionMemory(limit = MAX_OUTCOMES): SessionMemory {
  // A Map keeps insertion order: deleting before setting moves a tid to the newest end.
  const byTid = new Map<string, TidOutcome>();
  return {
    remember(tid, at, result) {
      byTid.delete(tid);
      byTid.set(tid, { tid, at, result });
      if (byTid.size > limit) byTid.delete(byTid.keys().next().value as string);
    },
    outcomes: () => [...byTid.values()].reverse(),
  };
}
