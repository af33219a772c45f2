/** A reply larger than this is not an Eko envelope; stop reading rather than fill memory. */
const MAX_REPLY_BYTES = 256 * 1024;

/** Reads a response body as UTF-8, or returns null once it grows past `maxBytes`. */
export async function readCapped(
  response: Response,
  maxBytes = MAX_REPLY_BYTES,
  signal?: AbortSignal,
): Promise<string | null> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  // Not every fetch ends a body stream that is still arriving when its signal aborts (a slow
  // drip under load was seen to run to the end): cancel the read ourselves.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop);
  try {
    return await readAll(reader, maxBytes, signal);
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

async function readAll(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal?.aborted) throw new Error("aborted while reading the reply");
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
