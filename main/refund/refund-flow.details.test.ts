/**
 * The refund flow with a scripted Eko, an in-memory journal and fixed clocks: the exact values the
 * agent, the receipt and the day's close get from each answer, and where each case stops. Quick:
 * no simulator, no files, no waits.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { createAccessKey } from "../keychain/access-key";
import type { EkoClient, RefundAnswer, RefundEndpoint, TransactionAnswer } from "../eko/eko-client";
import type { Durability } from "../journal/group-commit";
import type { Journal, JournalRecord } from "../journal/journal";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners, signatureOf, withSignatures } from "../test-support/signers";
import { createRefundFlow, type RefundFlowDeps } from "./refund-flow";
import { createTidLocks } from "./tid-locks";
import { createUnsettledRefunds, type UnsettledRefunds } from "./unsettled-refunds";
import { brokenJournals } from "../test-support/broken-journals";
import { TEST_SECRETS } from "../test-support/test-secrets";

const TID = "13192443";
/** Long enough that no lock lapses while a test runs. */
const LEASE_MS = 60_000;
const ANSWERED = Date.parse("2026-01-15T10:00:00.000Z");
const NOW = Date.parse("2026-01-15T11:30:00.000Z");
const BASE_URL = "http://127.0.0.1:9/ekoapi/v3";

type Call =
  | { step: "refund"; endpoint: RefundEndpoint; request: unknown; timeoutMs: number }
  | { step: "inquiry"; endpoint: RefundEndpoint; tid: string; timeoutMs: number };

function scripted(script: {
  refund?: Result<RefundAnswer, RefundDeskError>[];
  inquiry?: Result<TransactionAnswer, RefundDeskError>[];
  /** Runs as each request leaves, before its answer. */
  sending?: () => void;
}) {
  const calls: Call[] = [];
  const refunds = [...(script.refund ?? [])];
  const inquiries = [...(script.inquiry ?? [])];
  const client: EkoClient = {
    getRefundOtp: async () => err({ kind: "internal", details: {} }),
    probe: async () => err({ kind: "internal", details: {} }),
    pendingRefunds: async () => err({ kind: "internal", details: {} }),
    async initiateRefund(endpoint, request, timeoutMs) {
      calls.push({ step: "refund", endpoint, request, timeoutMs });
      script.sending?.();
      return refunds.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } });
    },
    async inquireTransaction(endpoint, tid, timeoutMs) {
      calls.push({ step: "inquiry", endpoint, tid, timeoutMs });
      script.sending?.();
      return inquiries.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } });
    },
  };
  return { client, calls };
}

function memoryJournal() {
  const lines: { entry: JournalRecord; durability: Durability | undefined }[] = [];
  /** Set `full` to refuse lines, as a full disk does. */
  const disk = { full: false };
  const journal: Journal = {
    append(entry, durability) {
      if (disk.full) return false;
      lines.push({ entry, durability });
      return true;
    },
    read: async () => ({ entries: [], skipped: 0 }),
    pieces: async function* () {},
    cut: () => false,
    close: () => undefined,
  };
  return { journal, lines, disk };
}

function flowWith(
  script: Parameters<typeof scripted>[0],
  options: {
    settings?: Partial<Settings>;
    unsettled?: UnsettledRefunds;
    locks?: RefundFlowDeps["locks"];
    /** False: a desk that is told of no finished refunds. */
    tellFinished?: boolean;
    /** A real journal that cannot write (test-support/broken-journals.ts); by default one in memory. */
    journal?: Journal;
  } = {},
) {
  const { client, calls } = scripted(script);
  const { journal: memory, lines, disk } = memoryJournal();
  const journal = options.journal ?? memory;
  const slept: number[] = [];
  const finished: string[] = [];
  const flow = createRefundFlow({
    client,
    settings: () => ({ ...DEFAULT_SETTINGS, timeoutMs: 4_321, ...options.settings }),
    practice: { baseUrl: async () => BASE_URL, close: async () => undefined },
    signers: keychainSigners(createAccessKey(memoryKeyStore())),
    journal,
    locks: options.locks ?? createTidLocks(),
    now: () => NOW,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...(options.tellFinished === false ? {} : { finished: (tid: string) => finished.push(tid) }),
    ...(options.unsettled ? { unsettled: options.unsettled } : {}),
  });
  return { flow, calls, lines, slept, finished, disk };
}

