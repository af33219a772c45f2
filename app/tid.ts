import { err, ok, type Result } from "./result";
import type { RefundDeskError } from "./errors";

/** Eko transaction ids are decimal digits; the bound keeps a pasted blob out of a URL path. */
export const TID_MAX_DIGITS = 20;
const TID_PATTERN = new RegExp(`^[0-9]{1,${TID_MAX_DIGITS}}$`);
const INITIATOR_PATTERN = /^[0-9]{10}$/;

/**
 * Accepts ASCII digits only (no unicode digits, signs, spaces or separators). Leading and
 * trailing whitespace from a paste is trimmed; anything inside is refused.
 */
export function parseTid(input: unknown): Result<string, RefundDeskError> {
  if (typeof input !== "string") return err({ kind: "invalid-input", field: "tid", reason: "not-text" });
  const tid = input.trim();
  if (tid.length === 0) return err({ kind: "invalid-input", field: "tid", reason: "empty" });
  if (tid.length > TID_MAX_DIGITS) return err({ kind: "invalid-input", field: "tid", reason: "too-long" });
  if (!TID_PATTERN.test(tid)) return err({ kind: "invalid-input", field: "tid", reason: "not-digits" });
  return ok(tid);
}

/** The initiator id is the API user's registered 10-digit mobile number. */
export function parseInitiatorId(input: unknown): Result<string, RefundDeskError> {
  if (typeof input !== "string") return err({ kind: "invalid-input", field: "initiatorId", reason: "not-text" });
  const id = input.trim();
  if (!INITIATOR_PATTERN.test(id)) return err({ kind: "invalid-input", field: "initiatorId", reason: "not-10-digits" });
  return ok(id);
}
