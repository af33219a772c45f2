/**
 * What Eko (or whatever answered) actually said, for support. Never contains a key or an OTP.
 * Its own module: errors and the transaction both carry it, and the error union names a transaction state.
 */
export interface RawDetails {
  httpStatus?: number;
  ekoStatus?: number;
  responseStatusId?: number;
  responseTypeId?: number;
  ekoMessage?: string;
  /** A short machine-readable cause, e.g. "ECONNREFUSED", "html-body", "json-parse". */
  cause?: string;
  /** Eko's `invalid_params` on an input-validation refusal: parameter name → Eko's words. */
  invalidParams?: Record<string, string>;
}
