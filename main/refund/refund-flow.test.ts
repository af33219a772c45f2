import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RefundDeskError } from "../../app/errors";
import { describeError } from "../../app/messages/describe-error";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { createAccessKey } from "../keychain/access-key";
import type { EkoClient, RefundAnswer, TransactionAnswer } from "../eko/eko-client";
import { createJournal } from "../journal/journal";
import { createPractice } from "../simulator/practice";
import { PRACTICE_OTP } from "../simulator/scenarios";
import type { Simulator } from "../simulator/simulator";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners } from "../test-support/signers";
import { practiceDesk } from "../test-support/practice-desk";
import { tempDataDir } from "../test-support/temp-dir";
import { createRefundFlow } from "./refund-flow";
import { createTidLocks } from "./tid-locks";
import { createUnsettledRefunds, UNSETTLED_REFUNDS_FILE, type UnsettledRefunds } from "./unsettled-refunds";
import { openCounterState } from "../fs/counter-state";
import { TEST_SECRETS } from "../test-support/test-secrets";

function journalLines(dataDir: string): Record<string, unknown>[] {
  const folder = join(dataDir, "journal");
  return (
    readdirSync(folder)
      .flatMap((f) => readFileSync(join(folder, f), "utf8").trim().split("\n"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      // A month's opening line is the journal's own, not a request's.
      .filter((line) => !("journal" in line))
  );
}

async function sendOtp(desk: Awaited<ReturnType<typeof practiceDesk>>["desk"], tid: string): Promise<string> {
  const sent = await desk.services.requestRefundOtp({ tid });
  assert.ok(sent.ok, JSON.stringify(sent));
  return sent.value.otpRefId;
}

describe("the refund flow against the Practice simulator", () => {
  test("check → send OTP → refund → receipt; the transaction is then refunded", async () => {
    const { desk, dataDir } = await practiceDesk();
    try {
      const check = await desk.refundFlow.inquire({ tid: "13192443" });
      assert.ok(check.ok, JSON.stringify(check));
      assert.deepEqual(
        [
          check.value.tid,
          check.value.state,
          check.value.amount,
          check.value.recipientAccountLast4,
          check.value.environment,
        ],
        ["13192443", "refund-pending", "5000.00", "7890", "practice"],
      );
      const otpRefId = await sendOtp(desk, "13192443");
      const refund = await desk.refundFlow.refund({ tid: "13192443", otp: PRACTICE_OTP, otpRefId });
      assert.ok(refund.ok, JSON.stringify(refund));
      assert.equal(refund.value.confirmedBy, "refund");
      assert.equal(refund.value.tid, "13192443");
      assert.equal(refund.value.refundedAmount, "5000.00");
      assert.equal(refund.value.fee, "50.00");
      assert.match(refund.value.balance ?? "", /^\d+\.\d{2}$/);
      assert.match(refund.value.refundTid ?? "", /^\d+$/);
      assert.ok(!Number.isNaN(Date.parse(refund.value.refundedAt)));
      const after = await desk.refundFlow.inquire({ tid: "13192443" });
      assert.ok(after.ok && after.value.state === "refunded");
      const lines = journalLines(dataDir);
      assert.deepEqual(
        lines.map((l) => l.outcome),
        ["inquiry:tx_status=3", "otp-sent", "refund:refunded", "inquiry:tx_status=4"],
      );
      assert.equal(lines[2]?.otpRefTail, otpRefId.slice(-6));
      assert.equal(lines[2]?.ekoStatus, 0);
    } finally {
      await desk.close();
    }
  });

  test("every tx_status is an answer of its own", async () => {
    const { desk } = await practiceDesk();
    try {
      const states: string[] = [];
      for (const tid of ["13192448", "13192449", "13192450", "13192443", "13192444", "13192451", "13192452"]) {
        const result = await desk.refundFlow.inquire({ tid });
        assert.ok(result.ok, tid);
        states.push(result.value.state);
      }
      assert.deepEqual(states, ["success", "failed", "in-progress", "refund-pending", "refunded", "hold", "unknown"]);
      const unknown = await desk.refundFlow.inquire({ tid: "13192445" });
      assert.ok(!unknown.ok && unknown.error.kind === "unknown-tid");
    } finally {
      await desk.close();
    }
  });

  test("wrong OTPs are counted per otp_ref_id; after 3 a new OTP is suggested; a new OTP starts again", async () => {
    const { desk } = await practiceDesk();
    try {
      const first = await sendOtp(desk, "13192443");
      const tries: number[] = [];
      for (const otp of [TEST_SECRETS.otps.wrong1, TEST_SECRETS.otps.wrong2, TEST_SECRETS.otps.wrong3]) {
        const result = await desk.refundFlow.refund({ tid: "13192443", otp, otpRefId: first });
        assert.ok(!result.ok && result.error.kind === "wrong-otp", JSON.stringify(result));
        if (result.error.kind === "wrong-otp") tries.push(result.error.tries);
        if (tries.length === 3)
          assert.equal(describeError(result.error, "en").action, "Send a new OTP to the customer and use the new one.");
      }
      assert.deepEqual(tries, [1, 2, 3]);
      const second = await sendOtp(desk, "13192443");
      const again = await desk.refundFlow.refund({ tid: "13192443", otp: TEST_SECRETS.otps.wrong4, otpRefId: second });
      assert.ok(!again.ok && again.error.kind === "wrong-otp" && again.error.tries === 1);
      assert.ok((await desk.refundFlow.refund({ tid: "13192443", otp: PRACTICE_OTP, otpRefId: second })).ok);
    } finally {
      await desk.close();
    }
  });

  test("an expired OTP and insufficient balance are their own answers", async () => {
    const { desk } = await practiceDesk();
    try {
      const expired = await desk.refundFlow.refund({
        tid: "13192455",
        otp: PRACTICE_OTP,
        otpRefId: await sendOtp(desk, "13192455"),
      });
      assert.ok(!expired.ok && expired.error.kind === "otp-expired");
      const stale = await sendOtp(desk, "13192443");
      await sendOtp(desk, "13192443");
      const replaced = await desk.refundFlow.refund({ tid: "13192443", otp: PRACTICE_OTP, otpRefId: stale });
      assert.ok(!replaced.ok && replaced.error.kind === "otp-expired", "an otp_ref_id replaced by a resend");
      const poor = await desk.refundFlow.refund({
        tid: "13192454",
        otp: PRACTICE_OTP,
        otpRefId: await sendOtp(desk, "13192454"),
      });
      assert.ok(!poor.ok && poor.error.kind === "insufficient-balance");
    } finally {
      await desk.close();
    }
  });

  test("a refund that times out but went through: one POST, then the inquiry, and a receipt from it", async () => {
    const { desk, calls, dataDir } = await practiceDesk();
    try {
      const otpRefId = await sendOtp(desk, "13192453");
      const from = calls.length;
      const result = await desk.refundFlow.refund({ tid: "13192453", otp: PRACTICE_OTP, otpRefId });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.value.confirmedBy, "inquiry");
      assert.equal(result.value.transaction?.state, "refunded");
      assert.equal(result.value.transaction?.amount, "5000.00");
      assert.deepEqual(result.value.refundTid, null);
      assert.deepEqual(
        calls.slice(from).map((c) => `${c.method} ${new URL(c.url).pathname}`),
        ["POST /ekoapi/v3/customer/payment/refund/13192453", "GET /ekoapi/v3/tools/reference/transaction/13192453"],
      );
      assert.deepEqual(
        journalLines(dataDir)
          .slice(-2)
          .map((l) => l.outcome),
        ["refund:timeout", "refund-check:tx_status=4"],
      );
    } finally {
      await desk.close();
    }
  });

  test("a refund that times out and did not go through: refund-not-done, and the tid is free again", async () => {
    const { desk, calls } = await practiceDesk();
    try {
      const otpRefId = await sendOtp(desk, "13192456");
      const result = await desk.refundFlow.refund({ tid: "13192456", otp: PRACTICE_OTP, otpRefId });
      assert.ok(!result.ok && result.error.kind === "refund-not-done", JSON.stringify(result));
      assert.match(describeError(result.error, "en").title, /13192456 did not go through/);
      const from = calls.length;
      await desk.refundFlow.refund({ tid: "13192456", otp: PRACTICE_OTP, otpRefId });
      assert.equal(calls[from]?.method, "POST", "the next refund reaches Eko");
    } finally {
      await desk.close();
    }
  });

  test("a double click or a second window: one refund per tid in flight; inquiry and OTP for it wait too", async () => {
    const { desk, simulator } = await practiceDesk();
    try {
      const otpRefId = await sendOtp(desk, "13192456");
      const first = desk.refundFlow.refund({ tid: "13192456", otp: PRACTICE_OTP, otpRefId });
      const busy = { ok: false, error: { kind: "busy", tid: "13192456" } };
      assert.deepEqual(await desk.refundFlow.refund({ tid: "13192456", otp: PRACTICE_OTP, otpRefId }), busy);
      assert.deepEqual(await desk.refundFlow.inquire({ tid: "13192456" }), busy);
      assert.deepEqual(await desk.services.requestRefundOtp({ tid: "13192456" }), busy);
      assert.ok((await desk.refundFlow.inquire({ tid: "13192443" })).ok, "another tid goes through meanwhile");
      await first;
      assert.equal(refundPosts(simulator, "13192456"), 1, "only one refund reached Eko");
    } finally {
      await desk.close();
    }
  });

  test("bad input is refused before any request, naming the field and never the OTP", async () => {
    const { desk, calls } = await practiceDesk();
    try {
      const cases: [Record<string, string>, string][] = [
        [{ tid: "13192443", otp: "12a456", otpRefId: "ref" }, "otp"],
        [{ tid: "13192443", otp: "123", otpRefId: "ref" }, "otp"],
        [{ tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: " " }, "otpRefId"],
        [{ tid: "../1", otp: TEST_SECRETS.otps.practice, otpRefId: "ref" }, "tid"],
      ];
      for (const [input, field] of cases) {
        const result = await desk.refundFlow.refund(input as never);
        assert.ok(
          !result.ok && result.error.kind === "invalid-input" && result.error.field === field,
          JSON.stringify(result),
        );
        assert.ok(!JSON.stringify(result).includes(input.otp ?? "-"), "the OTP is not echoed");
      }
      assert.ok(!(await desk.refundFlow.inquire({ tid: "abc" })).ok);
      assert.equal(calls.length, 0);
    } finally {
      await desk.close();
    }
  });

  test("outside Practice the user code is required, listed with whatever else is missing", async () => {
    const { desk, calls } = await practiceDesk();
    try {
      await desk.services.updateSettings({ environment: "uat" });
      assert.deepEqual(await desk.refundFlow.inquire({ tid: "13192443" }), {
        ok: false,
        error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey", "userCode"] },
      });
      await desk.services.updateSettings({ userCode: "20810200" });
      assert.deepEqual(await desk.refundFlow.inquire({ tid: "13192443" }), {
        ok: false,
        error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey"] },
      });
      assert.equal(calls.length, 0);
    } finally {
      await desk.close();
    }
  });
});

function refundPosts(simulator: Simulator, tid: string): number {
  return simulator.requests.filter((r) => r.method === "POST" && r.path === `/ekoapi/v3/customer/payment/refund/${tid}`)
    .length;
}

/** A client whose answers the test scripts, recording each call. */
function scriptedClient(script: {
  refund: Result<RefundAnswer, RefundDeskError>[];
  inquiry: Result<TransactionAnswer, RefundDeskError>[];
}) {
  const calls: string[] = [];
  const client: EkoClient = {
    getRefundOtp: async () => err({ kind: "internal", details: {} }),
    probe: async () => err({ kind: "internal", details: {} }),
    pendingRefunds: async () => err({ kind: "internal", details: {} }),
    async initiateRefund() {
      calls.push("refund");
      return script.refund.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } });
    },
    async inquireTransaction() {
      calls.push("inquiry");
      return script.inquiry.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } });
    },
  };
  return { client, calls };
}

