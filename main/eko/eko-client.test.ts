import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "../time/clock";
import { signTimestamp } from "./signing";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { closedPort } from "../test-support/closed-port";
import { startSelfSignedServer } from "../test-support/tls-server";
import { createEkoClient, type EkoEndpoint } from "./eko-client";
import { detailsOf } from "../../app/errors";

let sim: Simulator;
let endpoint: EkoEndpoint;
const client = () => createEkoClient({ fetch, clock: createClock() });

before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0 });
  endpoint = { ...PRACTICE_CREDENTIALS, baseUrl: sim.baseUrl };
});
after(() => sim.close());

describe("Get Refund OTP against the simulator", () => {
  test("success: HTTP 200 with a non-empty otp_ref_id", async () => {
    const result = await client().getRefundOtp(endpoint, "13192443", 5_000);
    assert.ok(result.ok, JSON.stringify(result));
    assert.match(result.value.otpRefId, /^[0-9a-f-]{36}$/);
    assert.equal(result.value.details.httpStatus, 200);
    // The simulator answers this tid as Eko's Get Refund OTP sample does: status 2133, response_status_id 1.
    assert.equal(result.value.details.ekoStatus, 2133);
    assert.equal(result.value.details.responseStatusId, 1);
  });

  test("sends exactly the documented path, headers and body, with a valid signature", async () => {
    const before = sim.requests.length;
    await client().getRefundOtp(endpoint, "13192443", 5_000);
    const seen = sim.requests[before];
    assert.ok(seen);
    assert.equal(seen.method, "POST");
    assert.equal(seen.path, "/ekoapi/v3/customer/payment/refund/13192443/otp");
    assert.equal(seen.headers["content-type"], "application/json");
    assert.equal(seen.headers["developer_key"], PRACTICE_CREDENTIALS.developerKey);
    const timestamp = seen.headers["secret-key-timestamp"] ?? "";
    assert.match(timestamp, /^\d{13}$/);
    assert.ok(Math.abs(Number(timestamp) - Date.now()) < 5_000);
    assert.equal(seen.headers["secret-key"], signTimestamp(PRACTICE_CREDENTIALS.accessKey, timestamp));
    assert.deepEqual(JSON.parse(seen.body), { initiator_id: PRACTICE_CREDENTIALS.initiatorId });
    assert.equal(seen.outcome, "accepted");
  });

  test("each request carries a fresh timestamp", async () => {
    const start = sim.requests.length;
    await client().getRefundOtp(endpoint, "13192443", 5_000);
    await new Promise((r) => setTimeout(r, 5));
    await client().getRefundOtp(endpoint, "13192443", 5_000);
    const [a, b] = sim.requests.slice(start);
    assert.notEqual(a?.headers["secret-key-timestamp"], b?.headers["secret-key-timestamp"]);
  });

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ["unknown tid (168)", "13192445", { kind: "unknown-tid" }],
    ["already refunded", "13192444", { kind: "already-refunded" }],
    ["not refundable", "900346", { kind: "not-refundable" }],
    ["Eko business error with its code", "13192446", { kind: "eko", code: 945, message: "Monthly limit exhausted" }],
    ["invalid initiator (319)", "900319", { kind: "eko", code: 319 }],
    ["HTTP 403", "900403", { kind: "auth-rejected" }],
    ["HTTP 404", "900404", { kind: "wrong-url" }],
    ["HTTP 405", "900405", { kind: "wrong-url" }],
    ["HTTP 415", "900415", { kind: "content-type-refused" }],
    ["HTTP 429", "900429", { kind: "rate-limited" }],
    ["HTTP 500 with HTML", "900500", { kind: "server" }],
    ["HTTP 502", "900502", { kind: "server" }],
    ["HTTP 503", "900503", { kind: "server" }],
    ["HTTP 200 with an HTML body", "900200", { kind: "bad-response" }],
    ["truncated JSON", "900201", { kind: "bad-response" }],
    ["malformed JSON", "900202", { kind: "bad-response" }],
    ["a JSON array", "900203", { kind: "bad-response" }],
    ["empty otp_ref_id", "900204", { kind: "otp-not-sent" }],
    ["a 10 MB body", "900205", { kind: "bad-response" }],
    ["connection reset mid-body", "900901", { kind: "offline" }],
    ["a JSON success with a wrong content-type", "900206", { kind: "bad-response" }],
  ];
  for (const [name, tid, expected] of cases) {
    test(`${name} → ${String(expected.kind)}`, async () => {
      const result = await client().getRefundOtp(endpoint, tid, 5_000);
      assert.equal(result.ok, false, JSON.stringify(result));
      if (result.ok) return;
      for (const [key, value] of Object.entries(expected))
        assert.equal((result.error as unknown as Record<string, unknown>)[key], value, key);
      // The client stays usable: the next request after the fault goes through.
      assert.ok((await client().getRefundOtp(endpoint, "13192443", 5_000)).ok);
    });
  }

  test("raw details keep HTTP status and Eko's fields for support", async () => {
    const result = await client().getRefundOtp(endpoint, "13192446", 5_000);
    assert.ok(!result.ok);
    assert.deepEqual(detailsOf(result.error), {
      httpStatus: 200,
      ekoStatus: 945,
      responseStatusId: 1,
      responseTypeId: 945,
      ekoMessage: "Monthly limit exhausted",
    });
  });

  test("a wrong access key is auth-rejected when the clock is right", async () => {
    const result = await client().getRefundOtp({ ...endpoint, accessKey: "not-the-key" }, "13192443", 5_000);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "auth-rejected");
  });

  test("a server that never answers is cut off by the timeout", async () => {
    const started = Date.now();
    const result = await client().getRefundOtp(endpoint, "900900", 300);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "timeout");
    assert.ok(Date.now() - started < 3_000);
  });

  test("a slow drip is cut off by the timeout, not waited out", async () => {
    const started = Date.now();
    const result = await client().getRefundOtp(endpoint, "900902", 600);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "timeout");
    assert.ok(Date.now() - started < 3_000);
  });

  test("a tid with path characters is encoded, never interpreted as a path", async () => {
    const before = sim.requests.length;
    await client().getRefundOtp(endpoint, "../../x", 5_000);
    assert.equal(sim.requests[before]?.path.includes("/../"), false);
  });
});

