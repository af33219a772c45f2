import type { RefundDeskError } from "../app/errors";
import type { OtpSent } from "../app/refund-otp";
import { err, ok, type Result } from "../app/result";
import type { Settings } from "../app/settings";
import { parseTid } from "../app/tid";
import type { AccessKey } from "./access-key";
import type { EkoClient } from "./eko/eko-client";
import { resolveEndpoint } from "./endpoint";
import { shortRef, type Journal } from "./journal";
import type { Practice } from "./practice";

export interface RefundOtpServiceDeps {
  client: EkoClient;
  settings: () => Settings;
  practice: Practice;
  accessKey: AccessKey;
  journal: Journal;
}

/**
 * The Get Refund OTP request, as both the button and the CLI make it: validate the tid before
 * anything else, allow one request per tid at a time, never retry (each call can send an SMS).
 */
export function createRefundOtpService(deps: RefundOtpServiceDeps) {
  const inFlight = new Set<string>();

  return async function requestRefundOtp(input: { tid: string }): Promise<Result<OtpSent, RefundDeskError>> {
    const parsed = parseTid(input.tid);
    if (!parsed.ok) return parsed;
    const tid = parsed.value;
    if (inFlight.has(tid)) return err({ kind: "busy", tid });
    inFlight.add(tid);
    try {
      const settings = deps.settings();
      const endpoint = await resolveEndpoint(settings, deps.practice, deps.accessKey);
      if (!endpoint.ok) return endpoint;
      const answer = await deps.client.getRefundOtp(endpoint.value, tid, settings.timeoutMs);
      const at = new Date(answer.ok ? answer.value.answeredAt : Date.now()).toISOString();
      const details = answer.ok ? answer.value.details : "details" in answer.error ? answer.error.details : {};
      deps.journal.append({
        at,
        tid,
        environment: settings.environment,
        outcome: answer.ok ? "otp-sent" : answer.error.kind,
        ...(details.ekoStatus !== undefined ? { ekoStatus: details.ekoStatus } : {}),
        ...(details.responseTypeId !== undefined ? { responseTypeId: details.responseTypeId } : {}),
        ...(answer.ok ? { otpRefTail: shortRef(answer.value.otpRefId) } : {}),
      });
      if (!answer.ok) return answer;
      return ok({ tid, otpRefId: answer.value.otpRefId, sentAt: at, environment: settings.environment, details: answer.value.details });
    } finally {
      inFlight.delete(tid);
    }
  };
}
