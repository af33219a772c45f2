/** A reply larger than this is not an Eko envelope; stop reading rather than fill memory. */
export const MAX_REPLY_BYTES = 256 * 1024;

/** Reads a response body as UTF-8, or returns null once it grows past `maxBytes`. */
export async function readCapped(response: Response, maxBytes = MAX_REPLY_BYTES): Promise<string | null> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
