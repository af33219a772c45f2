import { DatabaseSync } from "node:sqlite";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";

/**
 * The counter's shared state: what the window and every `refund-desk` process must agree on (tid
 * locks, refunds awaiting an answer, OTP cooldowns, the wrong-PIN record's turn). One SQLite
 * database in the data folder; each step is one `BEGIN IMMEDIATE` transaction, which takes
 * SQLite's OS file lock (fcntl on POSIX, LockFileEx on Windows) so processes take turns, and the
 * OS drops the lock of a process that dies.
 */
export const COUNTER_STATE_FILE = "counter-state.db";

export type CounterStateUnavailable = Extract<RefundDeskError, { kind: "counter-state-unavailable" }>;

export interface CounterState {
  /**
   * Runs `step` inside one locked transaction; any failure rolls it back and is the error.
   * `durable`: on the disk itself before this returns (a power cut cannot lose it), for what must
   * outlive the machine (a refund's hold); other steps outlive the app's crash but may lose their
   * last moments to a power cut, which ends every process whose locks and waits they are.
   */
  locked<T>(step: (db: DatabaseSync) => T, durable?: "durable"): Result<T, CounterStateUnavailable>;
  close(): void;
  /**
   * The file was not there when this process first looked: the counter's first start, or a file
   * deleted while the app was closed (what it held is then rebuilt where it can be: refund-desk.ts).
   */
  readonly fresh: boolean;
}

/** Steps are a few rows: a longer wait means a process is stuck, and the agent should hear so. */
const BUSY_TIMEOUT_MS = 2_000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tid_locks (tid TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS unsettled_refunds (tid TEXT PRIMARY KEY) STRICT;
  CREATE TABLE IF NOT EXISTS otp_cooldowns (tid TEXT PRIMARY KEY, quiet_until INTEGER NOT NULL) STRICT;
`;

/**
 * The data folder's state database, opened on first use (and again after a failure, so a file
 * put right is picked up); null: a private one in memory, for tests and tools with no data folder.
 */
export function openCounterState(dataDir: string | null): CounterState {
  const path = dataDir === null ? ":memory:" : join(dataDir, COUNTER_STATE_FILE);
  const fresh = dataDir !== null && !existsSync(path);
  let db: DatabaseSync | null = null;

  function database(): DatabaseSync {
    if (db) return db;
    const opened = new DatabaseSync(path);
    try {
      // A write-ahead log stays consistent through a crash or power cut, and with NORMAL a step
      // costs no flush to disk (a few ms each, with the main process waiting); durable steps do.
      // The busy timeout as a pragma, not the constructor's option: every Node with node:sqlite has it.
      opened.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      intoWriteAheadLog(opened);
      opened.exec(`PRAGMA synchronous = NORMAL; ${SCHEMA}`);
    } catch (error) {
      opened.close();
      throw error;
    }
    db = opened;
    return opened;
  }

  return {
    fresh,
    locked(step, durable) {
      let open: DatabaseSync;
      try {
        open = database();
        open.exec(`PRAGMA synchronous = ${durable ? "FULL" : "NORMAL"}`);
        open.exec("BEGIN IMMEDIATE");
      } catch (error) {
        // A damaged file, a folder in its place, a lock never let go: nothing in it can be trusted.
        db?.close();
        db = null;
        return err(unavailable(error));
      }
      try {
        const value = step(open);
        open.exec("COMMIT");
        return ok(value);
      } catch (error) {
        rollBack(open);
        return err(unavailable(error));
      }
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/**
 * SQLite answers a change of journal mode that meets another process opening the same new file
 * with "database is locked" at once, without its busy handler: several processes starting together
 * on a fresh data folder would fail closed for nothing. Waited for here, up to the same timeout.
 */
function intoWriteAheadLog(db: DatabaseSync): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      // SQLITE_BUSY, with or without its extended code.
      const busy = ((error as { errcode?: number }).errcode ?? 0) % 256 === 5;
      if (!busy || Date.now() >= until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** After a failed step; a transaction SQLite already ended itself has nothing left to roll back. */
function rollBack(db: DatabaseSync): void {
  try {
    db.exec("ROLLBACK");
  } catch {
    // No transaction was open.
  }
}

/** SQLite's own words ("file is not a database", "database is locked") name the fault for support. */
function unavailable(error: unknown): CounterStateUnavailable {
  const words = (error as { errstr?: unknown }).errstr;
  const cause =
    typeof words === "string"
      ? `${COUNTER_STATE_FILE}: ${words}`
      : error instanceof Error
        ? error.message
        : String(error);
  return { kind: "counter-state-unavailable", details: { cause } };
}
