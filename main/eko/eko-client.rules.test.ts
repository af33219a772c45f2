/**
 * The Eko client's rules with a scripted fetch and a hand-set clock: what each request carries,
 * the timestamps it signs, when a 403 is blamed on the clock, which answers a read retries, the
 * one re-signed Get Refund OTP, the OTP masked out of Eko's words, and the probe. The cases pin
 * the edges exactly.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dateOffsetMs, type Clock } from "../time/clock";
import { signTimestamp } from "./signing";
import { createEkoClient, type RefundEndpoint } from "./eko-client";
import { keySigner } from "./signer";
import { TEST_SECRETS } from "../test-support/test-secrets";

const endpoint: RefundEndpoint = {
  baseUrl: "https://eko.example/ekoapi/v3",
  developerKey: "dev-key",
  signer: keySigner("access-key"),
  initiatorId: "9000000001",
  userCode: "20810200",
};

interface Reply {
  status?: number;
  body?: string | Uint8Array;
  type?: string | null;
  date?: string;
  /** Throw this instead of answering. */
  error?: Error;
}

/**
 * A hand-set clock: `now` (the time it signs with) and `offset` are changed by the test; what it
 * observed is kept. With `learns`, a Date it observes sets `now` to the time that Date gives, as
 * the real clock does for a Date from Eko's hosts within its bound.
 */
function handClock(now: number, offset: number | null = null, learns = false) {
  const state = { now, offset, observed: [] as Array<[string | null, number]> };
  const clock: Clock = {
    now: () => state.now,
    offsetMs: () => state.offset,
    signingTime: () => state.now,
    observe: (_url, date, localMs) => {
      state.observed.push([date, localMs]);
      const learned = dateOffsetMs(date, localMs);
      if (learns && learned !== null) state.now = localMs + learned;
    },
  };
  return { clock, state };
}

/** A client whose fetch answers from `replies` in turn and records each request. */
function scripted(
  replies: Reply[],
  options: { now?: number; offset?: number | null; local?: number; learns?: boolean } = {},
) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const slept: number[] = [];
  const { clock, state } = handClock(options.now ?? 1_700_000_000_000, options.offset ?? null, options.learns);
  const local = { now: options.local ?? 1_700_000_000_000 };
  const fetchStub: typeof fetch = async (input, init) => {
    requests.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
    const reply = replies.shift() ?? { status: 599, body: "script ran out" };
    if (reply.error !== undefined) throw reply.error;
    const headers = new Headers();
    if (reply.type !== null) headers.set("content-type", reply.type ?? "application/json");
    if (reply.date) headers.set("date", reply.date);
    const body = typeof reply.body === "string" ? new TextEncoder().encode(reply.body) : reply.body;
    return new Response(body ?? null, { status: reply.status ?? 200, headers });
  };
  const client = createEkoClient({
    fetch: fetchStub,
    clock,
    localNow: () => local.now,
    sleep: async (ms) => void slept.push(ms),
  });
  return { client, requests, slept, clock: state, local };
}

const json = (value: unknown) => JSON.stringify(value);
const INQUIRY = json({ status: 0, data: { tx_status: 3, amount: "10" } });
const OTP_SENT = json({ status: 0, data: { otp_ref_id: "ref-1" } });
const refundRequest = { tid: "13192443", otp: TEST_SECRETS.otps.echoedByEko, otpRefId: "ref-1" };
const kindOf = (result: { ok: boolean; error?: { kind: string } }) => (result.ok ? "ok" : result.error?.kind);

/** A Date header a minute ahead of the scripts' local time (1_700_000_000_000), and a 403 carrying it. */
const MINUTE_AHEAD = new Date(1_700_000_000_000 + 60_000).toUTCString();
const SKEWED: Reply = { status: 403, body: "{}", date: MINUTE_AHEAD };
const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

