import { randomUUID } from "node:crypto";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { FIELDS } from "../../app/setting-fields";
import { openCounterState, type CounterState } from "../fs/counter-state";

/**
 * One request per tid at a time across the whole counter: every screen and window of the app and
 * every `refund-desk` process. A double click gets "busy"; a tid another process is working on
 * gets "tid-busy-elsewhere", instead of a second OTP, inquiry or refund for the same transaction.
 *
 * A lock is a row in the counter's state with its holder and a lease. The holder renews the lease
 * while it works, so a long refund (its POST, the pause and the inquiry after a lost answer) keeps
 * it; a holder that died stops renewing, and its lock lapses when the lease runs out.
 */
export interface TidLocks {
  /** The release function, or why the tid cannot be taken now. */
  /** `leaseMs`: how long the lock outlives a holder that stops renewing it (see LEASE_MARGIN_MS). */
  acquire(tid: string, leaseMs: number): Result<() => void, TidLockRefusal>;
}

type TidLockRefusal = Extract<
  RefundDeskError,
  { kind: "busy" } | { kind: "tid-busy-elsewhere" } | { kind: "counter-state-unavailable" }
>;

/**
 * A request's lease is its timeout plus this: a killed holder's tid is free again at most this long
 * after its request would have timed out. The holder renews well before then.
 */
export const LEASE_MARGIN_MS = 15_000;
const LONGEST_LEASE_MS = FIELDS.timeoutMs.kind.max + LEASE_MARGIN_MS;
/** Renewals per lease: one missed renewal (a busy event loop) does not lose the lock. */
const RENEWALS_PER_LEASE = 3;

export interface TidLockDeps {
  /** The counter's state; by default a private one in memory (this process only). */
  state?: CounterState;
  /** Local time: every process on the machine reads the same clock. */
  now?: () => number;
  /** Who holds a lock: this process and this run of the locks. */
  holder?: string;
}

export function createTidLocks(deps: TidLockDeps = {}): TidLocks {
  const state = deps.state ?? openCounterState(null);
  const now = deps.now ?? Date.now;
  const holder = deps.holder ?? `${process.pid}:${randomUUID()}`;

  /** The refusal, or null when the lock is now this holder's. */
  function take(tid: string, leaseMs: number): Result<TidLockRefusal | null, TidLockRefusal> {
    return state.locked((db) => {
      const row = db.prepare("SELECT holder, expires_at FROM tid_locks WHERE tid = ?").get(tid);
      const left = row ? Number(row.expires_at) - now() : 0;
      // No lease this app grants runs longer: a clock set back (or a forged row) does not stretch one.
      if (row && left > 0 && left <= LONGEST_LEASE_MS) {
        return row.holder === holder ? { kind: "busy", tid } : { kind: "tid-busy-elsewhere", tid };
      }
      db.prepare("INSERT OR REPLACE INTO tid_locks (tid, holder, expires_at) VALUES (?, ?, ?)").run(
        tid,
        holder,
        now() + leaseMs,
      );
      return null;
    });
  }

  return {
    acquire(tid, leaseMs) {
      const taken = take(tid, leaseMs);
      if (!taken.ok) return taken;
      if (taken.value) return err(taken.value);
      const renew = setInterval(() => {
        state.locked((db) =>
          db
            .prepare("UPDATE tid_locks SET expires_at = ? WHERE tid = ? AND holder = ?")
            .run(now() + leaseMs, tid, holder),
        );
      }, leaseMs / RENEWALS_PER_LEASE);
      renew.unref();
      return ok(() => {
        clearInterval(renew);
        // A release that cannot be written lapses with its lease.
        state.locked((db) => db.prepare("DELETE FROM tid_locks WHERE tid = ? AND holder = ?").run(tid, holder));
      });
    },
  };
}
