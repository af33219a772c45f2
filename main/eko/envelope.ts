import type { RawDetails, RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { text } from "./reply-fields";

/** What a well-formed Eko reply told us, before it is judged a success or a failure. */
export interface Envelope {
  status?: number;
  message?: string;
  response_status_id?: number;
  response_type_id?: number;
  data?: unknown;
  /** Eko's input-validation map (parameter → its words), bounded; kept for the details panel. */
  invalid_params?: Record<string, string>;
}

/** A reply that passed the checks every Eko call shares; what it means is up to the call. */
export interface EnvelopeReply {
  httpStatus: number;
  envelope: Envelope;
  details: RawDetails;
}

const MAX_MESSAGE_CHARS = 300;
const MAX_INVALID_PARAMS = 10;

/**
 * The values of Eko's `response_status_id` table (-2 another transaction in progress, -1 and 0
 * success, 1 failure, 2 initiated, 3 refund initiated, 4 refunded, 5 on hold): a status, not a
 * business code. Any other value in that field is a code (Eko's samples: 302, 303, 347).
 */
const STATUS_ID_TABLE: ReadonlySet<number> = new Set([-2, -1, 0, 1, 2, 3, 4, 5]);

/** Eko's answer to Get Refund OTP: the reference, and the raw fields support may ask for. */
export interface RefundOtpReply {
  otpRefId: string;
  details: RawDetails;
}

/** A 403 whose reply's Date is far from the signature's timestamp: the clock, not the keys, is to blame. */
export interface ClockSuspect {
  /** Eko's time minus this computer's. */
  offsetMs: number;
  pcTime: string;
  ekoTime: string;
}

/**
 * The checks every Eko call shares: the HTTP status, the body's shape and its content type.
 * `clockSuspect` says whether a 403 is better explained by our clock than by our keys.
 */
export function readEnvelope(
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
): Result<EnvelopeReply, RefundDeskError> {
  const parsed = parseEnvelope(body);
  const details: RawDetails = { httpStatus, ...(parsed.ok ? envelopeDetails(parsed.value) : { cause: parsed.error }) };

  if (httpStatus === 403) {
    return clockSuspect
      ? err({ kind: "clock-skew", ...clockSuspect, details })
      : err({ kind: "auth-rejected", details });
  }
  if (httpStatus === 404 || httpStatus === 405) return err({ kind: "wrong-url", details });
  // Eko's reading of 415: the Content-Type sent was wrong. Eko refused before acting.
  if (httpStatus === 415) return err({ kind: "content-type-refused", details });
  if (httpStatus === 429) return err({ kind: "rate-limited", details });
  if (httpStatus >= 500) return err({ kind: "server", details });

  if (!parsed.ok) return err({ kind: httpStatus === 200 ? "bad-response" : "server", details });
  // Eko answers JSON as application/json; anything else came from something in between (a proxy,
  // a captive portal) even when it happens to parse.
  if (httpStatus === 200 && !/^application\/(.+\+)?json\b/i.test(contentType.trim())) {
    return err({ kind: "bad-response", details: { ...details, cause: "content-type" } });
  }
  return ok({ httpStatus, envelope: parsed.value, details });
}

/**
 * Get Refund OTP: HTTP 200 with a non-empty `data.otp_ref_id` is success; every other combination
 * is a specific error.
 */
export function interpretRefundOtpReply(
  httpStatus: number,
  contentType: string,
  body: string,
  clockSuspect: ClockSuspect | null,
): Result<RefundOtpReply, RefundDeskError> {
  const read = readEnvelope(httpStatus, contentType, body, clockSuspect);
  if (!read.ok) return read;
  const { envelope, details } = read.value;
  const ref = otpRefId(envelope.data);
  if (httpStatus === 200 && ref) return ok({ otpRefId: ref, details });
  return err(failure(read.value) ?? { kind: "otp-not-sent", details });
}

/**
 * The envelope's verdict: `status` when Eko sent one; without it, `response_status_id` (-1 and 0
 * are success, as Eko's table says). Undefined when the reply has neither.
 */
export function envelopeStatus(envelope: Envelope): number | undefined {
  if (envelope.status !== undefined) return envelope.status;
  const id = envelope.response_status_id;
  return id === -1 ? 0 : id;
}

/**
 * The business code of a refusal, read both ways Eko writes it: a specific code in `status`
 * first; with `status` 1 (plain failure) or none, a code in `response_status_id` (Eko's refusal
 * samples: `{"status":1,"response_status_id":302}`); else `status` as it is.
 */
export function businessCode(envelope: Envelope): number {
  const { status, response_status_id: id } = envelope;
  if (status !== undefined && status !== 0 && status !== 1) return status;
  if (id !== undefined && !STATUS_ID_TABLE.has(id)) return id;
  return status ?? id ?? -1;
}

/**
 * A non-zero status is a business error, whatever the HTTP status; any other answer that is not
 * HTTP 200 is the server's. Null: HTTP 200 with status 0 (or none), for the call to judge.
 */
export function failure({ httpStatus, envelope, details }: EnvelopeReply): RefundDeskError | null {
  const status = envelopeStatus(envelope);
  if (status !== undefined && status !== 0) return businessError(envelope, details);
  if (httpStatus !== 200) return { kind: "server", details };
  return null;
}

export function businessError(envelope: Envelope, details: RawDetails): RefundDeskError {
  const message = envelope.message ?? "";
  const code = businessCode(envelope);
  if (code === 168) return { kind: "unknown-tid", details };
  // Eko words these refusals without a dedicated code (its QR refund samples: status 1,
  // response_status_id -1); match the wording.
  if (/already\s+(been\s+)?refunded|already in refunded/i.test(message)) return { kind: "already-refunded", details };
  if (/not in a refundable state|not refundable/i.test(message)) return { kind: "not-refundable", details };
  if (/no mapping rule matched/i.test(message)) return { kind: "wrong-url", details };
  if (/production key/i.test(message)) return { kind: "auth-rejected", details };
  return { kind: "eko", code, message, details };
}

function parseEnvelope(body: string): Result<Envelope, string> {
  const text = body.trim();
  if (text === "") return err("empty-body");
  if (text.startsWith("<")) return err("html-body");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err("json-parse");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return err("not-an-object");
  const raw = value as Record<string, unknown>;
  return ok({
    status: toNumber(raw.status),
    message: typeof raw.message === "string" ? raw.message.slice(0, MAX_MESSAGE_CHARS) : undefined,
    response_status_id: toNumber(raw.response_status_id),
    response_type_id: toNumber(raw.response_type_id),
    data: raw.data,
    ...invalidParams(raw.invalid_params),
  });
}

function envelopeDetails(envelope: Envelope): RawDetails {
  const details: RawDetails = {};
  if (envelope.status !== undefined) details.ekoStatus = envelope.status;
  if (envelope.response_status_id !== undefined) details.responseStatusId = envelope.response_status_id;
  if (envelope.response_type_id !== undefined) details.responseTypeId = envelope.response_type_id;
  if (envelope.message !== undefined) details.ekoMessage = envelope.message;
  if (envelope.invalid_params !== undefined) details.invalidParams = envelope.invalid_params;
  return details;
}

/** Eko's `invalid_params` object, bounded; words as text (control characters dropped), anything else dropped. */
function invalidParams(value: unknown): { invalid_params?: Record<string, string> } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const kept: Record<string, string> = {};
  for (const [name, words] of Object.entries(value).slice(0, MAX_INVALID_PARAMS)) {
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(name)) continue;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string assigned to __proto__ on a plain object is dropped anyway; the check says so on purpose
    if (name === "__proto__") continue;
    const clean = text(words);
    if (clean !== null) kept[name] = clean;
  }
  return Object.keys(kept).length > 0 ? { invalid_params: kept } : {};
}

function otpRefId(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>).otp_ref_id;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const ref = value.trim().slice(0, 128);
  // Stryker disable next-line ConditionalExpression,StringLiteral: a blank reference as "" is no reference to the caller either way (otp-not-sent)
  return ref === "" ? null : ref;
}

/** Eko sends numbers, sometimes as strings ("0"). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}
