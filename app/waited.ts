/**
 * How long a customer's money has waited since the transfer, and whether the refund is overdue:
 * more than one working day (Monday to Saturday on India's calendar; Sundays do not count, and
 * bank holidays are not known to the app, so it may call a refund overdue a day early).
 */
const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;
/** Past a week of calendar days the answer is overdue whatever the weekdays: no need to count. */
const CERTAINLY_OVERDUE_MS = 7 * DAY_MS;

export interface Waited {
  /** From the transfer's time to the inquiry's. */
  ms: number;
  overdue: boolean;
}

/** Null when either time is missing or unreadable, or the transfer is in the future. */
export function waitedSince(transferIso: string | null, checkedIso: string): Waited | null {
  if (transferIso === null) return null;
  const from = Date.parse(transferIso);
  const to = Date.parse(checkedIso);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return { ms: to - from, overdue: workingMsBetween(from, to) > DAY_MS };
}

/** Milliseconds between two instants that fall on a working day in India (Sundays left out). */
export function workingMsBetween(from: number, to: number): number {
  if (to - from >= CERTAINLY_OVERDUE_MS) return to - from;
  let total = 0;
  let cursor = from;
  while (cursor < to) {
    const local = cursor + IST_OFFSET_MS;
    const nextMidnight = local - (local % DAY_MS) + DAY_MS - IST_OFFSET_MS;
    const end = Math.min(nextMidnight, to);
    if (new Date(local).getUTCDay() !== 0) total += end - cursor;
    cursor = end;
  }
  return total;
}