const tx = (
  txStatus: number | null,
  state: TransactionAnswer["state"],
  more: Partial<TransactionAnswer> = {},
): Result<TransactionAnswer, RefundDeskError> =>
  ok({
    txStatus,
    state,
    statusText: "Refund Pending",
    amount: "5000.00",
    fee: "50.00",
    senderName: "Ravi",
    recipientName: "Anil Sharma",
    recipientAccountLast4: "7890",
    time: "2026-01-14T09:00:00.000Z",
    details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
    answeredAt: ANSWERED,
    ...more,
  });

const refunded = (more: Partial<RefundAnswer> = {}): Result<RefundAnswer, RefundDeskError> =>
  ok({
    refundTid: "2882755",
    refundedAmount: "5000.00",
    fee: "45.00",
    balance: "12345.67",
    refundedAt: null,
    details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 74 },
    answeredAt: ANSWERED,
    ...more,
  });

const timeout = err<RefundDeskError>({ kind: "timeout", afterMs: 4_321, details: { cause: "no answer" } });
const offline = err<RefundDeskError>({ kind: "offline", details: { cause: "ECONNREFUSED" } });
const wrongOtp = err<RefundDeskError>({ kind: "wrong-otp", tries: 0, details: { ekoStatus: 302 } });

const practiceEndpoint = {
  developerKey: "becbbce45f79c6f5109f848acd540567",
  signer: signatureOf("d2fe1d99-6298-4af2-8cc5-d97dcf46df30"),
  initiatorId: "9962981729",
  userCode: "20810200",
  baseUrl: BASE_URL,
};

const triesOf = (result: Result<unknown, RefundDeskError>) =>
  !result.ok && result.error.kind === "wrong-otp" ? result.error.tries : result.ok ? "ok" : result.error.kind;

