import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { dateOffsetMs, type Clock } from "../time/clock";
import { sleep as realSleep } from "../time/sleep";
import type { Signer } from "./signer";
import { interpretRefundOtpReply, type ClockSuspect, type RefundOtpReply } from "./envelope";
import { classifyNetworkError } from "./network-error";
import { readCapped } from "./read-capped";
import { interpretPendingReply, type PendingReply } from "./pending-reply";
import { interpretRefundReply, type RefundReply } from "./refund-reply";
import { initiateRefundBody } from "./refund-request";
import { interpretTransactionReply, type TransactionReply } from "./transaction-reply";

/** Where and as whom to call Eko; the signer makes each secret-key. Nothing here is logged. */
export interface EkoEndpoint {
  baseUrl: string;
  developerKey: string;
  signer: Signer;
  initiatorId: string;
}

/** Transaction Inquiry and Initiate Refund also name the retailer/agent the service runs for. */
export interface RefundEndpoint extends EkoEndpoint {
  userCode: string;
}

export interface EkoClientDeps {
  /** net.fetch in Electron (system proxy and certificate store), the global fetch under Node. */
  fetch: typeof fetch;
  clock: Clock;
  localNow?: () => number;
  /** Waits between GET retries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

/** When Eko answered, on the corrected clock. */
interface Answered {
  answeredAt: number;
}

type RefundOtpAnswer = RefundOtpReply & Answered;
export type TransactionAnswer = TransactionReply & Answered;
export type RefundAnswer = RefundReply & Answered;
type PendingAnswer = PendingReply & Answered;

/**
 * A signature whose timestamp is further than this from the server's Date is worth blaming on
 * the clock: Date has 1 s resolution and the round trip adds a little more.
 */
const CLOCK_SUSPECT_MS = 10_000;

/**
 * Pauses before the GET retries: at most two retries, as Eko's own SDKs do for reads. Only reads
 * are retried; a POST is sent once (Get Refund OTP may re-sign once after a clock-skew 403 the
 * clock has learned to correct).
 */
const GET_RETRY_DELAYS_MS: readonly number[] = [300, 1_000];

/** The answers worth asking again for: the server's trouble or the network's, never a refusal. */
const RETRYABLE_GET: ReadonlySet<RefundDeskError["kind"]> = new Set([
  "server",
  "rate-limited",
  "offline",
  "timeout",
  "clock-skew",
]);

export interface EkoClient {
  getRefundOtp(
    endpoint: EkoEndpoint,
    tid: string,
    timeoutMs: number,
  ): Promise<Result<RefundOtpAnswer, RefundDeskError>>;
  inquireTransaction(
    endpoint: RefundEndpoint,
    tid: string,
    timeoutMs: number,
  ): Promise<Result<TransactionAnswer, RefundDeskError>>;
  /** Get Pending Refunds for a customer's mobile: a GET, retried like the inquiry. */
  pendingRefunds(
    endpoint: RefundEndpoint,
    mobile: string,
    timeoutMs: number,
  ): Promise<Result<PendingAnswer, RefundDeskError>>;
  /** Moves money: sent exactly once, whatever happens; after a lost answer, inquire. */
  initiateRefund(
    endpoint: RefundEndpoint,
    request: { tid: string; otp: string; otpRefId: string | null },
    timeoutMs: number,
  ): Promise<Result<RefundAnswer, RefundDeskError>>;
  /**
   * Any HTTP answer from the base URL counts as reachable; the Date header teaches the clock (on
   * Eko's hosts) and is measured as it is, for the doctor, wherever it came from.
   */
  probe(
    baseUrl: string,
    timeoutMs: number,
  ): Promise<Result<{ httpStatus: number; dateOffsetMs: number | null }, RefundDeskError>>;
}

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

/**
 * Eko's words on a refusal go to the window and the details panel; should they echo the OTP
 * (an `invalid_params` entry such as "otp 012345 is invalid") or the customer's mobile, those
 * digits are masked first.
 */
function withoutSecret(error: RefundDeskError, secret: string): RefundDeskError {
  if (!("details" in error)) return error;
  const mask = (words: string) => words.split(secret).join("••••");
  const { ekoMessage, invalidParams } = error.details;
  const details = {
    ...error.details,
    ...(ekoMessage === undefined ? {} : { ekoMessage: mask(ekoMessage) }),
    ...(invalidParams === undefined
      ? {}
      : { invalidParams: Object.fromEntries(Object.entries(invalidParams).map(([key, text]) => [key, mask(text)])) }),
  };
  return error.kind === "eko" ? { ...error, message: mask(error.message), details } : { ...error, details };
}

function refundOtpUrl(baseUrl: string, tid: string): string {
  return `${base(baseUrl)}/customer/payment/refund/${encodeURIComponent(tid)}/otp`;
}

function initiateRefundUrl(baseUrl: string, tid: string): string {
  return `${base(baseUrl)}/customer/payment/refund/${encodeURIComponent(tid)}`;
}

function transactionInquiryUrl(endpoint: RefundEndpoint, tid: string): string {
  const query = new URLSearchParams({ initiator_id: endpoint.initiatorId, user_code: endpoint.userCode });
  return `${base(endpoint.baseUrl)}/tools/reference/transaction/${encodeURIComponent(tid)}?${query.toString()}`;
}

export function pendingRefundsUrl(endpoint: RefundEndpoint, mobile: string): string {
  const query = new URLSearchParams({
    initiator_id: endpoint.initiatorId,
    user_code: endpoint.userCode,
    customer_id: mobile,
  });
  return `${base(endpoint.baseUrl)}/customer/payment/refunds?${query.toString()}`;
}

/** Reads a reply's status, content type and body into a result of the call's own kind. */
type Interpret<T> = (
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
) => Result<T, RefundDeskError>;

export function createEkoClient(deps: EkoClientDeps): EkoClient {
  const localNow = deps.localNow ?? Date.now;
  const sleep = deps.sleep ?? realSleep;

  async function send(
    url: string,
    init: RequestInit,
    timeoutMs: number,
  ): Promise<
    Result<
      { status: number; contentType: string; body: string | null; localAt: number; date: string | null },
      RefundDeskError
    >
  > {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await deps.fetch(url, { ...init, signal: controller.signal, redirect: "error" });
      const localAt = localNow();
      const date = response.headers.get("date");
      deps.clock.observe(url, date, localAt);
      const body = await readCapped(response, undefined, controller.signal);
      const contentType = response.headers.get("content-type");
      return ok({
        status: response.status,
        // Stryker disable next-line StringLiteral: a reply without a Content-Type; any text that is not a JSON media type gives the same verdict
        contentType: contentType ?? "",
        body,
        localAt,
        date,
      });
    } catch (error) {
      return err(classifyNetworkError(error, timedOut, timeoutMs));
    } finally {
      clearTimeout(timer);
    }
  }

