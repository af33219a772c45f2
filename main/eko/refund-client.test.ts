import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "../time/clock";
import { signTimestamp } from "./signing";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { practiceEndpoint } from "../test-support/signers";
import { PRACTICE_OTP } from "../simulator/scenarios";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { closedPort } from "../test-support/closed-port";
import { fetchAsUat, UAT_BASE_URL } from "../test-support/eko-host-route";
import { createEkoClient, type RefundEndpoint } from "./eko-client";
import { INITIATE_REFUND_FIXED } from "./refund-request";
import { TEST_SECRETS } from "../test-support/test-secrets";

let sim: Simulator;
let endpoint: RefundEndpoint;
const slept: number[] = [];
const client = () =>
  createEkoClient({
    fetch,
    clock: createClock(),
    // Records the pause and waits only a moment: long enough for the next timestamp to differ.
    sleep: async (ms) => {
      slept.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 3));
    },
  });

before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  endpoint = practiceEndpoint(sim.baseUrl);
});
after(() => sim.close());

/** Requests the simulator saw from index `from` on, for one path. */
const seen = (from: number, path: string) =>
  sim.requests.slice(from).filter((r) => r.path.split("?")[0]?.endsWith(path));

async function otpRef(tid: string): Promise<string> {
  const sent = await client().getRefundOtp(endpoint, tid, 5_000);
  assert.ok(sent.ok, JSON.stringify(sent));
  return sent.value.otpRefId;
}

describe("Transaction Inquiry against the simulator", () => {
  test("sends a signed GET with initiator_id and user_code in the query and no body", async () => {
    const from = sim.requests.length;
    const result = await client().inquireTransaction(endpoint, "13192443", 5_000);
    assert.ok(result.ok, JSON.stringify(result));
    const [request] = sim.requests.slice(from);
    assert.equal(request?.method, "GET");
    assert.equal(
      request?.path,
      "/ekoapi/v3/tools/reference/transaction/13192443?initiator_id=9962981729&user_code=20810200",
    );
    assert.equal(request?.body, "");
    assert.equal(request?.headers["developer_key"], PRACTICE_CREDENTIALS.developerKey);
    assert.equal(
      request?.headers["secret-key"],
      signTimestamp(PRACTICE_CREDENTIALS.accessKey, request?.headers["secret-key-timestamp"] ?? ""),
    );
    assert.equal(request?.outcome, "accepted");
  });

  test("a refund-pending transaction: amounts, names, time, and only the account's last 4 digits", async () => {
    const result = await client().inquireTransaction(endpoint, "13192443", 5_000);
    assert.ok(result.ok);
    const { answeredAt, details, ...tx } = result.value;
    assert.deepEqual(tx, {
      txStatus: 3,
      state: "refund-pending",
      statusText: "Refund Pending",
      amount: "5000.00",
      fee: "50.00",
      senderName: "Ramesh Kumar",
      recipientName: "Sunita Devi",
      recipientAccountLast4: "7890",
      time: "2025-11-03T04:45:42.000Z",
    });
    assert.ok(Math.abs(answeredAt - Date.now()) < 5_000);
    assert.equal(details.ekoStatus, 0);
    assert.ok(!JSON.stringify(result).includes("50100234567890"), "the full account number must not leave the client");
  });

  for (const [tid, txStatus, state] of [
    ["13192448", 0, "success"],
    ["13192449", 1, "failed"],
    ["13192450", 2, "in-progress"],
    ["13192443", 3, "refund-pending"],
    ["13192444", 4, "refunded"],
    ["13192451", 5, "hold"],
    ["13192452", 9, "unknown"],
  ] as const) {
    test(`tx_status ${txStatus} → ${state}`, async () => {
      const result = await client().inquireTransaction(endpoint, tid, 5_000);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.value.txStatus, txStatus);
      assert.equal(result.value.state, state);
    });
  }

  test("an unknown tid is unknown-tid (168)", async () => {
    const result = await client().inquireTransaction(endpoint, "13192445", 5_000);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "unknown-tid");
  });

  test("HTTP 503 twice, then an answer: retried with a fresh signature each time, after short pauses", async () => {
    const from = sim.requests.length;
    slept.length = 0;
    const result = await client().inquireTransaction(endpoint, "900510", 5_000);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.state, "refund-pending");
    const attempts = seen(from, "/transaction/900510");
    assert.equal(attempts.length, 3);
    assert.deepEqual(slept, [300, 1_000]);
    const signatures = new Set(attempts.map((r) => `${r.headers["secret-key-timestamp"]} ${r.headers["secret-key"]}`));
    assert.equal(signatures.size, 3, "each retry is signed afresh");
    for (const r of attempts)
      assert.equal(
        r.headers["secret-key"],
        signTimestamp(PRACTICE_CREDENTIALS.accessKey, r.headers["secret-key-timestamp"] ?? ""),
      );
  });

  test("a server that keeps failing: at most 2 retries, then the error", async () => {
    const from = sim.requests.length;
    const result = await client().inquireTransaction(endpoint, "900503", 5_000);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "server");
    assert.equal(seen(from, "/transaction/900503").length, 3);
  });

  test("429 is retried too; a refusal (403, 404, 168) is not", async () => {
    let from = sim.requests.length;
    assert.equal((await client().inquireTransaction(endpoint, "900429", 5_000)).ok, false);
    assert.equal(seen(from, "/transaction/900429").length, 3);
    for (const tid of ["900403", "900404", "13192445"]) {
      from = sim.requests.length;
      await client().inquireTransaction(endpoint, tid, 5_000);
      assert.equal(seen(from, `/transaction/${tid}`).length, 1, tid);
    }
  });

  test("network errors are retried: a refused connection is tried 3 times", async () => {
    const port = await closedPort();
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      calls.push(input instanceof Request ? input.url : input.toString());
      return fetch(input, init);
    };
    const result = await createEkoClient({
      fetch: counting,
      clock: createClock(),
      sleep: async () => undefined,
    }).inquireTransaction({ ...endpoint, baseUrl: `http://127.0.0.1:${port}/ekoapi/v3` }, "13192443", 2_000);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, "offline");
    assert.equal(calls.length, 3);
  });

  test("a wrong user_code is Eko's 346", async () => {
    const result = await client().inquireTransaction({ ...endpoint, userCode: "20810299" }, "13192443", 5_000);
    assert.ok(!result.ok);
    assert.deepEqual([result.error.kind, result.error.kind === "eko" && result.error.code], ["eko", 346]);
  });
});

