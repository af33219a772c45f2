import type { RefundDeskError } from "./errors";
import { err, ok, type Result } from "./result";

/** Far longer than any Eko access key; the bound keeps a pasted file out of the keychain. */
export const ACCESS_KEY_MAX_LENGTH = 512;

/**
 * The access key as it will be stored, from what was typed, pasted or read from a file: the
 * surrounding whitespace of a paste and a text file's byte-order mark are never part of a key.
 */
export function accessKeyFrom(input: string): Result<string, RefundDeskError> {
  // trim() drops a byte-order mark too: U+FEFF is whitespace to JavaScript.
  const key = input.trim();
  if (key === "") return err({ kind: "invalid-input", field: "accessKey", reason: "empty" });
  if (key.length > ACCESS_KEY_MAX_LENGTH) return err({ kind: "invalid-input", field: "accessKey", reason: "too-long" });
  return ok(key);
}
