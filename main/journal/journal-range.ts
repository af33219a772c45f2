import type { RefundDeskError } from "../../app/errors";
import { dayRangeProblem, isCalendarDay, type DayRange } from "../../app/history";
import { err, ok, type Result } from "../../app/result";

/** Midnight starting a calendar day (YYYY-MM-DD) on this computer's clock. */
function midnight(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** Midnight starting `day` on this computer's clock, or null for anything but a real date. */
export function localDayStart(day: string): number | null {
  return isCalendarDay(day) ? midnight(day).getTime() : null;
}

/**
 * The journal's time window for a range of days on this computer's calendar: from midnight
 * starting `from` to midnight ending `to`. Refused with the field at fault.
 */
export function rangeToMs(range: DayRange, maxDays: number): Result<{ fromMs: number; toMs: number }, RefundDeskError> {
  const problem = dayRangeProblem(range, maxDays);
  if (problem) return err(problem);
  const last = midnight(range.to);
  return ok({
    fromMs: midnight(range.from).getTime(),
    toMs: new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1).getTime(),
  });
}
