/**
 * The token's worker as main uses it, over the stand-in library in a real worker thread: a slow
 * token leaves main's event loop free, requests are answered one at a time in order, and a token
 * that never answers is a timeout.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { createTokenClient } from "./token-client";
import { ekoKeyBytes } from "./pkcs11-session";
import { TEST_SECRETS } from "../test-support/test-secrets";
import type { StubBehaviour } from "../test-support/stub-pkcs11";
import { EKO_BASE_URLS } from "../../app/settings";

const workerFile = join(__dirname, "..", "test-support", "stub-pkcs11-worker.ts");
const KEY = TEST_SECRETS.accessKeys.token;
const config = { module: "/stub/libstub.so", token: "stub", key: "eko-access-key", baseUrl: EKO_BASE_URLS.uat };
const behaviour = (more: StubBehaviour): StubBehaviour => ({
  pin: TEST_SECRETS.tokenPins.user,
  keyBytes: [...ekoKeyBytes(KEY)],
  ...more,
});
const sign = (timestampMs: string) => ({ op: "sign", config, pin: TEST_SECRETS.tokenPins.user, timestampMs }) as const;
const expected = (timestampMs: string) => createHmac("sha256", ekoKeyBytes(KEY)).update(timestampMs).digest("base64");

test("a token that takes 200 ms to sign does not hold main's event loop: its timers keep running", async () => {
  const client = createTokenClient({ workerFile, workerData: behaviour({ signBlocksMs: 200 }) });
  try {
    await client.ask(sign("1")); // the worker started and logged in
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const signed = await client.ask(sign("1516705204593"));
    clearInterval(ticker);
    assert.deepEqual(signed, { ok: true, value: expected("1516705204593") });
    // Blocked, main would see at most one late tick; free, about twenty.
    assert.ok(ticks >= 5, `only ${ticks} ticks of 10 ms while the token signed for 200 ms`);
  } finally {
    await client.close();
  }
});

test("requests asked together wait their turn: each answered in order, its time counted from its turn", async () => {
  // After a warm-up, each sign takes 600 ms: three asked at once take 1.8 s, yet none is past 1.5 s.
  const client = createTokenClient({
    workerFile,
    workerData: behaviour({ signBlocksMs: 600, signBlocksAfter: 1 }),
    timeoutMs: 1_500,
  });
  try {
    assert.ok((await client.ask(sign("1"))).ok, "the worker started and logged in");
    const order: string[] = [];
    const stamps = ["1700000000001", "1700000000002", "1700000000003"];
    const answers = await Promise.all(
      stamps.map(async (stamp) => {
        const answer = await client.ask(sign(stamp));
        order.push(stamp);
        return answer;
      }),
    );
    assert.deepEqual(
      answers,
      stamps.map((stamp) => ({ ok: true, value: expected(stamp) })),
    );
    assert.deepEqual(order, stamps);
  } finally {
    await client.close();
  }
});

test("a token that does not answer in time is token-timeout, and nothing waits on it afterwards", async () => {
  const client = createTokenClient({ workerFile, workerData: behaviour({ signBlocksMs: 3_000 }), timeoutMs: 100 });
  const answer = await client.ask(sign("1516705204593"));
  assert.deepEqual(answer, {
    ok: false,
    error: { kind: "token-timeout", afterMs: 100, details: { cause: "no-answer" } },
  });
  await client.close();
});
