/**
 * The two POSTs that act on a customer's money or phone are sent exactly once, whatever goes
 * wrong: each Get Refund OTP can send an SMS and each Initiate Refund can move money. Counted at
 * the server (the simulator's record) where a server is reached, and at the fetch otherwise.
 * Every case runs on ONE client, the way the app keeps one, and a follow-up request on that same
 * client must go through after it: a fault leaves nothing behind that breaks the next call.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "../time/clock";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { practiceEndpoint } from "../test-support/signers";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { closedPort } from "../test-support/closed-port";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { startSelfSignedServer } from "../test-support/tls-server";
import { createEkoClient, type EkoClient, type RefundEndpoint } from "./eko-client";

let sim: Simulator;
let endpoint: RefundEndpoint;
let client: EkoClient;
const fetched: string[] = [];
const sleeps: number[] = [];

before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0 });
  endpoint = practiceEndpoint(sim.baseUrl);
  const counting: typeof fetch = (input, init) => {
    fetched.push(`${init?.method ?? "GET"} ${input instanceof Request ? input.url : input.toString()}`);
    return fetch(input, init);
  };
  client = createEkoClient({ fetch: counting, clock: createClock(), sleep: async (ms) => void sleeps.push(ms) });
});
after(() => sim.close());

/** POSTs the simulator recorded from index `from` on, whose path ends with `suffix`. */
const posts = (from: number, suffix: string) =>
  sim.requests.slice(from).filter((r) => r.method === "POST" && r.path.endsWith(suffix));

/** Faults the simulator plays by tid: the kind the client must report for each. */
const SERVER_FAULTS: Array<[string, string, string, number]> = [
  ["HTTP 500 with HTML", "900500", "server", 5_000],
  ["HTTP 502", "900502", "server", 5_000],
  ["HTTP 503", "900503", "server", 5_000],
  ["HTTP 429", "900429", "rate-limited", 5_000],
  ["HTTP 403 with the clock right", "900403", "auth-rejected", 5_000],
  ["HTTP 404", "900404", "wrong-url", 5_000],
  ["HTTP 405", "900405", "wrong-url", 5_000],
  ["HTTP 415", "900415", "content-type-refused", 5_000],
  ["HTTP 200 with an HTML body", "900200", "bad-response", 5_000],
  ["truncated JSON", "900201", "bad-response", 5_000],
  ["malformed JSON", "900202", "bad-response", 5_000],
  ["a JSON array", "900203", "bad-response", 5_000],
  ["a 10 MB body", "900205", "bad-response", 5_000],
  ["a JSON success with a wrong content-type", "900206", "bad-response", 5_000],
  ["connection reset mid-body", "900901", "offline", 5_000],
  ["a server that never answers", "900900", "timeout", 300],
  ["a slow drip", "900902", "timeout", 600],
];

/** Faults no server answers: where the request goes, and the kind. */
const NETWORK_FAULTS: Array<[string, () => Promise<{ baseUrl: string; close(): Promise<void> }>, string]> = [
  [
    "connection refused",
    async () => ({ baseUrl: `http://127.0.0.1:${await closedPort()}/ekoapi/v3`, close: async () => undefined }),
    "offline",
  ],
  [
    "DNS failure",
    async () => ({ baseUrl: "https://eko.refund-desk-test.invalid/ekoapi/v3", close: async () => undefined }),
    "offline",
  ],
  [
    "a self-signed certificate",
    async () => {
      const server = await startSelfSignedServer();
      return { baseUrl: server.url, close: () => server.close() };
    },
    "tls",
  ],
];

async function followUpGoesThrough(): Promise<void> {
  const otp = await client.getRefundOtp(endpoint, "13192443", 5_000);
  assert.ok(otp.ok, `follow-up OTP on the same client: ${JSON.stringify(otp)}`);
  const inquiry = await client.inquireTransaction(endpoint, "13192443", 5_000);
  assert.ok(inquiry.ok, `follow-up inquiry on the same client: ${JSON.stringify(inquiry)}`);
}

describe("Get Refund OTP is sent once for every failure, on one long-lived client", () => {
  for (const [name, tid, kind, timeoutMs] of SERVER_FAULTS) {
    test(`${name} → ${kind}, one POST at the server, then the same client works`, async () => {
      const from = sim.requests.length;
      const result = await client.getRefundOtp(endpoint, tid, timeoutMs);
      assert.equal(result.ok ? "ok" : result.error.kind, kind);
      // Give a retry that would go out late the time to reach the server before counting.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(posts(from, `/refund/${tid}/otp`).length, 1);
      await followUpGoesThrough();
    });
  }

  for (const [name, open, kind] of NETWORK_FAULTS) {
    test(`${name} → ${kind}, one POST leaves the client, then the same client works`, async () => {
      const target = await open();
      try {
        const from = fetched.length;
        const result = await client.getRefundOtp({ ...endpoint, baseUrl: target.baseUrl }, "13192443", 5_000);
        assert.equal(result.ok ? "ok" : result.error.kind, kind);
        assert.deepEqual(fetched.slice(from), [`POST ${target.baseUrl}/customer/payment/refund/13192443/otp`]);
      } finally {
        await target.close();
      }
      await followUpGoesThrough();
    });
  }
});

describe("Initiate Refund is sent once for every failure, on one long-lived client", () => {
  const request = (tid: string) => ({
    tid,
    otp: TEST_SECRETS.otps.practice,
    otpRefId: "4b9a1c8e-0000-4000-8000-000000000001",
  });

  for (const [name, tid, kind, timeoutMs] of SERVER_FAULTS) {
    test(`${name} → ${kind}, one POST at the server, then the same client works`, async () => {
      const from = sim.requests.length;
      const result = await client.initiateRefund(endpoint, request(tid), timeoutMs);
      assert.equal(result.ok ? "ok" : result.error.kind, kind);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(posts(from, `/refund/${tid}`).length, 1);
      await followUpGoesThrough();
    });
  }

  for (const [name, open, kind] of NETWORK_FAULTS) {
    test(`${name} → ${kind}, one POST leaves the client, then the same client works`, async () => {
      const target = await open();
      try {
        const from = fetched.length;
        const result = await client.initiateRefund(
          { ...endpoint, baseUrl: target.baseUrl },
          request("13192443"),
          5_000,
        );
        assert.equal(result.ok ? "ok" : result.error.kind, kind);
        assert.deepEqual(fetched.slice(from), [`POST ${target.baseUrl}/customer/payment/refund/13192443`]);
      } finally {
        await target.close();
      }
      await followUpGoesThrough();
    });
  }

  test("a refund refused for skew is not re-signed and sent again (only Get Refund OTP may be)", async () => {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: 3_600_000 });
    try {
      const result = await client.initiateRefund({ ...endpoint, baseUrl: skewed.baseUrl }, request("13192443"), 5_000);
      assert.equal(result.ok, false);
      assert.equal(skewed.requests.filter((r) => r.method === "POST").length, 1);
    } finally {
      await skewed.close();
    }
    await followUpGoesThrough();
  });
});

test("reads are retried after the pauses 300 ms and 1 s, twice at most (literals, not the constant)", async () => {
  const from = sim.requests.length;
  sleeps.length = 0;
  const result = await client.inquireTransaction(endpoint, "900503", 5_000);
  assert.equal(result.ok ? "ok" : result.error.kind, "server");
  assert.deepEqual(sleeps, [300, 1_000]);
  assert.equal(sim.requests.slice(from).filter((r) => r.method === "GET").length, 3);
});