describe("a check (Transaction Inquiry)", () => {
  test("gives the transaction with its tid, when Eko answered and the environment; journaled, grouped", async () => {
    const { flow, calls, lines, finished } = flowWith({ inquiry: [tx(3, "refund-pending")] });
    const result = await flow.inquire({ tid: ` ${TID} ` });
    assert.deepEqual(result, {
      ok: true,
      value: {
        txStatus: 3,
        state: "refund-pending",
        statusText: "Refund Pending",
        amount: "5000.00",
        fee: "50.00",
        senderName: "Ravi",
        recipientName: "Anil Sharma",
        recipientAccountLast4: "7890",
        time: "2026-01-14T09:00:00.000Z",
        details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
        tid: TID,
        checkedAt: "2026-01-15T10:00:00.000Z",
        environment: "practice",
      },
    });
    assert.deepEqual(await withSignatures(calls), [
      { step: "inquiry", endpoint: practiceEndpoint, tid: TID, timeoutMs: 4_321 },
    ]);
    assert.deepEqual(lines, [
      {
        entry: {
          at: "2026-01-15T10:00:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "inquiry:tx_status=3",
          ekoStatus: 0,
          responseTypeId: 1400,
        },
        durability: "group",
      },
    ]);
    assert.deepEqual(finished, [], "a refund pending is not finished");
  });

  test("no longer waiting: finished; a plain check that finds it refunded has no refund facts", async () => {
    for (const [status, state] of [
      [4, "refunded"],
      [0, "success"],
      [null, "unknown"],
    ] as const) {
      const { flow, lines, finished } = flowWith({ inquiry: [tx(status, state)] });
      assert.ok((await flow.inquire({ tid: TID })).ok);
      assert.deepEqual(finished, [TID], state);
      assert.equal(lines[0]?.entry.outcome, `inquiry:tx_status=${status ?? "none"}`);
      assert.equal(lines[0]?.entry.refundedAmount, undefined);
      assert.equal(lines[0]?.entry.agentCode, undefined, "only a check after a lost refund answer carries its facts");
    }
  });

  test("no answer: the error as the client gave it, journaled at the desk's corrected time", async () => {
    const { flow, lines, finished } = flowWith({ inquiry: [offline] });
    assert.deepEqual(await flow.inquire({ tid: TID }), offline);
    assert.deepEqual(lines, [
      {
        entry: { at: "2026-01-15T11:30:00.000Z", tid: TID, environment: "practice", outcome: "inquiry:offline" },
        durability: "group",
      },
    ]);
    assert.deepEqual(finished, []);
  });

  test("a tid that is not one is refused before its lock and Eko", async () => {
    const { flow, calls, lines } = flowWith({ inquiry: [tx(3, "refund-pending")] });
    assert.deepEqual(await flow.inquire({ tid: "12a" }), {
      ok: false,
      error: { kind: "invalid-input", field: "tid", reason: "not-digits" },
    });
    assert.deepEqual([calls, lines], [[], []]);
  });

  test("settings that are not complete: not-configured, and the tid is free again for the next try", async () => {
    const { flow, calls } = flowWith({}, { settings: { environment: "uat", userCode: "20810200" } });
    const missing = {
      ok: false,
      error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey"] },
    };
    assert.deepEqual(await flow.inquire({ tid: TID }), missing);
    assert.deepEqual(await flow.inquire({ tid: TID }), missing, "not busy: the lock was released");
    assert.deepEqual(calls, []);
  });

  test("a tid another request holds is busy, and stays held by it; another tid goes through", async () => {
    const locks = createTidLocks();
    const lock = locks.acquire(TID, LEASE_MS);
    const { flow, calls } = flowWith({ inquiry: [tx(3, "refund-pending")] }, { locks });
    assert.deepEqual(await flow.inquire({ tid: TID }), { ok: false, error: { kind: "busy", tid: TID } });
    assert.deepEqual(calls, []);
    assert.deepEqual(
      locks.acquire(TID, LEASE_MS),
      err({ kind: "busy", tid: TID }),
      "the busy answer did not release the holder's lock",
    );
    if (lock.ok) lock.value();
    assert.ok((await flow.inquire({ tid: TID })).ok);
    assert.ok(locks.acquire(TID, LEASE_MS).ok, "released after the check");
  });
});