test("a read: a signed GET with no body, no redirects followed, and a signal to cut it off", async () => {
  const { client, requests } = scripted([{ body: INQUIRY }], { now: 1_700_000_000_123 });
  assert.equal(kindOf(await client.inquireTransaction(endpoint, "131/92", 5_000)), "ok");
  const [request] = requests;
  assert.ok(request);
  assert.equal(
    request.url,
    "https://eko.example/ekoapi/v3/tools/reference/transaction/131%2F92?initiator_id=9000000001&user_code=20810200",
  );
  assert.equal(request.init.method, "GET");
  assert.equal(request.init.redirect, "error");
  assert.ok(request.init.signal instanceof AbortSignal);
  assert.equal("body" in request.init, false);
  assert.deepEqual(request.init.headers, {
    developer_key: "dev-key",
    "secret-key": signTimestamp("access-key", "1700000000123"),
    "secret-key-timestamp": "1700000000123",
    "content-type": "application/json",
  });
});

test("the POSTs: Get Refund OTP with the initiator, Initiate Refund with its body, no trailing slashes", async () => {
  const { client, requests } = scripted([{ body: OTP_SENT }, { body: json({ status: 0, data: {} }) }]);
  const slashed = { ...endpoint, baseUrl: "https://eko.example/ekoapi/v3//" };
  assert.equal(kindOf(await client.getRefundOtp(slashed, "13 19", 5_000)), "ok");
  assert.equal(kindOf(await client.initiateRefund(slashed, { ...refundRequest, tid: "13 19" }, 5_000)), "ok");
  assert.deepEqual(
    requests.map((r) => [r.init.method, r.url, r.init.body, r.init.redirect]),
    [
      [
        "POST",
        "https://eko.example/ekoapi/v3/customer/payment/refund/13%2019/otp",
        '{"initiator_id":"9000000001"}',
        "error",
      ],
      [
        "POST",
        "https://eko.example/ekoapi/v3/customer/payment/refund/13%2019",
        `{"initiator_id":"9000000001","user_code":"20810200","otp":${TEST_SECRETS.otps.echoedByEko},` +
          '"otp_ref_id":"ref-1","service_code":80,"state":1}',
        "error",
      ],
    ],
  );
});

test("timestamps only go forward: the same or a slightly earlier clock signs one ms after the last", async () => {
  const replies = Array.from({ length: 6 }, () => ({ body: OTP_SENT }));
  const { client, requests, clock } = scripted(replies, { now: 1_000_000 });
  const send = () => client.getRefundOtp(endpoint, "1", 5_000);
  await send(); // 1_000_000
  await send(); // the same clock: 1_000_001
  clock.now = 1_000_001 - 999; // under a second back: still a wobble
  await send(); // 1_000_002
  clock.now = 1_000_002 - 1_000; // a second back: a correction, taken as it is
  await send(); // 999_002
  clock.now = 999_003; // just ahead of the last: as it is
  await send();
  clock.now = 2_000_000;
  await send();
  const stamps = requests.map((r) => headersOf(r.init)["secret-key-timestamp"]);
  assert.deepEqual(stamps, ["1000000", "1000001", "1000002", "999002", "999003", "2000000"]);
  for (const r of requests) {
    const headers = headersOf(r.init);
    assert.equal(headers["secret-key"], signTimestamp("access-key", headers["secret-key-timestamp"] ?? ""));
  }
});

