import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { Clock } from "../clock";
import { signTimestamp } from "../signing";
import { interpretRefundOtpReply, type RefundOtpReply } from "./envelope";
import { classifyNetworkError } from "./network-error";
import { readCapped } from "./read-capped";

/** Where and as whom to call Eko. The access key stays in main; nothing here is logged. */
export interface EkoEndpoint {
  baseUrl: string;
  developerKey: string;
  accessKey: string;
  initiatorId: string;
}

export interface EkoClientDeps {
  /** net.fetch in Electron (system proxy and certificate store), the global fetch under Node. */
  fetch: typeof fetch;
  clock: Clock;
  localNow?: () => number;
}

export interface RefundOtpAnswer extends RefundOtpReply {
  /** When Eko answered, on the corrected clock. */
  answeredAt: number;
}

/**
 * A signature whose timestamp is further than this from the server's Date is worth blaming on
 * the clock: Date has 1 s resolution and the round trip adds a little more.
 */
export const CLOCK_SUSPECT_MS = 10_000;

export interface EkoClient {
  getRefundOtp(endpoint: EkoEndpoint, tid: string, timeoutMs: number): Promise<Result<RefundOtpAnswer, RefundDeskError>>;
  /** Any HTTP answer from the base URL counts as reachable; the Date header teaches the clock. */
  probe(baseUrl: string, timeoutMs: number): Promise<Result<{ httpStatus: number }, RefundDeskError>>;
}

export function refundOtpUrl(baseUrl: string, tid: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/customer/payment/refund/${encodeURIComponent(tid)}/otp`;
}

export function createEkoClient(deps: EkoClientDeps): EkoClient {
  const localNow = deps.localNow ?? Date.now;

  async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Result<{ status: number; contentType: string; body: string | null; localAt: number }, RefundDeskError>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await deps.fetch(url, { ...init, signal: controller.signal, redirect: "error" });
      const localAt = localNow();
      deps.clock.observe(response.headers.get("date"), localAt);
      const body = await readCapped(response);
      return ok({ status: response.status, contentType: response.headers.get("content-type") ?? "", body, localAt });
    } catch (error) {
      return err(classifyNetworkError(error, timedOut, timeoutMs));
    } finally {
      clearTimeout(timer);
    }
  }

  async function attempt(endpoint: EkoEndpoint, tid: string, timeoutMs: number) {
    // A fresh timestamp and signature for every request, including the one retry.
    const timestamp = deps.clock.now();
    const sent = await send(
      refundOtpUrl(endpoint.baseUrl, tid),
      {
        method: "POST",
        headers: {
          developer_key: endpoint.developerKey,
          "secret-key": signTimestamp(endpoint.accessKey, String(timestamp)),
          "secret-key-timestamp": String(timestamp),
          "content-type": "application/json",
        },
        body: JSON.stringify({ initiator_id: endpoint.initiatorId }),
      },
      timeoutMs,
    );
    if (!sent.ok) return { result: sent, skewMs: 0 };
    const { status, contentType, body, localAt } = sent.value;
    const offset = deps.clock.offsetMs();
    const skewMs = offset === null ? 0 : localAt + offset - timestamp;
    if (body === null) {
      return { result: err<RefundDeskError>({ kind: "bad-response", details: { httpStatus: status, cause: "body-too-large" } }), skewMs };
    }
    const suspect = Math.abs(skewMs) > CLOCK_SUSPECT_MS ? { offsetMs: offset ?? 0 } : null;
    const reply = interpretRefundOtpReply(status, contentType, body, suspect);
    const answeredAt = localAt + (offset ?? 0);
    const result: Result<RefundOtpAnswer, RefundDeskError> = reply.ok ? ok({ ...reply.value, answeredAt }) : reply;
    return { result, skewMs };
  }

  return {
    async getRefundOtp(endpoint, tid, timeoutMs) {
      const first = await attempt(endpoint, tid, timeoutMs);
      // A 403 means Eko refused before acting (no SMS went out), so one re-signed retry with the
      // corrected clock is safe; anything else is never retried, as this POST sends an SMS.
      if (!first.result.ok && first.result.error.kind === "clock-skew") {
        return (await attempt(endpoint, tid, timeoutMs)).result;
      }
      return first.result;
    },

    async probe(baseUrl, timeoutMs) {
      const sent = await send(baseUrl, { method: "GET" }, timeoutMs);
      return sent.ok ? ok({ httpStatus: sent.value.status }) : sent;
    },
  };
}