describe("Initiate Refund against the simulator", () => {
  test("sends the documented JSON body once: otp an integer, service_code 80, state 1", async () => {
    const ref = await otpRef("13192454");
    const from = sim.requests.length;
    await client().initiateRefund(endpoint, { tid: "13192454", otp: PRACTICE_OTP, otpRefId: ref }, 5_000);
    const [request, ...more] = seen(from, "/refund/13192454");
    assert.equal(more.length, 0);
    assert.equal(request?.method, "POST");
    assert.equal(request?.path, "/ekoapi/v3/customer/payment/refund/13192454");
    assert.equal(request?.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(request?.body ?? ""), {
      initiator_id: "9962981729",
      user_code: "20810200",
      otp: Number(TEST_SECRETS.otps.practice),
      otp_ref_id: ref,
      service_code: 80,
      state: 1,
    });
    assert.deepEqual(INITIATE_REFUND_FIXED, { service_code: 80, state: 1 });
  });

  test("the right OTP for the current otp_ref_id refunds: a receipt, and the transaction is refunded", async () => {
    const ref = await otpRef("13192443");
    const result = await client().initiateRefund(
      endpoint,
      { tid: "13192443", otp: PRACTICE_OTP, otpRefId: ref },
      5_000,
    );
    assert.ok(result.ok, JSON.stringify(result));
    const { answeredAt, details, refundedAt, ...receipt } = result.value;
    assert.deepEqual(receipt, {
      refundTid: receipt.refundTid,
      refundedAmount: "5000.00",
      fee: "50.00",
      balance: receipt.balance,
    });
    assert.match(receipt.refundTid ?? "", /^\d+$/);
    assert.match(receipt.balance ?? "", /^\d+\.\d{2}$/);
    assert.ok(refundedAt && Math.abs(Date.parse(refundedAt) - answeredAt) < 2_000, "Eko's time, read as India's");
    assert.equal(details.ekoStatus, 0);
    const after = await client().inquireTransaction(endpoint, "13192443", 5_000);
    assert.ok(after.ok && after.value.state === "refunded");
    const again = await client().getRefundOtp(endpoint, "13192443", 5_000);
    assert.ok(!again.ok && again.error.kind === "already-refunded", "no new OTP for a refunded transaction");
    const twice = await client().initiateRefund(endpoint, { tid: "13192443", otp: PRACTICE_OTP, otpRefId: ref }, 5_000);
    assert.ok(!twice.ok && twice.error.kind === "already-refunded");
  });

  test("a wrong OTP is wrong-otp (302) and changes nothing", async () => {
    const ref = await otpRef("13192454");
    const result = await client().initiateRefund(
      endpoint,
      { tid: "13192454", otp: TEST_SECRETS.otps.other, otpRefId: ref },
      5_000,
    );
    assert.ok(!result.ok);
    assert.deepEqual([result.error.kind, result.error.kind === "wrong-otp" && result.error.tries], ["wrong-otp", 1]);
    assert.equal("details" in result.error && result.error.details.ekoStatus, 302);
  });

  test("an expired OTP is otp-expired (303): the dedicated tid, and an otp_ref_id replaced by a resend", async () => {
    const ref = await otpRef("13192455");
    const expired = await client().initiateRefund(
      endpoint,
      { tid: "13192455", otp: PRACTICE_OTP, otpRefId: ref },
      5_000,
    );
    assert.ok(!expired.ok && expired.error.kind === "otp-expired");
    const first = await otpRef("13192460");
    await otpRef("13192460");
    const replaced = await client().initiateRefund(
      endpoint,
      { tid: "13192460", otp: PRACTICE_OTP, otpRefId: first },
      5_000,
    );
    assert.ok(!replaced.ok && replaced.error.kind === "otp-expired");
  });

  test("an otp_ref_id older than the simulator's validity is otp-expired", async () => {
    const short = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], otpValidityMs: 50 });
    try {
      const at = { ...endpoint, baseUrl: short.baseUrl };
      const sent = await client().getRefundOtp(at, "13192443", 5_000);
      assert.ok(sent.ok);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const result = await client().initiateRefund(
        at,
        { tid: "13192443", otp: PRACTICE_OTP, otpRefId: sent.value.otpRefId },
        5_000,
      );
      assert.ok(!result.ok && result.error.kind === "otp-expired", JSON.stringify(result));
    } finally {
      await short.close();
    }
  });

  test("insufficient balance is its own kind (347)", async () => {
    const ref = await otpRef("13192454");
    const result = await client().initiateRefund(
      endpoint,
      { tid: "13192454", otp: PRACTICE_OTP, otpRefId: ref },
      5_000,
    );
    assert.ok(!result.ok && result.error.kind === "insufficient-balance");
  });

  test("states that cannot be refunded, and an unknown tid", async () => {
    const refused = async (tid: string) => {
      const result = await client().initiateRefund(endpoint, { tid, otp: PRACTICE_OTP, otpRefId: "any-ref" }, 5_000);
      return result.ok ? "ok" : result.error.kind;
    };
    assert.equal(await refused("13192444"), "already-refunded");
    assert.equal(await refused("13192448"), "not-refundable");
    assert.equal(await refused("13192445"), "unknown-tid");
  });

  test("a refund that times out but went through: the timeout, then the inquiry says refunded", async () => {
    const ref = await otpRef("13192453");
    const from = sim.requests.length;
    const result = await client().initiateRefund(endpoint, { tid: "13192453", otp: PRACTICE_OTP, otpRefId: ref }, 300);
    assert.ok(!result.ok && result.error.kind === "timeout");
    assert.equal(seen(from, "/refund/13192453").length, 1);
    const inquiry = await client().inquireTransaction(endpoint, "13192453", 5_000);
    assert.ok(inquiry.ok && inquiry.value.state === "refunded");
  });

  test("a refund that times out and did not go through: the inquiry still says refund pending", async () => {
    const ref = await otpRef("13192456");
    const result = await client().initiateRefund(endpoint, { tid: "13192456", otp: PRACTICE_OTP, otpRefId: ref }, 300);
    assert.ok(!result.ok && result.error.kind === "timeout");
    const inquiry = await client().inquireTransaction(endpoint, "13192456", 5_000);
    assert.ok(inquiry.ok && inquiry.value.state === "refund-pending");
  });

  test("never retried: not on 503, not on 429, not on a timeout", async () => {
    for (const [tid, kind, timeout] of [
      ["900503", "server", 5_000],
      ["900429", "rate-limited", 5_000],
      ["900900", "timeout", 300],
    ] as const) {
      const from = sim.requests.length;
      const result = await client().initiateRefund(endpoint, { tid, otp: PRACTICE_OTP, otpRefId: "ref" }, timeout);
      assert.ok(!result.ok && result.error.kind === kind, `${tid}: ${JSON.stringify(result)}`);
      assert.equal(seen(from, `/refund/${tid}`).length, 1, tid);
    }
  });

  test("not even re-signed after a clock-skew 403: one request, and the clock has learned for the next", async () => {
    const skewed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], clockShiftMs: 3_600_000 });
    try {
      const clock = createClock();
      const c = createEkoClient({ fetch: fetchAsUat(skewed.baseUrl), clock });
      const at = { ...endpoint, baseUrl: UAT_BASE_URL };
      const result = await c.initiateRefund(at, { tid: "13192443", otp: PRACTICE_OTP, otpRefId: "ref" }, 5_000);
      assert.ok(!result.ok && result.error.kind === "clock-skew");
      assert.equal(skewed.requests.length, 1);
      assert.ok(Math.abs((clock.offsetMs() ?? 0) - 3_600_000) < 2_000);
      const next = await c.inquireTransaction(at, "13192443", 5_000);
      assert.ok(next.ok, "the next request is signed with the corrected clock");
    } finally {
      await skewed.close();
    }
  });

  test("an OTP sent as text is refused by the simulator, as Eko documents an integer", async () => {
    const ref = await otpRef("13192460");
    const timestamp = String(Date.now());
    const response = await fetch(`${sim.baseUrl}/customer/payment/refund/13192460`, {
      method: "POST",
      headers: {
        developer_key: PRACTICE_CREDENTIALS.developerKey,
        "secret-key": signTimestamp(PRACTICE_CREDENTIALS.accessKey, timestamp),
        "secret-key-timestamp": timestamp,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        initiator_id: "9962981729",
        user_code: "20810200",
        otp: PRACTICE_OTP,
        otp_ref_id: ref,
        service_code: 80,
        state: "1",
      }),
    });
    const body = (await response.json()) as { status: number; invalid_params?: Record<string, string> };
    assert.equal(body.status, 1);
    assert.ok(body.invalid_params?.otp);
  });
});
describe("the OTP digit for digit, and Eko's two refusal shapes, through the client", () => {
  test("an OTP with no leading zero goes as a JSON number; one with a leading zero as its digits in a string", async () => {
    const zero = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], otp: TEST_SECRETS.otps.leadingZero });
    const zeroEndpoint = practiceEndpoint(zero.baseUrl);
    try {
      const wrong = await client().initiateRefund(
        zeroEndpoint,
        { tid: "13192443", otp: TEST_SECRETS.otps.leadingZeroWrong, otpRefId: null },
        5_000,
      );
      assert.ok(!wrong.ok && wrong.error.kind === "wrong-otp");
      const done = await client().initiateRefund(
        zeroEndpoint,
        { tid: "13192443", otp: TEST_SECRETS.otps.leadingZero, otpRefId: null },
        5_000,
      );
      assert.ok(done.ok, JSON.stringify(done));
      const bodies = zero.requests
        .filter((r) => r.method === "POST")
        .map((r) => JSON.parse(r.body) as { otp: unknown });
      assert.deepEqual(
        bodies.map((b) => b.otp),
        [Number(TEST_SECRETS.otps.leadingZeroWrong), TEST_SECRETS.otps.leadingZero],
      );
    } finally {
      await zero.close();
    }
  });

  const shapes: [string, string, string, string][] = [
    ["wrong OTP", "13192454", "13192457", "wrong-otp"],
    ["expired OTP", "13192455", "13192459", "otp-expired"],
    ["low balance", "13192454", "13192458", "insufficient-balance"],
  ];
  for (const [name, inStatus, inStatusId, kind] of shapes) {
    test(`${name}: the same kind whether the code is in status (${inStatus}) or response_status_id (${inStatusId})`, async () => {
      const otp = kind === "wrong-otp" ? TEST_SECRETS.otps.other : PRACTICE_OTP;
      for (const tid of [inStatus, inStatusId]) {
        const result = await client().initiateRefund(endpoint, { tid, otp, otpRefId: await otpRef(tid) }, 5_000);
        assert.ok(!result.ok && result.error.kind === kind, `${tid}: ${JSON.stringify(result)}`);
      }
    });
  }

  test("Eko's words echoing the OTP are masked before they go anywhere", async () => {
    const echoing: typeof fetch = async () =>
      new Response(
        JSON.stringify({
          status: 1,
          message: `otp ${TEST_SECRETS.otps.echoedByEko} invalid`,
          invalid_params: { otp: `${TEST_SECRETS.otps.echoedByEko} is not valid` },
          data: {},
        }),
        { headers: { "content-type": "application/json" } },
      );
    const result = await createEkoClient({ fetch: echoing, clock: createClock() }).initiateRefund(
      practiceEndpoint("http://127.0.0.1:9/ekoapi/v3"),
      { tid: "13192443", otp: TEST_SECRETS.otps.echoedByEko, otpRefId: null },
      5_000,
    );
    assert.ok(!result.ok);
    assert.ok(!JSON.stringify(result).includes(TEST_SECRETS.otps.echoedByEko), JSON.stringify(result));
    const details = "details" in result.error ? result.error.details : {};
    assert.deepEqual(details.invalidParams, { otp: "•••• is not valid" });
  });
});
