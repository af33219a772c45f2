/**
 * Lines the journal writes about itself, sealed into the chain like every request's line but no
 * request: readers pass over them (not an entry, not a damaged line). Each starts `{"journal":`,
 * which no request's line does (those start with their time).
 *
 * - A month file's first line names the chain's head before it, so a month is read, and its
 *   first line checked, without opening the month before it.
 * - A retention cut says from which month the journal is kept and the head just before that
 *   month's first line, so the chain verifies from the cut (retention.ts).
 * - After a write cut short (a crash, a full disk), the next writer first names the head before
 *   the torn line, sealed to the torn line: the chain then still holds every line before it.
 */
const MARK_START = '{"journal":';
const HEX64 = /^[0-9a-f]{64}$/;
const MONTH = /^\d{4}-\d{2}$/;

export type JournalMark =
  | { journal: "month"; month: string; previous: string }
  | { journal: "retention-cut"; at: string; counter: string | null; keptFrom: string; anchor: string }
  | { journal: "torn"; previous: string };

/** The body (to be sealed) of a month file's first line. */
export function monthOpening(month: string, previous: string): string {
  return JSON.stringify({ journal: "month", month, previous });
}

/** The body (to be sealed) of a retention cut. */
export function retentionCut(at: string, counter: string | null, keptFrom: string, anchor: string): string {
  return JSON.stringify({ journal: "retention-cut", at, counter, keptFrom, anchor });
}

/** The body (to be sealed to the torn line) of the mark after a write cut short. */
export function tornMark(previous: string): string {
  return JSON.stringify({ journal: "torn", previous });
}

/** The mark a line is, or null for a request's line (or a damaged one). */
export function markOf(raw: string): JournalMark | null {
  if (!raw.startsWith(MARK_START)) return null;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { journal, month, previous, at, counter, keptFrom, anchor } = value;
  if (journal === "month" && typeof month === "string" && MONTH.test(month) && isDigest(previous))
    return { journal, month, previous };
  if (journal === "torn" && isDigest(previous)) return { journal, previous };
  if (
    journal === "retention-cut" &&
    typeof at === "string" &&
    typeof keptFrom === "string" &&
    MONTH.test(keptFrom) &&
    isDigest(anchor)
  )
    return { journal, at, counter: typeof counter === "string" ? counter : null, keptFrom, anchor };
  return null;
}

/** A digest, or "" for the journal's very first line (anchored to nothing). */
function isDigest(value: unknown): value is string {
  return typeof value === "string" && (value === "" || HEX64.test(value));
}
