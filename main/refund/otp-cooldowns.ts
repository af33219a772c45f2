import { openCounterState, type CounterState, type CounterStateUnavailable } from "../fs/counter-state";
import { ok, type Result } from "../../app/result";

/**
 * When each tid may have another OTP: after one went out (or may have), its customer is not sent
 * another until the cooldown ends, whichever window or `refund-desk` process asks. Kept in the
 * counter's state on the local clock (only ever compared with itself, on this machine).
 */
export interface OtpCooldowns {
  /** How long the tid must still wait (0: none). */
  waitMs(tid: string): Result<number, CounterStateUnavailable>;
  /** The tid waits `ms` from now. */
  start(tid: string, ms: number): void;
}

export function createOtpCooldowns(
  state: CounterState = openCounterState(null),
  now: () => number = Date.now,
): OtpCooldowns {
  return {
    waitMs(tid) {
      const row = state.locked((db) => db.prepare("SELECT quiet_until FROM otp_cooldowns WHERE tid = ?").get(tid));
      return row.ok ? ok(Math.max(0, Number(row.value?.quiet_until ?? 0) - now())) : row;
    },
    start(tid, ms) {
      // Written after the OTP went out: if it cannot be, the next request finds the state unreadable too.
      // Ended cooldowns go at the same time, so the table holds only the tids still waiting.
      state.locked((db) => {
        db.prepare("DELETE FROM otp_cooldowns WHERE quiet_until <= ?").run(now());
        db.prepare("INSERT OR REPLACE INTO otp_cooldowns (tid, quiet_until) VALUES (?, ?)").run(tid, now() + ms);
      });
    },
  };
}
