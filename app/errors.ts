/**
 * The error union. Each member is a situation an agent (or support) can act on; the UI maps
 * each `kind` to words in app/messages. Raw details are kept for the "details for support" view.
 */

/** What Eko (or whatever answered) actually said, for support. Never contains a key or an OTP. */
export interface RawDetails {
  httpStatus?: number;
  ekoStatus?: number;
  responseStatusId?: number;
  responseTypeId?: number;
  ekoMessage?: string;
  /** A short machine-readable cause, e.g. "ECONNREFUSED", "html-body", "json-parse". */
  cause?: string;
}

export type SettingName = "environment" | "baseUrl" | "developerKey" | "initiatorId" | "timeoutMs" | "resendCooldownMs" | "accessKey";

export type RefundDeskError =
  | { kind: "invalid-input"; field: string; reason: string }
  | { kind: "not-configured"; missing: SettingName[] }
  | { kind: "keychain-unavailable"; details: RawDetails }
  | { kind: "auth-rejected"; details: RawDetails }
  | { kind: "clock-skew"; offsetMs: number; details: RawDetails }
  | { kind: "offline"; details: RawDetails }
  | { kind: "timeout"; afterMs: number; details: RawDetails }
  | { kind: "tls"; details: RawDetails }
  | { kind: "wrong-url"; details: RawDetails }
  | { kind: "rate-limited"; details: RawDetails }
  | { kind: "server"; details: RawDetails }
  | { kind: "bad-response"; details: RawDetails }
  | { kind: "unknown-tid"; details: RawDetails }
  | { kind: "already-refunded"; details: RawDetails }
  | { kind: "not-refundable"; details: RawDetails }
  | { kind: "eko"; code: number; message: string; details: RawDetails }
  | { kind: "otp-not-sent"; details: RawDetails }
  | { kind: "busy"; tid: string }
  /** An OTP went to this customer moments ago; resending now would only flood their phone. */
  | { kind: "cooldown"; tid: string; retryAfterMs: number }
  | { kind: "internal"; details: RawDetails };

export type ErrorKind = RefundDeskError["kind"];

export const ERROR_KINDS: readonly ErrorKind[] = [
  "invalid-input",
  "not-configured",
  "keychain-unavailable",
  "auth-rejected",
  "clock-skew",
  "offline",
  "timeout",
  "tls",
  "wrong-url",
  "rate-limited",
  "server",
  "bad-response",
  "unknown-tid",
  "already-refunded",
  "not-refundable",
  "eko",
  "otp-not-sent",
  "busy",
  "cooldown",
  "internal",
];

/** Details of an error for the support view, whatever its kind. */
export function detailsOf(error: RefundDeskError): RawDetails {
  return "details" in error ? error.details : {};
}
