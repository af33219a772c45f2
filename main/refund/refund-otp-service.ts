import { detailsOf, type RefundDeskError } from "../../app/errors";
import type { OtpSent } from "../../app/refund-otp";
import { err, ok, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import { parseTid } from "../../app/tid";
import type { Signers } from "../eko/signer";
import type { EkoClient } from "../eko/eko-client";
import { resolveEndpoint } from "../eko/endpoint";
import { shortRef, type Journal } from "../journal/journal";
import type { Practice } from "../simulator/practice";
import { createOtpCooldowns, type OtpCooldowns } from "./otp-cooldowns";
import type { UnsettledRefunds } from "./unsettled-refunds";
import { createTidLocks, LEASE_MARGIN_MS, type TidLocks } from "./tid-locks";
import type { SessionMemory } from "./session-memory";

export interface RefundOtpServiceDeps {
  client: EkoClient;
  settings: () => Settings;
  practice: Practice;
  signers: Signers;
  journal: Journal;
  session: SessionMemory;
  /** Local time, for the resend cooldown (only ever compared with itself). */
  now: () => number;
  /** The clock corrected by Eko's Date, for the journal's time of a request that got no answer (as the refund's). */
  ekoNow: () => number;
  /** Shared with the refund flow, so an OTP is never requested while that tid's refund runs. */
  locks?: TidLocks;
  /** The resend cooldowns, shared with every process of the counter; by default this service's own. */
  cooldowns?: OtpCooldowns;
  /**
   * Refunds sent whose answer was lost: such a tid is held for everything but the inquiry that
   * settles it, an OTP too (the refund may have gone through; a new OTP would invite a second one).
   */
  unsettled?: Pick<UnsettledRefunds, "has">;
}

/**
 * The Get Refund OTP request, as both the button and the CLI make it: validate the tid before
 * anything else, allow one request per tid at a time, hold a resend cooldown after an OTP may
 * have gone out, and never retry (each call can send the customer an SMS).
 */
export function createRefundOtpService(deps: RefundOtpServiceDeps) {
  const locks = deps.locks ?? createTidLocks();
  const cooldowns = deps.cooldowns ?? createOtpCooldowns(undefined, deps.now);

  return async function requestRefundOtp(input: { tid: string }): Promise<Result<OtpSent, RefundDeskError>> {
    const parsed = parseTid(input.tid);
    if (!parsed.ok) return parsed;
    const tid = parsed.value;
    const settings = deps.settings();
    const lock = locks.acquire(tid, settings.timeoutMs + LEASE_MARGIN_MS);
    if (!lock.ok) return lock;
    try {
      if (deps.unsettled?.has(tid))
        return err({ kind: "refund-outcome-unknown", tid, details: { cause: "awaiting-inquiry" } });
      const wait = cooldowns.waitMs(tid);
      if (!wait.ok) return wait;
      if (wait.value > 0) return err({ kind: "cooldown", tid, retryAfterMs: wait.value });
      const endpoint = await resolveEndpoint(settings, deps.practice, deps.signers);
      if (!endpoint.ok) return endpoint;
      const answer = await deps.client.getRefundOtp(endpoint.value, tid, settings.timeoutMs);
      // After a success, or a timeout that may have reached Eko, the customer may be getting an SMS.
      if (answer.ok || answer.error.kind === "timeout") cooldowns.start(tid, settings.resendCooldownMs);
      const at = new Date(answer.ok ? answer.value.answeredAt : deps.ekoNow()).toISOString();
      const details = answer.ok ? answer.value.details : detailsOf(answer.error);
      const outcome = answer.ok ? "otp-sent" : answer.error.kind;
      const otpRefTail = answer.ok ? { otpRefTail: shortRef(answer.value.otpRefId) } : {};
      const journaled = deps.journal.append({
        at,
        tid,
        environment: settings.environment,
        outcome,
        ...(details.ekoStatus !== undefined ? { ekoStatus: details.ekoStatus } : {}),
        ...(details.responseTypeId !== undefined ? { responseTypeId: details.responseTypeId } : {}),
        ...otpRefTail,
      });
      // No answer without its line; an OTP that went out is still said to have gone (its tail, for support).
      const result: Result<OtpSent, RefundDeskError> = !journaled
        ? err({ kind: "not-journaled", step: "otp", tid, outcome, ...otpRefTail, details })
        : answer.ok
          ? ok({
              tid,
              otpRefId: answer.value.otpRefId,
              sentAt: at,
              environment: settings.environment,
              resendAfter: new Date(answer.value.answeredAt + settings.resendCooldownMs).toISOString(),
              details: answer.value.details,
            })
          : answer;
      deps.session.remember(tid, at, result);
      return result;
    } finally {
      lock.value();
    }
  };
}
