import type { RefundDeskError } from "./errors";
import { err, ok, type Result } from "./result";

/** PKCS#11 tokens take user PINs of 4 to 64 characters (YubiHSM 2's are 12+, network HSMs' longer). */
const TOKEN_PIN_MIN_LENGTH = 4;
export const TOKEN_PIN_MAX_LENGTH = 64;

/**
 * The token's user PIN as it will be stored, from what was typed or piped: the line's end and
 * surrounding whitespace are not part of it; control characters never are.
 */
export function tokenPinFrom(input: string): Result<string, RefundDeskError> {
  const pin = input.trim();
  if (pin === "") return err({ kind: "invalid-input", field: "tokenPin", reason: "empty" });
  if (pin.length < TOKEN_PIN_MIN_LENGTH || pin.length > TOKEN_PIN_MAX_LENGTH)
    return err({ kind: "invalid-input", field: "tokenPin", reason: "length" });
  if (/\p{Cc}/u.test(pin)) return err({ kind: "invalid-input", field: "tokenPin", reason: "bad-characters" });
  return ok(pin);
}