test("a 403 is the clock's only when the signed time was more than 10 s off the reply's Date", async () => {
  // The Date has 1 s resolution and reads as the middle of its second; the reply came 5 s after
  // local time said it did, and the request was signed at the clock's now.
  const date = "Tue, 03 Nov 2026 10:00:00 GMT";
  const eko = Date.parse(date) + 500;
  const local = eko - 5_000;
  const refused = { status: 403, body: json({ status: 403, message: "Forbidden" }), date };
  for (const [skew, expected] of [
    [10_000, "auth-rejected"],
    [10_001, "clock-skew"],
    [-10_000, "auth-rejected"],
    [-10_001, "clock-skew"],
    [0, "auth-rejected"],
  ] as const) {
    const { client } = scripted([refused], { now: eko - skew, local });
    const result = await client.initiateRefund(endpoint, refundRequest, 5_000);
    assert.equal(kindOf(result), expected, String(skew));
    if (!result.ok && result.error.kind === "clock-skew") assert.equal(result.error.offsetMs, 5_000);
  }
  // A reply without a Date says nothing of the clock, however far the machine's time is.
  const { client } = scripted([{ ...refused, date: "" }], { now: eko + 3_600_000, local });
  assert.equal(kindOf(await client.initiateRefund(endpoint, refundRequest, 5_000)), "auth-rejected");
  // The refusal names both times, as read when the answer came.
  const hour = scripted([refused], { now: eko - 3_600_000, local: eko - 3_600_000 });
  const skewed = await hour.client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.deepEqual(!skewed.ok && skewed.error, {
    kind: "clock-skew",
    offsetMs: 3_600_000,
    pcTime: "2026-11-03T09:00:00.500Z",
    ekoTime: "2026-11-03T10:00:00.500Z",
    details: { httpStatus: 403, ekoStatus: 403, ekoMessage: "Forbidden" },
  });
});

test("each answer teaches the clock its Date header at the local time it came; answeredAt is Eko's time", async () => {
  const date = "Tue, 03 Nov 2026 10:00:00 GMT";
  const { client, clock, local } = scripted([{ body: INQUIRY, date }, { body: INQUIRY }], { offset: 7_000 });
  local.now = 1_234_000;
  const first = await client.inquireTransaction(endpoint, "1", 5_000);
  assert.ok(first.ok);
  assert.equal(first.value.answeredAt, 1_241_000);
  clock.offset = null;
  const second = await client.inquireTransaction(endpoint, "1", 5_000);
  assert.ok(second.ok);
  assert.equal(second.value.answeredAt, 1_234_000);
  assert.deepEqual(clock.observed, [
    [date, 1_234_000],
    [null, 1_234_000],
  ]);
});

test("a reply over 256 KiB is bad-response body-too-large, with its HTTP status", async () => {
  const { client } = scripted([{ status: 200, body: new Uint8Array(256 * 1024 + 1).fill(0x20) }]);
  const result = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.deepEqual(!result.ok && result.error, {
    kind: "bad-response",
    details: { httpStatus: 200, cause: "body-too-large" },
  });
});

test("a reply without a content type is not taken for Eko's JSON", async () => {
  const { client } = scripted([{ body: OTP_SENT, type: null }]);
  const result = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.deepEqual(!result.ok && result.error, {
    kind: "bad-response",
    details: { httpStatus: 200, ekoStatus: 0, cause: "content-type" },
  });
});

test("the timeout aborts a request that hangs and is reported with the time waited", async () => {
  let signal: AbortSignal | undefined;
  const hanging: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      signal = init?.signal ?? undefined;
      signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  const client = createEkoClient({ fetch: hanging, clock: handClock(1).clock, sleep: async () => undefined });
  const result = await client.initiateRefund(endpoint, refundRequest, 20);
  assert.deepEqual(!result.ok && result.error, { kind: "timeout", afterMs: 20, details: { cause: "timeout" } });
  assert.equal(signal?.aborted, true);
});

test("an answered request is never aborted afterwards by its timer", async () => {
  const { client, requests } = scripted([{ body: OTP_SENT }]);
  assert.equal(kindOf(await client.getRefundOtp(endpoint, "1", 20)), "ok");
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(requests[0]?.init.signal?.aborted, false);
});