describe("a refund with Eko's answer", () => {
  test("the receipt: Eko's amounts and ids, the time it answered, confirmed by the refund", async () => {
    const { flow, calls, finished } = flowWith({ refund: [refunded()] });
    const result = await flow.refund({
      tid: TID,
      otp: TEST_SECRETS.otps.practice,
      otpRefId: `ref-abcdef${TEST_SECRETS.otps.practice}`,
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        refundTid: "2882755",
        refundedAmount: "5000.00",
        fee: "45.00",
        balance: "12345.67",
        details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 74 },
        tid: TID,
        refundedAt: "2026-01-15T10:00:00.000Z",
        environment: "practice",
        confirmedBy: "refund",
        transaction: null,
      },
    });
    assert.deepEqual(await withSignatures(calls), [
      {
        step: "refund",
        endpoint: practiceEndpoint,
        request: { tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: `ref-abcdef${TEST_SECRETS.otps.practice}` },
        timeoutMs: 4_321,
      },
    ]);
    assert.deepEqual(finished, [TID]);
  });

  test("Eko's own refund time is kept when it gave one", async () => {
    const { flow } = flowWith({ refund: [refunded({ refundedAt: "2026-01-15T09:59:58.000Z" })] });
    const result = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice });
    assert.equal(result.ok && result.value.refundedAt, "2026-01-15T09:59:58.000Z");
  });

  test("the refund's journal line, on disk at once: Eko's facts, the checked transfer's, the agent code", async () => {
    const { flow, lines } = flowWith({ inquiry: [tx(3, "refund-pending")], refund: [refunded()] });
    await flow.inquire({ tid: TID });
    await flow.refund({
      tid: TID,
      otp: TEST_SECRETS.otps.practice,
      otpRefId: `ref-abcdef${TEST_SECRETS.otps.practice}`,
    });
    assert.deepEqual(lines[1], {
      entry: {
        at: "2026-01-15T10:00:00.000Z",
        tid: TID,
        environment: "practice",
        outcome: "refund:refunded",
        ekoStatus: 0,
        responseTypeId: 74,
        otpRefTail: TEST_SECRETS.otps.practice,
        refundedAmount: "5000.00",
        fee: "45.00",
        refundTid: "2882755",
        txAmount: "5000.00",
        txTime: "2026-01-14T09:00:00.000Z",
        accountLast4: "7890",
        agentCode: "20810200",
      },
      durability: "now",
    });
  });

  test("without a check before it, the line has Eko's facts only; without an otp_ref_id, no reference", async () => {
    const { flow, lines } = flowWith({ refund: [refunded()] });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice });
    assert.deepEqual(lines[0]?.entry, {
      at: "2026-01-15T10:00:00.000Z",
      tid: TID,
      environment: "practice",
      outcome: "refund:refunded",
      ekoStatus: 0,
      responseTypeId: 74,
      refundedAmount: "5000.00",
      fee: "45.00",
      refundTid: "2882755",
      agentCode: "20810200",
    });
  });

  test("a refusal: journaled at once by kind and reference, at the desk time; the tid is settled", async () => {
    const unsettled = createUnsettledRefunds();
    const refusal = err<RefundDeskError>({ kind: "insufficient-balance", details: { ekoStatus: 347 } });
    const { flow, lines, finished } = flowWith({ refund: [refusal] }, { unsettled });
    assert.deepEqual(
      await flow.refund({
        tid: TID,
        otp: TEST_SECRETS.otps.practice,
        otpRefId: `ref-abcdef${TEST_SECRETS.otps.practice}`,
      }),
      refusal,
    );
    assert.deepEqual(lines, [
      {
        entry: {
          at: "2026-01-15T11:30:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "refund:insufficient-balance",
          ekoStatus: 347,
          otpRefTail: TEST_SECRETS.otps.practice,
        },
        durability: "now",
      },
    ]);
    assert.deepEqual([unsettled.list(), finished], [[], []]);
  });

  test("after a refund the tid is free: the next request for it is not busy", async () => {
    const locks = createTidLocks();
    const { flow } = flowWith({ refund: [refunded()] }, { locks });
    assert.ok((await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice })).ok);
    assert.ok(locks.acquire(TID, LEASE_MS).ok);
  });

  test("bad input is refused before anything: the OTP, then the otp_ref_id, then the tid", async () => {
    const { flow, calls, lines } = flowWith({ refund: [refunded()] });
    const refusals = [
      [{ tid: "x", otp: "12", otpRefId: " " }, "otp"],
      [{ tid: "x", otp: TEST_SECRETS.otps.practice, otpRefId: " " }, "otpRefId"],
      [{ tid: "x", otp: TEST_SECRETS.otps.practice, otpRefId: "ref" }, "tid"],
    ] as const;
    for (const [input, field] of refusals) {
      const result = await flow.refund(input);
      assert.equal(!result.ok && result.error.kind === "invalid-input" && result.error.field, field);
    }
    assert.deepEqual([calls, lines], [[], []]);
  });

  test("settings that are not complete: not-configured before the hold or Eko", async () => {
    const unsettled = createUnsettledRefunds();
    const { flow, calls } = flowWith({ refund: [refunded()] }, { settings: { environment: "uat" }, unsettled });
    const result = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice });
    assert.deepEqual(result, {
      ok: false,
      error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey", "userCode"] },
    });
    assert.deepEqual([calls, unsettled.list()], [[], []]);
  });
});

test("a desk told of no finished refunds still checks and refunds", async () => {
  const { flow } = flowWith({ inquiry: [tx(0, "success")], refund: [refunded()] }, { tellFinished: false });
  assert.equal((await flow.inquire({ tid: TID })).ok, true);
  assert.equal((await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice })).ok, true);
});

