/**
 * The audit journal as the History screen and `refund-desk journal export` see it: one line per
 * request, never a key or an OTP; the otp_ref_id is cut to its last 6 characters.
 */
import type { RefundDeskError } from "./errors";
import type { Environment } from "./settings";
import type { Rupees } from "./transaction";

export interface JournalEntry {
  at: string;
  /** The provisioned counter name; null before a counter was provisioned. */
  counter: string | null;
  tid: string;
  environment: Environment;
  /** "otp-sent" or an error kind for Get Refund OTP; "inquiry:…", "refund:…", "refund-check:…" for the refund steps. */
  outcome: string;
  ekoStatus?: number;
  responseTypeId?: number;
  otpRefTail?: string;
  /**
   * Whether the line links to the one before it in the journal's hash chain: "broken" marks an
   * edited, removed or reordered line; "unsealed" a line from before the chain (or torn).
   */
  chain?: "ok" | "broken" | "unsealed";
  /**
   * A refund made ("refund:refunded", or "refund-check:tx_status=4" after a lost answer): what a
   * reprint and the day's close need. Never the balance, the OTP or a name.
   */
  refundedAmount?: Rupees;
  fee?: Rupees;
  refundTid?: string;
  /** The original transfer: its amount and time, the recipient's account's last 4 characters. */
  txAmount?: Rupees;
  txTime?: string;
  accountLast4?: string;
  /** Eko's user_code the refund was made under. */
  agentCode?: string;
  /** Find by mobile ("pending:…"): the customer's mobile, its last 4 digits only, and how many transfers came back. */
  mobileLast4?: string;
  listed?: number;
}

/** Days as the agent's calendar writes them, both inclusive. */
export interface DayRange {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

/** The longest range one read or export covers: a year of a busy counter is still a small file. */
export const MAX_HISTORY_DAYS = 366;

export interface HistoryPage {
  /** Newest first. */
  entries: JournalEntry[];
  /** Lines that were torn (a crash mid-write) or damaged; skipped, not fatal. */
  skipped: number;
}

export interface HistoryExport {
  /** False when the admin closed the save dialog without saving. */
  saved: boolean;
  /** Where the CSV was written, when it was. */
  location: string | null;
  rows: number;
  skipped: number;
}

/** A day written YYYY-MM-DD that exists on the calendar (no 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  // Stryker disable next-line Regex: without ^ or $, the read-back comparison below refuses any text before or after the date
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  // A day that does not exist rolls over (2026-02-30 becomes 2026-03-02), so it does not read back the same.
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toISOString().slice(0, 10) === day;
}

/** Days from `from` to `to`, both counted; NaN-free for calendar days. */
function daysInRange(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Why a range of days is refused, naming the end at fault, or null when it is good. Main and the
 * History screen refuse alike, so the admin learns which date is wrong before anything is read.
 */
export function dayRangeProblem(
  range: DayRange,
  maxDays: number,
): Extract<RefundDeskError, { kind: "invalid-input" }> | null {
  const invalid = (field: "from" | "to", reason: string) => ({ kind: "invalid-input" as const, field, reason });
  if (!isCalendarDay(range.from)) return invalid("from", "not-a-date");
  if (!isCalendarDay(range.to)) return invalid("to", "not-a-date");
  if (range.to < range.from) return invalid("to", "before-from");
  if (daysInRange(range) > maxDays) return invalid("to", "range-too-long");
  return null;
}

/** Today (or the day of `at`) on this computer's calendar, as YYYY-MM-DD. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