  let lastTimestamp = 0;

  /** One signed request: a fresh timestamp and signature every time, including every retry. */
  async function attempt<T>(
    endpoint: EkoEndpoint,
    method: "GET" | "POST",
    url: string,
    body: string | undefined,
    timeoutMs: number,
    interpret: Interpret<T>,
  ): Promise<Result<T & Answered, RefundDeskError>> {
    // The corrected clock wobbles by up to a second with each Date header (1 s resolution), so two
    // quick requests could share a timestamp; a bigger step back is a correction and wins.
    const now = deps.clock.signingTime(url);
    const timestamp = now <= lastTimestamp && lastTimestamp - now < 1_000 ? lastTimestamp + 1 : now;
    lastTimestamp = timestamp;
    // A signer that cannot sign (a token gone, a wrong PIN) stops the request before it is sent.
    const secretKey = await endpoint.signer.secretKey(String(timestamp));
    if (!secretKey.ok) return secretKey;
    const sent = await send(
      url,
      {
        method,
        headers: {
          developer_key: endpoint.developerKey,
          "secret-key": secretKey.value,
          "secret-key-timestamp": String(timestamp),
          "content-type": "application/json",
        },
        ...(body === undefined ? {} : { body }),
      },
      timeoutMs,
    );
    if (!sent.ok) return sent;
    const { status, contentType, body: text, localAt, date } = sent.value;
    if (text === null) return err({ kind: "bad-response", details: { httpStatus: status, cause: "body-too-large" } });
    const reply = interpret(status, contentType, text, clockSuspect(date, localAt, timestamp));
    return reply.ok ? ok({ ...reply.value, answeredAt: localAt + (deps.clock.offsetMs() ?? 0) }) : reply;
  }

