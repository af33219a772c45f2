import type { RefundDeskError } from "../../app/errors";
import { daysInRange, isCalendarDay, type DayRange } from "../../app/history";
import { err, ok, type Result } from "../../app/result";

/** Midnight starting `day` on this computer's clock, or null for anything but a real date. */
export function localDayStart(day: string): number | null {
  if (!isCalendarDay(day)) return null;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
}

/**
 * The journal's time window for a range of days on this computer's calendar: from midnight
 * starting `from` to midnight ending `to`. Refused with the field at fault.
 */
export function rangeToMs(range: DayRange, maxDays: number): Result<{ fromMs: number; toMs: number }, RefundDeskError> {
  const fromMs = localDayStart(range.from);
  if (fromMs === null) return err({ kind: "invalid-input", field: "from", reason: "not-a-date" });
  const toStart = localDayStart(range.to);
  if (toStart === null) return err({ kind: "invalid-input", field: "to", reason: "not-a-date" });
  if (toStart < fromMs) return err({ kind: "invalid-input", field: "to", reason: "before-from" });
  if (daysInRange(range) > maxDays) return err({ kind: "invalid-input", field: "to", reason: "range-too-long" });
  const end = new Date(toStart);
  return ok({ fromMs, toMs: new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime() });
}