describe("wrong OTPs", () => {
  test("counted per otp_ref_id, the failure SMS's apart, with Eko's details kept", async () => {
    const { flow } = flowWith({ refund: [wrongOtp, wrongOtp, wrongOtp, wrongOtp, wrongOtp] });
    const first = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong1, otpRefId: "ref-1" });
    assert.deepEqual(first, { ok: false, error: { kind: "wrong-otp", tries: 1, details: { ekoStatus: 302 } } });
    const counts = [
      triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong2, otpRefId: "ref-1" })),
      triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong3, otpRefId: "ref-2" })),
      triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong4 })),
      triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong5, otpRefId: "ref-1" })),
    ];
    assert.deepEqual(counts, [2, 1, 1, 3]);
  });

  test("a refund made starts the count again", async () => {
    const { flow } = flowWith({ refund: [wrongOtp, wrongOtp, refunded(), wrongOtp] });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong1, otpRefId: "ref-1" });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong2, otpRefId: "ref-1" });
    assert.ok((await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" })).ok);
    assert.equal(triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong3, otpRefId: "ref-1" })), 1);
  });

  test("a refund confirmed by the check after a lost answer starts the count again", async () => {
    const { flow } = flowWith({
      refund: [wrongOtp, timeout, wrongOtp],
      inquiry: [tx(4, "refunded")],
    });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong1, otpRefId: "ref-1" });
    assert.ok((await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" })).ok);
    assert.equal(triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong3, otpRefId: "ref-1" })), 1);
  });

  test("a lost answer that turned out not done keeps the count", async () => {
    const { flow } = flowWith({
      refund: [wrongOtp, timeout, wrongOtp],
      inquiry: [tx(3, "refund-pending")],
    });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong1, otpRefId: "ref-1" });
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" });
    assert.equal(triesOf(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.wrong3, otpRefId: "ref-1" })), 2);
  });
});

describe("a refusal with the OTP from the failure SMS", () => {
  test("Eko's unexplained refusal asks for an OTP sent by the app, naming the tid", async () => {
    const refusal = err<RefundDeskError>({ kind: "eko", code: 1, message: "Failed", details: { ekoStatus: 1 } });
    const { flow } = flowWith({ refund: [refusal] });
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "otp-ref-needed", tid: TID, details: { ekoStatus: 1 } },
    });
  });

  test("a refusal with a named reason is that reason", async () => {
    const expired = err<RefundDeskError>({ kind: "otp-expired", details: { ekoStatus: 303 } });
    const { flow } = flowWith({ refund: [expired] });
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), expired);
  });
});

