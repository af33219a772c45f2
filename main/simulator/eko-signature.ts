import { createHmac } from "node:crypto";

/**
 * The simulator's own reading of Eko's signing recipe, written apart from the app's signer so a
 * slip in one is caught by the other: the access key's UTF-8 bytes in base64, that base64 text as
 * the HMAC-SHA256 key, the millisecond timestamp as the message, the digest in base64.
 */
export function expectedSecretKey(accessKey: string, timestampMs: string): string {
  const keyText = Buffer.from(new TextEncoder().encode(accessKey)).toString("base64");
  const mac = createHmac("sha256", keyText);
  mac.update(Buffer.from(timestampMs, "ascii"));
  return mac.digest().toString("base64");
}