test("a read is retried after 300 ms and 1 s for the server's, the network's and the clock's trouble", async () => {
  const retried: Array<[string, Reply]> = [
    ["server", { status: 503, body: "<html>down</html>", type: "text/html" }],
    ["rate-limited", { status: 429, body: "" }],
    ["offline", { error: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }) }],
    ["timeout", { error: Object.assign(new TypeError("fetch failed"), { cause: { code: "ETIMEDOUT" } }) }],
  ];
  for (const [kind, reply] of retried) {
    const { client, requests, slept } = scripted([reply, reply, reply]);
    assert.equal(kindOf(await client.inquireTransaction(endpoint, "1", 5_000)), kind);
    assert.equal(requests.length, 3, kind);
    assert.deepEqual(slept, [300, 1_000], kind);
  }
  // A 403 blamed on the clock is signed again with the corrected clock; refused again with the
  // clock right, it is the keys.
  const skew = scripted([SKEWED, SKEWED, SKEWED], { learns: true });
  assert.equal(
    kindOf(await skew.client.pendingRefunds(endpoint, TEST_SECRETS.customerMobiles.withPending, 5_000)),
    "auth-rejected",
  );
  assert.equal(skew.requests.length, 2);
  assert.deepEqual(skew.slept, [300]);
  // A clock that did not take the Date (not Eko's host, beyond the bound) would sign the same way: no retry.
  const stuck = scripted([SKEWED, SKEWED, SKEWED]);
  assert.equal(
    kindOf(await stuck.client.pendingRefunds(endpoint, TEST_SECRETS.customerMobiles.withPending, 5_000)),
    "clock-skew",
  );
  assert.equal(stuck.requests.length, 1);
  assert.deepEqual(stuck.slept, []);
});

test("a read stops retrying at the first answer, and never retries a refusal", async () => {
  const down = { status: 503, body: "<html>down</html>", type: "text/html" };
  const once = scripted([down, { body: INQUIRY }]);
  assert.equal(kindOf(await once.client.inquireTransaction(endpoint, "1", 5_000)), "ok");
  assert.equal(once.requests.length, 2);
  assert.deepEqual(once.slept, [300]);
  const refusals: Array<[string, Reply]> = [
    ["auth-rejected", { status: 403, body: "{}" }],
    ["wrong-url", { status: 404, body: "" }],
    ["content-type-refused", { status: 415, body: "" }],
    ["bad-response", { status: 200, body: "<html>login</html>", type: "text/html" }],
    ["unknown-tid", { body: json({ status: 168, message: "No such tid" }) }],
    ["eko", { body: json({ status: 945, message: "Monthly limit exhausted" }) }],
    ["tls", { error: Object.assign(new TypeError("fetch failed"), { cause: { code: "CERT_HAS_EXPIRED" } }) }],
  ];
  for (const [kind, reply] of refusals) {
    const { client, requests, slept } = scripted([reply, reply, reply]);
    assert.equal(kindOf(await client.inquireTransaction(endpoint, "1", 5_000)), kind);
    assert.equal(requests.length, 1, kind);
    assert.deepEqual(slept, [], kind);
  }
});

test("Get Refund OTP is re-signed once after a clock-skew 403 the clock learned from, and only then", async () => {
  const twice = scripted([SKEWED, SKEWED, SKEWED], { learns: true });
  assert.equal(kindOf(await twice.client.getRefundOtp(endpoint, "1", 5_000)), "auth-rejected");
  assert.equal(twice.requests.length, 2);
  const [first, second] = twice.requests.map((r) => Number(headersOf(r.init)["secret-key-timestamp"]));
  assert.equal((second ?? 0) - (first ?? 0), 60_500, "the second is signed on the Date's time");
  const untaught = scripted([SKEWED, SKEWED]);
  assert.equal(kindOf(await untaught.client.getRefundOtp(endpoint, "1", 5_000)), "clock-skew");
  assert.equal(untaught.requests.length, 1, "a signature on the same clock would be refused the same way");
  const fixed = scripted([SKEWED, { body: OTP_SENT }], { learns: true });
  const result = await fixed.client.getRefundOtp(endpoint, "1", 5_000);
  assert.ok(result.ok && result.value.otpRefId === "ref-1");
  assert.equal(fixed.requests.length, 2);
  for (const reply of [
    { status: 403, body: "{}" },
    { status: 503, body: "" },
    { status: 429, body: "" },
  ]) {
    const { client, requests } = scripted([reply, reply]);
    assert.equal((await client.getRefundOtp(endpoint, "1", 5_000)).ok, false);
    assert.equal(requests.length, 1, String(reply.status));
  }
});

