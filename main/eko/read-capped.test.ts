/**
 * Reading a reply body: whole and as UTF-8 up to the cap, null one byte past it, and the stream
 * stopped (not drained) when the reply is too large or the request is aborted.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { readCapped } from "./read-capped";

/** A response whose body arrives as the given chunks; `cancelled` records the stream being stopped. */
function chunked(chunks: Uint8Array[], endless = false) {
  const state = { cancelled: 0, pulled: 0 };
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else if (endless) controller.enqueue(new Uint8Array(1024));
      else controller.close();
    },
    cancel() {
      state.cancelled++;
    },
  });
  return { response: new Response(body), state };
}

const bytes = (length: number, fill = 0x61) => new Uint8Array(length).fill(fill);

test("no body at all reads as an empty string", async () => {
  assert.equal(await readCapped(new Response(null)), "");
  assert.equal(await readCapped(new Response(null, { status: 204 })), "");
});

test("a body of exactly the cap is read whole; one byte more is null", async () => {
  assert.equal(await readCapped(chunked([bytes(6), bytes(4)]).response, 10), "a".repeat(10));
  const over = chunked([bytes(6), bytes(5)]);
  assert.equal(await readCapped(over.response, 10), null);
  assert.equal(over.state.cancelled, 1);
});

test("the default cap is 256 KiB", async () => {
  const kib = 1024;
  assert.equal((await readCapped(new Response(bytes(256 * kib))))?.length, 256 * kib);
  assert.equal(await readCapped(new Response(bytes(256 * kib + 1))), null);
});

test("an endless reply is stopped at the cap, not drained", async () => {
  const endless = chunked([], true);
  assert.equal(await readCapped(endless.response, 4 * 1024), null);
  assert.equal(endless.state.cancelled, 1);
  assert.ok(endless.state.pulled <= 8, String(endless.state.pulled));
});

test("UTF-8 split across chunks is joined before decoding", async () => {
  const rupee = new TextEncoder().encode('{"message":"₹ नमस्ते"}');
  const parts = [rupee.slice(0, 13), rupee.slice(13, 14), rupee.slice(14)];
  assert.equal(await readCapped(chunked(parts).response), '{"message":"₹ नमस्ते"}');
});

test("an abort while the body is arriving stops the stream and fails the read", async () => {
  const controller = new AbortController();
  let release: () => void = () => undefined;
  const state = { cancelled: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      if (sent++ === 0) return stream.enqueue(bytes(3));
      // The second chunk never comes on its own: the abort must end the wait.
      await new Promise<void>((resolve) => (release = resolve));
    },
    cancel() {
      state.cancelled++;
      release();
    },
  });
  const reading = readCapped(new Response(body), 100, controller.signal);
  await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
  await assert.rejects(reading, /aborted while reading the reply/);
  assert.equal(state.cancelled, 1);
});

test("a signal aborted once the whole body is in changes nothing", async () => {
  const controller = new AbortController();
  const { response, state } = chunked([bytes(2)]);
  assert.equal(await readCapped(response, 100, controller.signal), "aa");
  controller.abort();
  assert.equal(state.cancelled, 0);
});

test("a read leaves no listener behind on the caller's signal, however it ends", async () => {
  // A caller may pass one long-lived signal (e.g. the app's shutdown) to many reads.
  const signal = new AbortController().signal;
  assert.equal(await readCapped(chunked([bytes(2)]).response, 100, signal), "aa");
  assert.equal(await readCapped(chunked([bytes(6)]).response, 5, signal), null);
  const broken = new ReadableStream<Uint8Array>({
    pull: (stream) => stream.error(new Error("connection reset")),
  });
  await assert.rejects(readCapped(new Response(broken), 100, signal), /connection reset/);
  assert.equal(getEventListeners(signal, "abort").length, 0);
});