describe("a refund whose answer was lost", () => {
  test("the check finds the refund made: the receipt from the check, journaled at once with its facts", async () => {
    const unsettled = createUnsettledRefunds();
    const { flow, calls, lines, slept, finished } = flowWith(
      { refund: [timeout], inquiry: [tx(4, "refunded", { fee: "52.00", statusText: "Refunded" })] },
      { unsettled },
    );
    const result = await flow.refund({
      tid: TID,
      otp: TEST_SECRETS.otps.practice,
      otpRefId: `ref-abcdef${TEST_SECRETS.otps.practice}`,
    });
    const transaction = {
      txStatus: 4,
      state: "refunded",
      statusText: "Refunded",
      amount: "5000.00",
      fee: "52.00",
      senderName: "Ravi",
      recipientName: "Anil Sharma",
      recipientAccountLast4: "7890",
      time: "2026-01-14T09:00:00.000Z",
      details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
      tid: TID,
      checkedAt: "2026-01-15T10:00:00.000Z",
      environment: "practice",
    };
    assert.deepEqual(result, {
      ok: true,
      value: {
        tid: TID,
        refundTid: null,
        refundedAmount: null,
        fee: null,
        balance: null,
        refundedAt: "2026-01-15T10:00:00.000Z",
        environment: "practice",
        confirmedBy: "inquiry",
        transaction,
        details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
      },
    });
    assert.deepEqual(slept, [3_000]);
    assert.deepEqual(
      calls.map((c) => [c.step, c.timeoutMs]),
      [
        ["refund", 4_321],
        ["inquiry", 4_321],
      ],
    );
    assert.deepEqual(lines, [
      {
        entry: {
          at: "2026-01-15T11:30:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "refund:timeout",
          otpRefTail: TEST_SECRETS.otps.practice,
        },
        durability: "now",
      },
      {
        entry: {
          at: "2026-01-15T10:00:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "refund-check:tx_status=4",
          ekoStatus: 0,
          responseTypeId: 1400,
          txAmount: "5000.00",
          txTime: "2026-01-14T09:00:00.000Z",
          accountLast4: "7890",
          agentCode: "20810200",
        },
        durability: "now",
      },
    ]);
    assert.deepEqual([unsettled.list(), finished], [[], [TID]]);
  });

  test("still pending: refund-not-done with the lost answer details; the tid is free", async () => {
    const unsettled = createUnsettledRefunds();
    const { flow, lines, finished } = flowWith(
      { refund: [timeout], inquiry: [tx(3, "refund-pending")] },
      { unsettled },
    );
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "refund-not-done", tid: TID, details: { cause: "no answer" } },
    });
    assert.deepEqual(lines[1]?.entry, {
      at: "2026-01-15T10:00:00.000Z",
      tid: TID,
      environment: "practice",
      outcome: "refund-check:tx_status=3",
      ekoStatus: 0,
      responseTypeId: 1400,
    });
    assert.deepEqual([unsettled.list(), finished], [[], []]);
  });

  test("the check finds another state: not-refund-pending with the check's status and details", async () => {
    const { flow } = flowWith({ refund: [offline], inquiry: [tx(1, "failed", { details: { ekoStatus: 0 } })] });
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "not-refund-pending", tid: TID, txStatus: 1, state: "failed", details: { ekoStatus: 0 } },
    });
  });

  test("the check is lost too: outcome unknown with the lost answer details; the tid stays held", async () => {
    const unsettled = createUnsettledRefunds();
    const { flow, calls, lines } = flowWith({ refund: [timeout], inquiry: [offline] }, { unsettled });
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "refund-outcome-unknown", tid: TID, details: { cause: "no answer" } },
    });
    assert.deepEqual(lines[1], {
      entry: { at: "2026-01-15T11:30:00.000Z", tid: TID, environment: "practice", outcome: "refund-check:offline" },
      durability: "now",
    });
    assert.deepEqual(unsettled.list(), [TID]);
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "refund-outcome-unknown", tid: TID, details: { cause: "awaiting-inquiry" } },
    });
    assert.equal(calls.length, 2, "the held refund was not sent again");
  });

  test("every answer that is not Eko's own is lost; any refusal from Eko is not", async () => {
    const lostKinds: RefundDeskError[] = [
      { kind: "timeout", afterMs: 1, details: {} },
      { kind: "offline", details: {} },
      { kind: "server", details: {} },
      { kind: "bad-response", details: {} },
    ];
    for (const error of lostKinds) {
      const { calls } = await runOnce(error);
      assert.deepEqual(calls, ["refund", "inquiry"], error.kind);
    }
    const answered: RefundDeskError[] = [
      { kind: "tls", details: {} },
      { kind: "auth-rejected", details: {} },
      { kind: "already-refunded", details: {} },
      { kind: "internal", details: {} },
    ];
    for (const error of answered) {
      const { calls, result, held } = await runOnce(error);
      assert.deepEqual([calls, result, held], [["refund"], err(error), []], error.kind);
    }
  });

  async function runOnce(error: RefundDeskError) {
    const unsettled = createUnsettledRefunds();
    const { flow, calls } = flowWith({ refund: [err(error)], inquiry: [offline] }, { unsettled });
    const result = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" });
    return { calls: calls.map((c) => c.step), result, held: unsettled.list() };
  }
});