describe("network failures", () => {
  test("connection refused → offline", async () => {
    const port = await closedPort();
    const result = await client().getRefundOtp(
      { ...endpoint, baseUrl: `http://127.0.0.1:${port}/ekoapi/v3` },
      "13192443",
      5_000,
    );
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "offline");
    assert.equal(detailsOf(result.error).cause, "ECONNREFUSED");
  });

  test("DNS failure → offline", async () => {
    const result = await client().getRefundOtp(
      { ...endpoint, baseUrl: "https://eko.refund-desk-test.invalid/ekoapi/v3" },
      "13192443",
      5_000,
    );
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "offline");
    assert.match(String(detailsOf(result.error).cause), /ENOTFOUND|EAI_AGAIN/);
  });

  test("a self-signed certificate → tls, and its answer is not trusted", async () => {
    const server = await startSelfSignedServer();
    try {
      const result = await client().getRefundOtp({ ...endpoint, baseUrl: server.url }, "13192443", 5_000);
      assert.ok(!result.ok);
      assert.equal(result.error.kind, "tls");
    } finally {
      await server.close();
    }
  });
});

describe("clock drift", () => {
  for (const [name, shift] of [
    ["2 hours ahead", -2 * 3_600_000],
    ["3 hours behind", 3 * 3_600_000],
    ["5 h 30 min off", -19_800_000],
  ] as const) {
    test(`machine clock ${name}: a fresh client retries once, re-signed, and succeeds`, async () => {
      const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: shift });
      try {
        const fresh = createEkoClient({ fetch, clock: createClock() });
        const result = await fresh.getRefundOtp({ ...endpoint, baseUrl: skewed.baseUrl }, "13192443", 5_000);
        assert.ok(result.ok, JSON.stringify(result));
        assert.deepEqual(
          skewed.requests.map((r) => r.outcome),
          ["rejected", "accepted"],
        );
        const [first, second] = skewed.requests;
        assert.notEqual(first?.headers["secret-key"], second?.headers["secret-key"]);
      } finally {
        await skewed.close();
      }
    });
  }

  test("after learning the offset, the next request is signed right the first time", async () => {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: 3_600_000 });
    try {
      const c = createEkoClient({ fetch, clock: createClock() });
      await c.getRefundOtp({ ...endpoint, baseUrl: skewed.baseUrl }, "13192443", 5_000);
      await c.getRefundOtp({ ...endpoint, baseUrl: skewed.baseUrl }, "13192443", 5_000);
      assert.deepEqual(
        skewed.requests.map((r) => r.outcome),
        ["rejected", "accepted", "accepted"],
      );
    } finally {
      await skewed.close();
    }
  });

  test("a wrong key with a skewed clock is retried once only, then reported as keys rejected", async () => {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: 3_600_000 });
    try {
      const c = createEkoClient({ fetch, clock: createClock() });
      const result = await c.getRefundOtp(
        { ...endpoint, accessKey: "wrong", baseUrl: skewed.baseUrl },
        "13192443",
        5_000,
      );
      assert.ok(!result.ok);
      assert.equal(result.error.kind, "auth-rejected");
      assert.equal(skewed.requests.length, 2);
    } finally {
      await skewed.close();
    }
  });

  test("probe learns the offset from the Date header", async () => {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: 120_000 });
    try {
      const clock = createClock();
      const result = await createEkoClient({ fetch, clock }).probe(skewed.baseUrl, 5_000);
      assert.ok(result.ok);
      const offset = clock.offsetMs() ?? 0;
      assert.ok(Math.abs(offset - 120_000) < 2_000, String(offset));
    } finally {
      await skewed.close();
    }
  });
});
