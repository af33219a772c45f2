import { detailsOf, type RefundDeskError } from "../../app/errors";
import {
  OUTCOME_UNKNOWN_KINDS,
  parseCustomerOtp,
  parseOtpRefId,
  receiptFromInquiry,
  SETTLE_BEFORE_INQUIRY_MS,
  type RefundReceipt,
  type RefundRequest,
} from "../../app/refund";
import { err, ok, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import { parseTid } from "../../app/tid";
import type { Transaction } from "../../app/transaction";
import type { Signers } from "../eko/signer";
import type { EkoClient, RefundEndpoint } from "../eko/eko-client";
import type { Journal, JournalRecord } from "../journal/journal";
import type { Practice } from "../simulator/practice";
import { sleep as realSleep } from "../time/sleep";
import { resolveRefundEndpoint } from "./refund-endpoint";
import { inquiryLine, refundFacts, refundLine } from "./refund-journal";
import { LEASE_MARGIN_MS, type TidLocks } from "./tid-locks";
import { createUnsettledRefunds, type UnsettledRefunds } from "./unsettled-refunds";
import { createTidDayMemory } from "./tid-day-memory";
import { createWrongOtpTries } from "./wrong-otp-tries";

export interface RefundFlowDeps {
  client: EkoClient;
  settings: () => Settings;
  practice: Practice;
  signers: Signers;
  journal: Journal;
  /** Shared with Get Refund OTP: one request per tid at a time, whichever it is. */
  locks: TidLocks;
  /** For the journal's time of a request that got no answer: the clock corrected by Eko's Date. */
  now: () => number;
  /** Waits before the inquiry that follows a lost refund answer (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** Refunds without a settled answer; this flow's own in memory unless given the counter's. */
  unsettled?: UnsettledRefunds;
  /** Told when a tid's refund is finished: refunded, or Eko says it no longer waits for one. */
  finished?: (tid: string) => void;
}

/** The check and refund steps of the counter flow, as the window and the CLI call them. */
export interface RefundFlow {
  /** Transaction Inquiry: what the agent confirms with the customer. Any tx_status is an answer. */
  inquire(input: { tid: string }): Promise<Result<Transaction, RefundDeskError>>;
  /**
   * Initiate Refund with the customer's OTP: sent once, never retried; a lost answer is inquired.
   * Without an otpRefId the OTP is the one from the failure SMS.
   */
  refund(input: RefundRequest, options?: RefundOptions): Promise<Result<RefundReceipt, RefundDeskError>>;
}

/** A line's outcome without its step: "tx_status=3", "timeout". */
const outcomeOf = (line: JournalRecord) => line.outcome.slice(line.outcome.indexOf(":") + 1);

interface RefundOptions {
  /**
   * A tid this process has not checked is checked first, under the same lock, and refunded only
   * when Eko says it waits for a refund: the refund's line then carries the transfer's amount, time
   * and account as the window's does. The CLI asks for it (each command is a process of its own);
   * the window checks before Refund opens.
   */
  checkFirst?: boolean;
}

/** The wrong-OTP count of refunds with the OTP from the failure SMS, which has no otp_ref_id. */
// Stryker disable next-line StringLiteral: the key only has to differ from every otp_ref_id, and parseOtpRefId refuses an empty one
const FAILURE_SMS = "failure-sms";

export function createRefundFlow(deps: RefundFlowDeps): RefundFlow {
  const sleep = deps.sleep ?? realSleep;
  const wrongTries = createWrongOtpTries(deps.now);
  const unsettled = deps.unsettled ?? createUnsettledRefunds();
  /**
   * The newest inquiry answer per tid, in memory: the refund's journal line takes the original
   * transfer's amount, time and masked account from it, for a reprint and the day's close. A refund
   * made forgets it, and so does the calendar.
   */
  const checked = createTidDayMemory<Transaction>(deps.now);

  /**
   * Inquires, journals, and lifts the block a lost refund answer put on the tid once Eko answers
   * and the answer is recorded. A check of a held tid is that refund's check, wherever it came from
   * (this flow after a lost answer, the agent's check after a restart, another process's refund):
   * found refunded, its line is the refund's for the day's close, on disk before it is shown.
   */
  async function inquiry(
    step: "inquiry" | "refund-check",
    tid: string,
    settings: Settings,
    endpoint: RefundEndpoint,
  ): Promise<Result<Transaction, RefundDeskError>> {
    const answer = await deps.client.inquireTransaction(endpoint, tid, settings.timeoutMs);
    const settling = step === "refund-check" || unsettled.has(tid);
    let result: Result<Transaction, RefundDeskError>;
    if (answer.ok) {
      const { answeredAt, ...reply } = answer.value;
      result = ok({ ...reply, tid, checkedAt: new Date(answeredAt).toISOString(), environment: settings.environment });
    } else result = answer;
    const made = settling && result.ok && result.value.state === "refunded" ? result.value : null;
    const facts = { at: answer.ok ? answer.value.answeredAt : deps.now(), tid, environment: settings.environment };
    const line = inquiryLine(
      settling ? "refund-check" : "inquiry",
      made ? { ...facts, refund: refundFacts(null, made, endpoint.userCode) } : facts,
      result,
    );
    if (!deps.journal.append(line, settling ? "now" : "group")) {
      // Nothing is settled or remembered: a held tid stays held until a check is recorded.
      const details = result.ok ? result.value.details : detailsOf(result.error);
      return err(
        settling
          ? { kind: "not-journaled", step: "refund", tid, outcome: made ? "refunded" : outcomeOf(line), details }
          : { kind: "not-journaled", step: "check", tid, outcome: outcomeOf(line), details },
      );
    }
    if (result.ok) {
      unsettled.settle(tid);
      checked.set(tid, result.value);
      if (result.value.state !== "refund-pending") deps.finished?.(tid);
    }
    return result;
  }

  /** The refund's answer was lost: ask Eko what became of the transaction rather than guess. */
  async function settle(
    tid: string,
    lost: RefundDeskError,
    settings: Settings,
    endpoint: RefundEndpoint,
  ): Promise<Result<RefundReceipt, RefundDeskError>> {
    // Eko may still be working on the refund: an inquiry at once could see "refund pending" for a
    // refund about to complete. The pause is in app/refund.ts so the window can count it down.
    await sleep(SETTLE_BEFORE_INQUIRY_MS);
    const check = await inquiry("refund-check", tid, settings, endpoint);
    if (!check.ok && check.error.kind === "not-journaled") return check;
    if (!check.ok) return err({ kind: "refund-outcome-unknown", tid, details: detailsOf(lost) });
    const tx = check.value;
    if (tx.state === "refunded") {
      wrongTries.clear(tid);
      checked.delete(tid);
      return ok(receiptFromInquiry(tx));
    }
    if (tx.state === "refund-pending") return err({ kind: "refund-not-done", tid, details: detailsOf(lost) });
    return err({ kind: "not-refund-pending", tid, txStatus: tx.txStatus, state: tx.state, details: tx.details });
  }

  /** Validates the tid, takes its lock, and resolves the endpoint before `run`. */
  async function withTid<T>(
    rawTid: string,
    run: (tid: string, settings: Settings, endpoint: RefundEndpoint) => Promise<Result<T, RefundDeskError>>,
  ): Promise<Result<T, RefundDeskError>> {
    const parsed = parseTid(rawTid);
    if (!parsed.ok) return parsed;
    const tid = parsed.value;
    const settings = deps.settings();
    const lock = deps.locks.acquire(tid, settings.timeoutMs + LEASE_MARGIN_MS);
    if (!lock.ok) return lock;
    try {
      const endpoint = await resolveRefundEndpoint(settings, deps.practice, deps.signers);
      return endpoint.ok ? await run(tid, settings, endpoint.value) : endpoint;
    } finally {
      lock.value();
    }
  }

  return {
    inquire: (input) => withTid(input.tid, (tid, settings, endpoint) => inquiry("inquiry", tid, settings, endpoint)),

    async refund(input, options = {}) {
      // Checked before the tid is locked or Eko is called; a refusal names the field, never the OTP.
      const otp = parseCustomerOtp(input.otp);
      if (!otp.ok) return otp;
      const otpRefId = input.otpRefId === undefined ? ok(null) : parseOtpRefId(input.otpRefId);
      if (!otpRefId.ok) return otpRefId;
      return withTid(input.tid, async (tid, settings, endpoint) => {
        // Read here, under the tid's lock and after the OTP was typed: another process may have
        // sent a refund for this tid since this one started.
        if (unsettled.has(tid))
          return err({ kind: "refund-outcome-unknown", tid, details: { cause: "awaiting-inquiry" } });
        if (options.checkFirst && checked.get(tid) === undefined) {
          const check = await inquiry("inquiry", tid, settings, endpoint);
          if (!check.ok) return check;
          const tx = check.value;
          if (tx.state !== "refund-pending")
            return err({
              kind: "not-refund-pending",
              tid,
              txStatus: tx.txStatus,
              state: tx.state,
              details: tx.details,
            });
        }
        // Marked before the POST leaves: a crash before its answer must leave the tid held too. A
        // mark that cannot be saved stops the refund here, before anything reaches Eko.
        if (!unsettled.mark(tid)) {
          return err({ kind: "refund-not-recorded", tid, details: { cause: "unsettled-refunds-write" } });
        }
        const answer = await deps.client.initiateRefund(
          endpoint,
          { tid, otp: otp.value, otpRefId: otpRefId.value },
          settings.timeoutMs,
        );
        const facts = {
          at: answer.ok ? answer.value.answeredAt : deps.now(),
          tid,
          environment: settings.environment,
          ...(otpRefId.value === null ? {} : { otpRefId: otpRefId.value }),
          ...(answer.ok ? { refund: refundFacts(answer.value, checked.get(tid) ?? null, endpoint.userCode) } : {}),
        };
        // Money may have moved: this line is on disk before the agent sees the answer. Without it,
        // the tid stays held, so the check that next answers records what became of the refund.
        if (!deps.journal.append(refundLine(facts, answer), "now")) {
          return err({
            kind: "not-journaled",
            step: "refund",
            tid,
            outcome: answer.ok ? "refunded" : answer.error.kind,
            ...(answer.ok && answer.value.refundTid ? { refundTid: answer.value.refundTid } : {}),
            details: answer.ok ? answer.value.details : detailsOf(answer.error),
          });
        }
        if (answer.ok || !OUTCOME_UNKNOWN_KINDS.has(answer.error.kind)) unsettled.settle(tid);
        if (answer.ok) {
          wrongTries.clear(tid);
          checked.delete(tid);
          deps.finished?.(tid);
          const { answeredAt, refundedAt, ...reply } = answer.value;
          return ok({
            ...reply,
            tid,
            refundedAt: refundedAt ?? new Date(answeredAt).toISOString(),
            environment: settings.environment,
            confirmedBy: "refund",
            transaction: null,
          });
        }
        const error = answer.error;
        if (error.kind === "wrong-otp") {
          return err({ ...error, tries: wrongTries.add(tid, otpRefId.value ?? FAILURE_SMS) });
        }
        // A refusal without a named reason may be Eko wanting an otp_ref_id: offer Send OTP, plainly.
        if (otpRefId.value === null && error.kind === "eko") {
          return err({ kind: "otp-ref-needed", tid, details: error.details });
        }
        if (OUTCOME_UNKNOWN_KINDS.has(error.kind)) return settle(tid, error, settings, endpoint);
        return answer;
      });
    },
  };
}