describe("the hold on a refund without a settled answer", () => {
  test("a hold that cannot be saved refuses the refund before Eko, and journals nothing", async () => {
    const unsettled: UnsettledRefunds = {
      mark: () => false,
      settle: () => undefined,
      has: () => false,
      list: () => [],
    };
    const { flow, calls, lines } = flowWith({ refund: [refunded()] }, { unsettled });
    assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }), {
      ok: false,
      error: { kind: "refund-not-recorded", tid: TID, details: { cause: "unsettled-refunds-write" } },
    });
    assert.deepEqual([calls, lines], [[], []]);
  });

  test("the tid is marked before the POST leaves and settled by Eko's answer", async () => {
    const unsettled = createUnsettledRefunds();
    const heldAsSent: string[][] = [];
    const { flow } = flowWith(
      { refund: [refunded()], sending: () => heldAsSent.push(unsettled.list()) },
      { unsettled },
    );
    assert.ok((await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice })).ok);
    assert.deepEqual([heldAsSent, unsettled.list()], [[[TID]], []]);
  });

  test("a check that answers lifts the hold; one that does not keeps it", async () => {
    const unsettled = createUnsettledRefunds();
    unsettled.mark(TID);
    const { flow } = flowWith({ inquiry: [offline, tx(3, "refund-pending")] }, { unsettled });
    await flow.inquire({ tid: TID });
    assert.deepEqual(unsettled.list(), [TID]);
    await flow.inquire({ tid: TID });
    assert.deepEqual(unsettled.list(), []);
  });
});

describe("an answer whose journal line cannot be written is not given", () => {
  for (const { name, journal } of brokenJournals()) {
    test(`${name}: a check is refused as not-journaled with what Eko said; a held tid stays held`, async () => {
      const unsettled = createUnsettledRefunds();
      const { flow } = flowWith({ inquiry: [tx(3, "refund-pending"), tx(4, "refunded")] }, { journal, unsettled });
      assert.deepEqual(await flow.inquire({ tid: TID }), {
        ok: false,
        error: {
          kind: "not-journaled",
          step: "check",
          tid: TID,
          outcome: "tx_status=3",
          details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
        },
      });
      unsettled.mark(TID);
      const held = await flow.inquire({ tid: TID });
      assert.deepEqual(!held.ok && [held.error.kind, "step" in held.error && held.error.step], [
        "not-journaled",
        "refund",
      ]);
      assert.deepEqual(unsettled.list(), [TID]);
    });

    test(`${name}: a refund made says it was made (its refund id); the tid stays held, no second POST`, async () => {
      const unsettled = createUnsettledRefunds();
      const { flow, calls, finished } = flowWith({ refund: [refunded()] }, { journal, unsettled });
      assert.deepEqual(await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-abcdef778899" }), {
        ok: false,
        error: {
          kind: "not-journaled",
          step: "refund",
          tid: TID,
          outcome: "refunded",
          refundTid: "2882755",
          details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 74 },
        },
      });
      assert.deepEqual(unsettled.list(), [TID]);
      const again = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-abcdef778899" });
      assert.equal(!again.ok && again.error.kind, "refund-outcome-unknown");
      assert.deepEqual([calls.length, finished], [1, []]);
    });
  }

  test("a lost answer whose check finds it refunded but cannot record it: says the refund was made; the hold stays", async () => {
    const unsettled = createUnsettledRefunds();
    // The disk fills after the refund's line, as the check after it leaves.
    const filling: { disk?: { full: boolean } } = {};
    let requests = 0;
    const script = {
      refund: [timeout],
      inquiry: [tx(4, "refunded")],
      sending: () => {
        requests += 1;
        if (requests === 2 && filling.disk) filling.disk.full = true;
      },
    };
    const { flow, disk, lines } = flowWith(script, { unsettled });
    filling.disk = disk;
    const result = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-abcdef778899" });
    assert.deepEqual(!result.ok && result.error, {
      kind: "not-journaled",
      step: "refund",
      tid: TID,
      outcome: "refunded",
      details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 1400 },
    });
    assert.deepEqual(
      lines.map((l) => l.entry.outcome),
      ["refund:timeout"],
    );
    assert.deepEqual(unsettled.list(), [TID]);
  });

  test("once the journal writes again, the check of the held tid records the refund with its facts and lifts the hold", async () => {
    const unsettled = createUnsettledRefunds();
    const { flow, lines, disk } = flowWith(
      { inquiry: [tx(3, "refund-pending"), tx(4, "refunded")], refund: [refunded()] },
      { unsettled },
    );
    await flow.inquire({ tid: TID });
    disk.full = true;
    await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice, otpRefId: "ref-abcdef778899" });
    disk.full = false;
    const check = await flow.inquire({ tid: TID });
    assert.equal(check.ok && check.value.state, "refunded");
    assert.deepEqual(lines.at(-1), {
      entry: {
        at: "2026-01-15T10:00:00.000Z",
        tid: TID,
        environment: "practice",
        outcome: "refund-check:tx_status=4",
        ekoStatus: 0,
        responseTypeId: 1400,
        txAmount: "5000.00",
        txTime: "2026-01-14T09:00:00.000Z",
        accountLast4: "7890",
        agentCode: "20810200",
      },
      durability: "now",
    });
    assert.deepEqual(unsettled.list(), []);
  });
});

