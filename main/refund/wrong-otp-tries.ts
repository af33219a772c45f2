import { createTidDayMemory } from "./tid-day-memory";

/**
 * Wrong OTPs typed per tid and otp_ref_id: each new OTP starts again from zero, and a refund that
 * went through forgets the tid; so does the calendar (tid-day-memory.ts), long after any OTP has
 * expired. Keyed by the reference, never by the OTP typed.
 */
export interface WrongOtpTries {
  /** Counts one more wrong OTP and returns the count for this tid and otp_ref_id. */
  add(tid: string, otpRefId: string): number;
  clear(tid: string): void;
}

export function createWrongOtpTries(now: () => number = Date.now): WrongOtpTries {
  const byTid = createTidDayMemory<Map<string, number>>(now);
  return {
    add(tid, otpRefId) {
      const refs = byTid.get(tid) ?? new Map<string, number>();
      const tries = (refs.get(otpRefId) ?? 0) + 1;
      refs.set(otpRefId, tries);
      byTid.set(tid, refs);
      return tries;
    },
    clear(tid) {
      byTid.delete(tid);
    },
  };
}