  /**
   * This reply's own Date against the timestamp signed, whoever answered: a diagnosis for the
   * agent (the clock learns only from Eko's hosts, within its bound).
   */
  function clockSuspect(date: string | null, localAt: number, timestamp: number): ClockSuspect | null {
    const offsetMs = dateOffsetMs(date, localAt);
    if (offsetMs === null || Math.abs(localAt + offsetMs - timestamp) <= CLOCK_SUSPECT_MS) return null;
    return {
      offsetMs,
      pcTime: new Date(localAt).toISOString(),
      ekoTime: new Date(localAt + offsetMs).toISOString(),
    };
  }

  /**
   * Whether signing again would fix a clock-skew refusal: only when the clock now corrects a
   * request to `url` by about the offset Eko's Date showed. A Date from anywhere but Eko's hosts,
   * or beyond the bound, changed nothing, so a new signature would be refused the same way.
   */
  function correctable(url: string, error: RefundDeskError): boolean {
    if (error.kind !== "clock-skew") return false;
    return Math.abs(deps.clock.signingTime(url) - localNow() - error.offsetMs) <= CLOCK_SUSPECT_MS;
  }

  /** A read: retried on the server's or the network's trouble, freshly signed each time. */
  async function get<T>(
    endpoint: EkoEndpoint,
    url: string,
    timeoutMs: number,
    interpret: Interpret<T>,
  ): Promise<Result<T & Answered, RefundDeskError>> {
    let result = await attempt(endpoint, "GET", url, undefined, timeoutMs, interpret);
    for (const delay of GET_RETRY_DELAYS_MS) {
      if (result.ok || !RETRYABLE_GET.has(result.error.kind)) break;
      if (result.error.kind === "clock-skew" && !correctable(url, result.error)) break;
      await sleep(delay);
      result = await attempt(endpoint, "GET", url, undefined, timeoutMs, interpret);
    }
    return result;
  }

  return {
    async getRefundOtp(endpoint, tid, timeoutMs) {
      const url = refundOtpUrl(endpoint.baseUrl, tid);
      const post = () =>
        attempt(
          endpoint,
          "POST",
          url,
          JSON.stringify({ initiator_id: endpoint.initiatorId }),
          timeoutMs,
          interpretRefundOtpReply,
        );
      const first = await post();
      // A 403 means Eko refused before acting (no SMS went out), so one re-signed retry with the
      // corrected clock is safe; anything else is never retried, as this POST sends an SMS.
      if (!first.ok && correctable(url, first.error)) return post();
      return first;
    },

    inquireTransaction: (endpoint, tid, timeoutMs) =>
      get(endpoint, transactionInquiryUrl(endpoint, tid), timeoutMs, interpretTransactionReply),

    async pendingRefunds(endpoint, mobile, timeoutMs) {
      const answer = await get(endpoint, pendingRefundsUrl(endpoint, mobile), timeoutMs, interpretPendingReply);
      return answer.ok ? answer : err(withoutSecret(answer.error, mobile));
    },

    async initiateRefund(endpoint, request, timeoutMs) {
      const body = initiateRefundBody(endpoint, request.otp, request.otpRefId);
      const interpret: Interpret<RefundReply> = (status, type, text, suspect) =>
        interpretRefundReply(status, type, text, suspect, request.tid);
      const url = initiateRefundUrl(endpoint.baseUrl, request.tid);
      const answer = await attempt(endpoint, "POST", url, body, timeoutMs, interpret);
      return answer.ok ? answer : err(withoutSecret(answer.error, request.otp));
    },

    async probe(baseUrl, timeoutMs) {
      const sent = await send(baseUrl, { method: "GET" }, timeoutMs);
      return sent.ok
        ? ok({ httpStatus: sent.value.status, dateOffsetMs: dateOffsetMs(sent.value.date, sent.value.localAt) })
        : sent;
    },
  };
}
