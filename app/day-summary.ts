/**
 * The day's close from the journal: refunds made and their total, OTPs sent, checks, failures by
 * kind. The History screen, its printed summary and `refund-desk journal summary` all count with
 * this one function, so the three always agree.
 */
import type { ErrorKind } from "./errors";
import type { JournalEntry } from "./history";
import { OUTCOME_UNKNOWN_KINDS } from "./refund";
import { isRefundLine } from "./receipt";
import type { Rupees } from "./transaction";

export interface DaySummary {
  /** YYYY-MM-DD */
  day: string;
  refunds: number;
  /** The refunded amounts Eko reported, added up exactly (paise as integers). */
  refundedTotal: Rupees;
  /** The refunds' fees as Eko's refund answers gave them; a refund confirmed by a check has none. */
  feeTotal: Rupees;
  /** Refunds confirmed by a check after a lost answer, whose refunded amount Eko did not give. */
  refundsWithoutAmount: number;
  otpsSent: number;
  checks: number;
  reprints: number;
  lookups: number;
  /** Error kind → how many lines ended in it, any step. */
  failures: Record<string, number>;
}

const TX_STATUS = /^tx_status=/;
/** What a step's line says when the step went as it should, not counted as a failure. */
const SUCCESS: ReadonlySet<string> = new Set(["otp-sent", "refunded", "printed", "listed"]);

/**
 * Tid → when a check found its refund made after a lost answer: the lost answer before it is that
 * same refund, counted once, as refunded, not also as a failure.
 */
function refundsConfirmed(entries: readonly JournalEntry[]): Map<string, number> {
  const confirmed = new Map<string, number>();
  for (const entry of entries)
    if (entry.outcome.startsWith("refund-check:") && isRefundLine(entry))
      confirmed.set(entry.tid, Math.max(confirmed.get(entry.tid) ?? -Infinity, Date.parse(entry.at)));
  return confirmed;
}

export function summarizeDay(day: string, entries: readonly JournalEntry[]): DaySummary {
  const confirmed = refundsConfirmed(entries);
  let refunded = 0n;
  let fees = 0n;
  // A Map, so a hand-edited line's "constructor" or "__proto__" is counted like any other kind.
  const failures = new Map<string, number>();
  const summary: DaySummary = {
    day,
    refunds: 0,
    // Stryker disable next-line StringLiteral: overwritten before return
    refundedTotal: "0.00",
    // Stryker disable next-line StringLiteral: overwritten before return
    feeTotal: "0.00",
    refundsWithoutAmount: 0,
    otpsSent: 0,
    checks: 0,
    reprints: 0,
    lookups: 0,
    failures: {},
  };
  for (const entry of entries) {
    const colon = entry.outcome.indexOf(":");
    const step = colon < 0 ? "otp" : entry.outcome.slice(0, colon);
    const rest = entry.outcome.slice(colon + 1);
    if (isRefundLine(entry)) {
      summary.refunds += 1;
      const amount = paise(entry.refundedAmount);
      if (amount === null) summary.refundsWithoutAmount += 1;
      else refunded += amount;
      // Only Eko's answer to the refund gives its fee (an older check's line may carry the transfer's).
      if (step === "refund") fees += paise(entry.fee) ?? 0n;
    }
    if (step === "otp" && rest === "otp-sent") summary.otpsSent += 1;
    if (step === "inquiry") summary.checks += 1;
    if (step === "reprint") summary.reprints += 1;
    if (step === "pending") summary.lookups += 1;
    const settled =
      step === "refund" &&
      OUTCOME_UNKNOWN_KINDS.has(rest as ErrorKind) &&
      (confirmed.get(entry.tid) ?? -Infinity) >= Date.parse(entry.at);
    if (!SUCCESS.has(rest) && !TX_STATUS.test(rest) && !settled) failures.set(rest, (failures.get(rest) ?? 0) + 1);
  }
  summary.failures = Object.fromEntries(failures);
  summary.refundedTotal = rupeesOf(refunded);
  summary.feeTotal = rupeesOf(fees);
  return summary;
}

/** "5000.00" → 500000n; null for anything that is not rupees with up to two places. */
function paise(amount: Rupees | undefined): bigint | null {
  // Stryker disable next-line StringLiteral: any text that is not rupees reads as no amount
  const match = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(amount ?? "");
  if (!match) return null;
  const value = BigInt(match[2] as string) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -value : value;
}

function rupeesOf(paiseTotal: bigint): Rupees {
  // Stryker disable next-line EqualityOperator: -0n is 0n
  const sign = paiseTotal < 0n ? "-" : "";
  // Stryker disable next-line EqualityOperator: -0n is 0n
  const abs = paiseTotal < 0n ? -paiseTotal : paiseTotal;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
