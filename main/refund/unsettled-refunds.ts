import { readFileSync, rmSync } from "node:fs";
import { TID_MAX_DIGITS } from "../../app/tid";
import { openCounterState, type CounterState } from "../fs/counter-state";

/**
 * Tids with a refund sent and no settled answer: marked before the POST leaves and kept when its
 * answer is lost (a timeout, a network error, a crash or power cut mid-request). The refund may
 * have happened, so no other refund for them is sent until a Transaction Inquiry answers.
 *
 * Kept in the counter's state, so the window and every `refund-desk` process see one record, read
 * afresh at each step (never a copy loaded at start), and it survives a restart. Every doubt errs
 * toward holding: a record that cannot be read holds the tid.
 */
export interface UnsettledRefunds {
  /**
   * False when the mark could not be written: the refund must not be sent, since a crash before
   * its answer would then forget the hold. The tid is not held in that case.
   */
  mark(tid: string): boolean;
  /** A definite answer (the refund's own, or an inquiry's) arrived for this tid. */
  settle(tid: string): void;
  has(tid: string): boolean;
  /** Every tid held, for the window to show again after a restart. */
  list(): string[];
}

/** Where earlier versions kept the record; its tids move into the counter's state once. */
export const UNSETTLED_REFUNDS_FILE = "unsettled-refunds.json";

/**
 * `state`: by default a private one in memory (this process only). `legacyFile`: an earlier
 * version's record, whose every tid is held and which is then removed.
 */
export function createUnsettledRefunds(
  state: CounterState = openCounterState(null),
  legacyFile: string | null = null,
): UnsettledRefunds {
  if (legacyFile) migrate(state, legacyFile);
  return {
    // On the disk itself before the POST leaves: a power cut mid-refund must leave the tid held too.
    mark: (tid) =>
      state.locked((db) => db.prepare("INSERT OR IGNORE INTO unsettled_refunds (tid) VALUES (?)").run(tid), "durable")
        .ok,
    settle(tid) {
      // A settle that cannot be written leaves the tid held: the next inquiry that answers lifts it.
      state.locked((db) => db.prepare("DELETE FROM unsettled_refunds WHERE tid = ?").run(tid));
    },
    has(tid) {
      const found = state.locked((db) => db.prepare("SELECT 1 FROM unsettled_refunds WHERE tid = ?").get(tid));
      return !found.ok || found.value !== undefined;
    },
    list() {
      const rows = state.locked((db) => db.prepare("SELECT tid FROM unsettled_refunds ORDER BY rowid").all());
      return rows.ok ? rows.value.map((row) => String(row.tid)) : [];
    },
  };
}

/**
 * Read inside the locked step, so a process that settles a tid cannot race one still importing
 * it; removed only once its tids are in. A file that cannot be removed is imported again next
 * time, which holds its tids again until an inquiry answers: toward holding.
 */
function migrate(state: CounterState, file: string): void {
  const moved = state.locked((db) => {
    const tids = readLegacy(file);
    const insert = db.prepare("INSERT OR IGNORE INTO unsettled_refunds (tid) VALUES (?)");
    for (const tid of tids ?? []) insert.run(tid);
    return tids !== null;
  }, "durable");
  if (moved.ok && moved.value) rmSync(file, { force: true });
}

/** Null: no file. A torn or hand-edited file yields every tid-like string it still holds. */
function readLegacy(file: string): string[] | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return text.match(new RegExp(`[0-9]{1,${TID_MAX_DIGITS}}`, "g")) ?? [];
}
