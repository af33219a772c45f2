import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "../time/clock";
import { signTimestamp } from "./signing";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { closedPort } from "../test-support/closed-port";
import { fetchAsUat, UAT_BASE_URL } from "../test-support/eko-host-route";
import { startSelfSignedServer } from "../test-support/tls-server";
import { createEkoClient, type EkoEndpoint } from "./eko-client";
import { keySigner } from "./signer";
import { practiceEndpoint } from "../test-support/signers";
import { detailsOf } from "../../app/errors";

let sim: Simulator;
let endpoint: EkoEndpoint;
const client = () => createEkoClient({ fetch, clock: createClock() });

before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0 });
  endpoint = practiceEndpoint(sim.baseUrl);
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
    const result = await client().getRefundOtp({ ...endpoint, signer: keySigner("not-the-key") }, "13192443", 5_000);
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
  /** A simulator whose clock is `shiftMs` off this machine's, answering as Eko's UAT host. */
  async function skewedUat(shiftMs: number) {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: shiftMs });
    const clock = createClock();
    const c = createEkoClient({ fetch: fetchAsUat(skewed.baseUrl), clock });
    return { skewed, clock, c, at: { ...endpoint, baseUrl: UAT_BASE_URL } };
  }

  for (const [name, shift] of [
    ["2 hours ahead", -2 * 3_600_000],
    ["3 hours behind", 3 * 3_600_000],
    ["5 h 30 min off", -19_800_000],
  ] as const) {
    test(`machine clock ${name}: a fresh client retries once, re-signed, and succeeds`, async () => {
      const { skewed, c, at } = await skewedUat(shift);
      try {
        const result = await c.getRefundOtp(at, "13192443", 5_000);
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
    const { skewed, c, at } = await skewedUat(3_600_000);
    try {
      await c.getRefundOtp(at, "13192443", 5_000);
      await c.getRefundOtp(at, "13192443", 5_000);
      assert.deepEqual(
        skewed.requests.map((r) => r.outcome),
        ["rejected", "accepted", "accepted"],
      );
    } finally {
      await skewed.close();
    }
  });

  test("a wrong key with a skewed clock is retried once only, then reported as keys rejected", async () => {
    const { skewed, c, at } = await skewedUat(3_600_000);
    try {
      const result = await c.getRefundOtp({ ...at, signer: keySigner("wrong") }, "13192443", 5_000);
      assert.ok(!result.ok);
      assert.equal(result.error.kind, "auth-rejected");
      assert.equal(skewed.requests.length, 2);
    } finally {
      await skewed.close();
    }
  });

  test("probe learns the offset from the Date header", async () => {
    const { skewed, clock, c } = await skewedUat(120_000);
    try {
      const result = await c.probe(UAT_BASE_URL, 5_000);
      assert.ok(result.ok);
      const offset = clock.offsetMs() ?? 0;
      assert.ok(Math.abs(offset - 120_000) < 2_000, String(offset));
      assert.ok(Math.abs((result.value.dateOffsetMs ?? 0) - 120_000) < 2_000);
    } finally {
      await skewed.close();
    }
  });

  test("a 2030 Date from Eko's UAT host: refused as clock-skew naming both times, nothing learned, not re-signed", async () => {
    const { skewed, clock, c, at } = await skewedUat(Date.parse("2030-01-01T00:00:00Z") - Date.now());
    try {
      const before = Date.now();
      const result = await c.getRefundOtp(at, "13192443", 5_000);
      assert.ok(!result.ok && result.error.kind === "clock-skew", JSON.stringify(result));
      assert.equal(result.error.ekoTime.slice(0, 10), "2030-01-01");
      assert.ok(Math.abs(Date.parse(result.error.pcTime) - before) < 5_000, result.error.pcTime);
      assert.equal(clock.offsetMs(), null);
      // One request: a second signature on the same clock would only be refused the same way.
      assert.deepEqual(
        skewed.requests.map((r) => r.outcome),
        ["rejected"],
      );
      // The next request is still signed with this machine's time, never 2030's.
      await c.inquireTransaction({ ...at, userCode: "20810200" }, "13192443", 5_000);
      for (const seen of skewed.requests)
        assert.ok(Math.abs(Number(seen.headers["secret-key-timestamp"]) - Date.now()) < 60_000);
    } finally {
      await skewed.close();
    }
  });

  for (const [name, shiftMs] of [
    ["a 2030 Date", () => Date.parse("2030-01-01T00:00:00Z") - Date.now()],
    ["a Date 2 h ahead (within the bound)", () => 2 * 3_600_000],
  ] as const)
    test(`${name} from a custom URL or the simulator teaches nothing: later requests to Eko keep this machine's time`, async () => {
      const liar = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: shiftMs() });
      const honest = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
      try {
        const clock = createClock();
        const c = createEkoClient({ fetch: fetchAsUat(honest.baseUrl), clock });
        const result = await c.getRefundOtp({ ...endpoint, baseUrl: liar.baseUrl }, "13192443", 5_000);
        assert.ok(!result.ok && result.error.kind === "clock-skew");
        assert.equal(liar.requests.length, 1, "not re-signed for a clock that learned nothing");
        await c.probe(liar.baseUrl, 5_000);
        assert.equal(clock.offsetMs(), null);
        const uat = await c.getRefundOtp({ ...endpoint, baseUrl: UAT_BASE_URL }, "13192443", 5_000);
        assert.ok(uat.ok, JSON.stringify(uat));
        const stamp = Number(honest.requests[0]?.headers["secret-key-timestamp"]);
        assert.ok(Math.abs(stamp - Date.now()) < 5_000, String(stamp));
      } finally {
        await liar.close();
        await honest.close();
      }
    });
});