test("Initiate Refund is sent once, even after a clock-skew 403", async () => {
  const { client, requests } = scripted([SKEWED, SKEWED], { learns: true });
  assert.equal(kindOf(await client.initiateRefund(endpoint, refundRequest, 5_000)), "clock-skew");
  assert.equal(requests.length, 1);
});

test("Initiate Refund: Eko's words are cleared of the OTP whatever the refusal's kind", async () => {
  const refusal = (message: string, extra: Record<string, unknown> = {}) => ({
    body: json({ status: 1, message, data: {}, ...extra }),
  });
  const { client } = scripted([
    refusal(`otp ${TEST_SECRETS.otps.echoedByEko} invalid, ${TEST_SECRETS.otps.echoedByEko}`, {
      invalid_params: { otp: `${TEST_SECRETS.otps.echoedByEko} is not valid`, tid: "ok" },
    }),
    refusal(`${TEST_SECRETS.otps.echoedByEko}: transaction not refundable`),
  ]);
  const eko = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.deepEqual(!eko.ok && eko.error, {
    kind: "eko",
    code: 1,
    message: "otp •••• invalid, ••••",
    details: {
      httpStatus: 200,
      ekoStatus: 1,
      ekoMessage: "otp •••• invalid, ••••",
      invalidParams: { otp: "•••• is not valid", tid: "ok" },
    },
  });
  const notRefundable = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.deepEqual(!notRefundable.ok && notRefundable.error, {
    kind: "not-refundable",
    details: { httpStatus: 200, ekoStatus: 1, ekoMessage: "••••: transaction not refundable" },
  });
});

test("Initiate Refund tells the refund's own id from an echo of the transaction refunded", async () => {
  const { client } = scripted([
    { body: json({ status: 0, data: { tid: "13192443", amount: "10" } }) },
    { body: json({ status: 0, data: { tid: "2300001", amount: "10" } }) },
  ]);
  const echo = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.ok(echo.ok);
  assert.equal(echo.value.refundTid, null);
  const own = await client.initiateRefund(endpoint, refundRequest, 5_000);
  assert.ok(own.ok);
  assert.equal(own.value.refundTid, "2300001");
});

test("the probe: one unsigned GET; any HTTP answer is reachable, a network failure is not", async () => {
  const { client, requests, clock } = scripted(
    [
      { status: 404, body: "nope", date: "Tue, 03 Nov 2026 10:00:00 GMT" },
      { error: new Error("net::ERR_CERT_INVALID") },
    ],
    { local: 42 },
  );
  assert.deepEqual(await client.probe("https://eko.example/ekoapi/v3", 5_000), {
    ok: true,
    value: { httpStatus: 404, dateOffsetMs: Date.parse("Tue, 03 Nov 2026 10:00:00 GMT") + 500 - 42 },
  });
  assert.deepEqual(requests[0]?.init.method, "GET");
  assert.equal(requests[0]?.url, "https://eko.example/ekoapi/v3");
  assert.equal(requests[0]?.init.headers, undefined);
  assert.deepEqual(clock.observed, [["Tue, 03 Nov 2026 10:00:00 GMT", 42]]);
  assert.deepEqual(await client.probe("https://eko.example/ekoapi/v3", 5_000), {
    ok: false,
    error: { kind: "tls", details: { cause: "ERR_CERT_INVALID" } },
  });
});