const transaction = (txStatus: number, state: TransactionAnswer["state"]): Result<TransactionAnswer, RefundDeskError> =>
  ok({
    txStatus,
    state,
    statusText: null,
    amount: "10.00",
    fee: null,
    senderName: null,
    recipientName: null,
    recipientAccountLast4: null,
    time: null,
    details: { ekoStatus: 0 },
    answeredAt: Date.now(),
  });

function scriptedFlow(script: Parameters<typeof scriptedClient>[0], unsettled?: UnsettledRefunds, now = Date.now) {
  const { client, calls } = scriptedClient(script);
  const slept: number[] = [];
  const dataDir = tempDataDir("flow");
  const flow = createRefundFlow({
    client,
    settings: () => ({ ...DEFAULT_SETTINGS }),
    practice: createPractice(async () => ({
      baseUrl: "http://127.0.0.1:9/ekoapi/v3",
      requests: [],
      setClockShift: () => undefined,
      close: async () => undefined,
    })),
    signers: keychainSigners(createAccessKey(memoryKeyStore())),
    journal: createJournal(dataDir),
    locks: createTidLocks(),
    now,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...(unsettled ? { unsettled } : {}),
  });
  return { flow, client, calls, slept, dataDir };
}

const request = { tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" };
const lost = (kind: "timeout" | "offline" | "server" | "bad-response"): Result<RefundAnswer, RefundDeskError> =>
  err(kind === "timeout" ? { kind, afterMs: 1_000, details: {} } : { kind, details: { cause: "test" } });

describe("after a lost refund answer the flow does not guess", () => {
  test("it pauses, inquires, and while no inquiry has answered, no other refund for the tid is sent", async () => {
    const { flow, calls, slept } = scriptedFlow({
      refund: [
        lost("timeout"),
        ok({
          refundTid: "9",
          refundedAmount: "10.00",
          fee: null,
          balance: null,
          refundedAt: null,
          details: {},
          answeredAt: Date.now(),
        }),
      ],
      inquiry: [err({ kind: "offline", details: {} }), transaction(3, "refund-pending")],
    });
    const first = await flow.refund(request);
    assert.ok(!first.ok && first.error.kind === "refund-outcome-unknown", JSON.stringify(first));
    assert.deepEqual(calls, ["refund", "inquiry"]);
    // 3 s, as documented: a literal, so a changed constant shows up here.
    assert.deepEqual(slept, [3_000]);

    const blocked = await flow.refund(request);
    assert.ok(!blocked.ok && blocked.error.kind === "refund-outcome-unknown");
    assert.deepEqual(calls, ["refund", "inquiry"], "blocked without reaching Eko");

    const check = await flow.inquire({ tid: request.tid });
    assert.ok(check.ok && check.value.state === "refund-pending");
    assert.ok((await flow.refund(request)).ok, "an inquiry's answer lifts the block");
    assert.deepEqual(calls, ["refund", "inquiry", "inquiry", "refund"]);
  });

  for (const kind of ["offline", "server", "bad-response"] as const) {
    test(`${kind} on the refund POST is inquired too`, async () => {
      const { flow, calls } = scriptedFlow({ refund: [lost(kind)], inquiry: [transaction(4, "refunded")] });
      const result = await flow.refund(request);
      assert.ok(result.ok && result.value.confirmedBy === "inquiry");
      assert.deepEqual(calls, ["refund", "inquiry"]);
    });
  }

  test("a refusal is not inquired: Eko answered", async () => {
    for (const error of [
      { kind: "rate-limited", details: {} },
      { kind: "auth-rejected", details: {} },
      { kind: "wrong-otp", tries: 1, details: {} },
    ] as const) {
      const { flow, calls } = scriptedFlow({ refund: [err(error)], inquiry: [] });
      const result = await flow.refund(request);
      assert.ok(!result.ok && result.error.kind === error.kind);
      assert.deepEqual(calls, ["refund"]);
    }
  });

  test("the inquiry shows another state: not-refund-pending with its tx_status", async () => {
    const { flow } = scriptedFlow({ refund: [lost("timeout")], inquiry: [transaction(2, "in-progress")] });
    const result = await flow.refund(request);
    assert.ok(!result.ok && result.error.kind === "not-refund-pending");
    if (result.error.kind === "not-refund-pending")
      assert.deepEqual([result.error.tid, result.error.txStatus, result.error.state], ["13192443", 2, "in-progress"]);
  });
});

describe("a refund without a settled answer is held across a restart", () => {
  const refunded = ok({
    refundTid: "9",
    refundedAmount: "10.00",
    fee: null,
    balance: null,
    refundedAt: null,
    details: {},
    answeredAt: Date.now(),
  });

  test("marked before the POST leaves: a run that dies mid-refund leaves the tid held for the next", async () => {
    const dir = tempDataDir("unsettled");
    // The first run's POST never comes back, as when the app dies while it is out.
    const first = scriptedFlow({ refund: [], inquiry: [] }, createUnsettledRefunds(openCounterState(dir)));
    first.client.initiateRefund = () => new Promise(() => undefined);
    void first.flow.refund(request);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(first.calls, [], "the scripted refund was replaced by one that never answers");

    const restarted = scriptedFlow(
      { refund: [refunded], inquiry: [transaction(3, "refund-pending")] },
      createUnsettledRefunds(openCounterState(dir)),
    );
    const blocked = await restarted.flow.refund(request);
    assert.ok(!blocked.ok && blocked.error.kind === "refund-outcome-unknown", JSON.stringify(blocked));
    assert.deepEqual(restarted.calls, [], "blocked without reaching Eko");
    assert.ok((await restarted.flow.inquire({ tid: request.tid })).ok);
    assert.ok((await restarted.flow.refund(request)).ok, "the inquiry's answer lifts the hold");
    assert.deepEqual(restarted.calls, ["inquiry", "refund"]);
    assert.deepEqual(createUnsettledRefunds(openCounterState(dir)).list(), [], "nothing held");
  });

  test("a definite answer settles at once; a lost one stays on file", async () => {
    const dir = tempDataDir("unsettled");
    const state = () => openCounterState(dir);
    const answered = scriptedFlow(
      { refund: [err({ kind: "wrong-otp", tries: 1, details: {} })], inquiry: [] },
      createUnsettledRefunds(state()),
    );
    await answered.flow.refund(request);
    assert.equal(createUnsettledRefunds(state()).has(request.tid), false);
    const unanswered = scriptedFlow(
      { refund: [lost("timeout")], inquiry: [err({ kind: "offline", details: {} })] },
      createUnsettledRefunds(state()),
    );
    await unanswered.flow.refund(request);
    assert.equal(createUnsettledRefunds(state()).has(request.tid), true);
  });

  test("an earlier version's torn file still holds every tid it names, once moved into the counter's state", () => {
    const dir = tempDataDir("unsettled");
    const file = join(dir, UNSETTLED_REFUNDS_FILE);
    writeFileSync(file, '["13192443","1319');
    const held = createUnsettledRefunds(openCounterState(dir), file);
    assert.equal(existsSync(file), false, "moved, not read again");
    assert.equal(held.has("13192443"), true);
    assert.equal(held.has("1319"), true);
  });
});
describe("a refund with the OTP from the failure SMS (no otp_ref_id)", () => {
  const fromSms = { tid: "13192443", otp: TEST_SECRETS.otps.practice };

  test("the simulator takes the practice OTP for a refund-pending tid; no otp_ref_id is sent, none journaled", async () => {
    const { desk, dataDir, simulator } = await practiceDesk();
    try {
      const refund = await desk.refundFlow.refund({ tid: "13192457", otp: PRACTICE_OTP });
      assert.ok(refund.ok, JSON.stringify(refund));
      const post = simulator.requests
        .filter((r) => r.method === "POST" && r.path.endsWith("/customer/payment/refund/13192457"))
        .at(-1);
      assert.ok(post);
      const body = JSON.parse(post.body) as Record<string, unknown>;
      assert.equal(Object.hasOwn(body, "otp_ref_id"), false);
      assert.deepEqual(
        [body.otp, body.service_code, body.state, body.user_code],
        [Number(TEST_SECRETS.otps.practice), 80, 1, "20810200"],
      );
      const line = journalLines(dataDir).at(-1);
      assert.deepEqual([line?.outcome, Object.hasOwn(line ?? {}, "otpRefTail")], ["refund:refunded", false]);
    } finally {
      await desk.close();
    }
  });

  test("an unexplained refusal becomes otp-ref-needed, said plainly, its raw details kept", async () => {
    const refusal = err<RefundDeskError>({
      kind: "eko",
      code: 1,
      message: "Invalid parameters",
      details: { httpStatus: 200, ekoStatus: 1, invalidParams: { otp_ref_id: "required" } },
    });
    const { flow } = scriptedFlow({ refund: [refusal], inquiry: [] });
    const result = await flow.refund(fromSms);
    assert.ok(!result.ok && result.error.kind === "otp-ref-needed", JSON.stringify(result));
    assert.deepEqual(result.error.kind === "otp-ref-needed" && result.error.details.invalidParams, {
      otp_ref_id: "required",
    });
    assert.match(describeError(result.error, "en").action, /Send an OTP/);
    // With an otp_ref_id the same refusal is Eko's own words, as before.
    const withRef = scriptedFlow({ refund: [refusal], inquiry: [] });
    const named = await withRef.flow.refund(request);
    assert.ok(!named.ok && named.error.kind === "eko");
  });

  test("wrong OTPs from the SMS are counted like any others; refusals with a reason keep it", async () => {
    const wrong = err<RefundDeskError>({ kind: "wrong-otp", tries: 1, details: {} });
    const { flow } = scriptedFlow({
      refund: [wrong, wrong, err({ kind: "insufficient-balance", details: {} })],
      inquiry: [],
    });
    const first = await flow.refund(fromSms);
    const second = await flow.refund(fromSms);
    assert.deepEqual(
      [
        !first.ok && first.error.kind === "wrong-otp" && first.error.tries,
        !second.ok && second.error.kind === "wrong-otp" && second.error.tries,
      ],
      [1, 2],
    );
    const third = await flow.refund(fromSms);
    assert.ok(!third.ok && third.error.kind === "insufficient-balance");
  });
});

test("the simulator's tid that wants an otp_ref_id: refused as otp-ref-needed without one, refunded with one", async () => {
  const { desk } = await practiceDesk();
  try {
    const bare = await desk.refundFlow.refund({ tid: "900461", otp: PRACTICE_OTP });
    assert.ok(!bare.ok && bare.error.kind === "otp-ref-needed", JSON.stringify(bare));
    assert.deepEqual(bare.error.kind === "otp-ref-needed" && bare.error.details.invalidParams, {
      otp_ref_id: "otp_ref_id is required",
    });
    const otpRefId = await sendOtp(desk, "900461");
    assert.ok((await desk.refundFlow.refund({ tid: "900461", otp: PRACTICE_OTP, otpRefId })).ok);
  } finally {
    await desk.close();
  }
});

test("the refund's line takes the transfer's amount from a check the day before, not from one two days before", async () => {
  const refunded = ok({
    refundTid: "9",
    refundedAmount: "10.00",
    fee: null,
    balance: null,
    refundedAt: null,
    details: {},
    answeredAt: Date.now(),
  });
  const txAmountAfter = async (checkedAt: Date, refundedAt: Date) => {
    let clock = checkedAt.getTime();
    const { flow, dataDir } = scriptedFlow(
      { refund: [refunded], inquiry: [transaction(3, "refund-pending")] },
      undefined,
      () => clock,
    );
    assert.ok((await flow.inquire({ tid: request.tid })).ok);
    clock = refundedAt.getTime();
    assert.ok((await flow.refund(request)).ok);
    return journalLines(dataDir).find((l) => l.outcome === "refund:refunded")?.txAmount;
  };
  assert.equal(await txAmountAfter(new Date(2026, 2, 10, 23, 59), new Date(2026, 2, 11, 0, 1)), "10.00");
  assert.equal(await txAmountAfter(new Date(2026, 2, 10, 23, 59), new Date(2026, 2, 12, 0, 1)), undefined);
});
