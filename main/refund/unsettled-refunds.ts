import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { TID_MAX_DIGITS } from "../../app/tid";
import { writeFileDurably } from "../fs/durable-file";

/**
 * Tids with a refund sent and no settled answer: marked before the POST leaves and kept when its
 * answer is lost (a timeout, a network error, a crash or power cut mid-request). The refund may
 * have happened, so no other refund for them is sent until a Transaction Inquiry answers.
 *
 * With a file, the marks survive a restart: it is rewritten durably on every change, and reading
 * errs toward holding (a torn or hand-edited file still holds every tid it names).
 */
export interface UnsettledRefunds {
  /**
   * False when the mark could not be written to its file: the refund must not be sent, since a
   * crash before its answer would then forget the hold. The tid is not held in that case.
   */
  mark(tid: string): boolean;
  /** A definite answer (the refund's own, or an inquiry's) arrived for this tid. */
  settle(tid: string): void;
  has(tid: string): boolean;
  /** Every tid held, for the window to show again after a restart. */
  list(): string[];
}

export const UNSETTLED_REFUNDS_FILE = "unsettled-refunds.json";

export function createUnsettledRefunds(file: string | null = null): UnsettledRefunds {
  const tids = new Set<string>(file ? load(file) : []);

  /** True when the file now says what memory does. */
  function save(): boolean {
    if (!file) return true;
    try {
      if (tids.size === 0) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileDurably(file, `${JSON.stringify([...tids])}\n`);
      }
      return true;
    } catch {
      return false;
    }
  }

  return {
    mark(tid) {
      tids.add(tid);
      if (save()) return true;
      tids.delete(tid);
      return false;
    },
    settle(tid) {
      // A settle that cannot be written leaves the tid in the file: it errs toward holding, and an
      // inquiry after a restart lifts it.
      if (tids.delete(tid)) save();
    },
    has: (tid) => tids.has(tid),
    list: () => [...tids],
  };
}

/** The tids on record; a torn or hand-edited file yields every tid-like string it still holds. */
function load(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.match(new RegExp(`[0-9]{1,${TID_MAX_DIGITS}}`, "g")) ?? [];
}