describe("every refund line carries the transfer's amount, time and account, however it was made", () => {
  const transfer = { txAmount: "5000.00", txTime: "2026-01-14T09:00:00.000Z", accountLast4: "7890" };
  const factsOf = (entry: JournalRecord | undefined) =>
    entry && { txAmount: entry.txAmount, txTime: entry.txTime, accountLast4: entry.accountLast4 };

  test("the CLI's (checkFirst, a tid this process has not checked): checked under the same lock, then refunded", async () => {
    const { flow, calls, lines } = flowWith({ inquiry: [tx(3, "refund-pending")], refund: [refunded()] });
    const result = await flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }, { checkFirst: true });
    assert.equal(result.ok, true);
    assert.deepEqual(
      calls.map((c) => c.step),
      ["inquiry", "refund"],
    );
    assert.deepEqual(
      lines.map((l) => l.entry.outcome),
      ["inquiry:tx_status=3", "refund:refunded"],
    );
    assert.deepEqual(factsOf(lines[1]?.entry), transfer);
  });

  test("checkFirst on a tid already checked asks Eko nothing more; on one not waiting, no refund goes", async () => {
    const checked = flowWith({ inquiry: [tx(3, "refund-pending")], refund: [refunded()] });
    await checked.flow.inquire({ tid: TID });
    await checked.flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }, { checkFirst: true });
    assert.deepEqual(
      checked.calls.map((c) => c.step),
      ["inquiry", "refund"],
    );
    const done = flowWith({ inquiry: [tx(0, "success")], refund: [refunded()] });
    const refused = await done.flow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice }, { checkFirst: true });
    assert.deepEqual(!refused.ok && [refused.error.kind, "state" in refused.error && refused.error.state], [
      "not-refund-pending",
      "success",
    ]);
    assert.deepEqual(
      done.calls.map((c) => c.step),
      ["inquiry"],
    );
  });

  test("restored after a restart: the agent's check of a held tid that finds it refunded is the refund's line, on disk at once", async () => {
    const unsettled = createUnsettledRefunds();
    unsettled.mark(TID);
    const { flow, lines } = flowWith({ inquiry: [tx(4, "refunded")] }, { unsettled });
    await flow.inquire({ tid: TID });
    assert.equal(lines[0]?.entry.outcome, "refund-check:tx_status=4");
    assert.equal(lines[0]?.durability, "now");
    assert.deepEqual(factsOf(lines[0]?.entry), transfer);
    assert.deepEqual(unsettled.list(), []);
  });

  test("a plain check of a tid not held is a check, whatever it finds", async () => {
    const { flow, lines } = flowWith({ inquiry: [tx(4, "refunded")] });
    await flow.inquire({ tid: TID });
    assert.deepEqual(lines[0]?.entry.outcome, "inquiry:tx_status=4");
    assert.equal(factsOf(lines[0]?.entry)?.txAmount, undefined);
  });
});
