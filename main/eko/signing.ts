import { createHmac } from "node:crypto";

/**
 * Eko's secret-key: base64(HMAC-SHA256(key = base64(access_key) as an ASCII string,
 * message = timestamp in ms as a decimal string)). The base64 *string* is the HMAC key; decoding
 * it back to bytes gives a different signature and a 403.
 */
export function signTimestamp(accessKey: string, timestampMs: string): string {
  const encodedKey = Buffer.from(accessKey, "utf8").toString("base64");
  return createHmac("sha256", Buffer.from(encodedKey, "ascii")).update(timestampMs, "utf8").digest("base64");
}
