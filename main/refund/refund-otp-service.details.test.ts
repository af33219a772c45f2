/**
 * Get Refund OTP with a scripted Eko, an in-memory journal and session, and a clock the test moves:
 * the exact answer, journal line and cooldown edges. Quick: no simulator, no files, no waits.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskError } from "../../app/errors";
import type { OtpSent } from "../../app/refund-otp";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import type { EkoClient, EkoEndpoint } from "../eko/eko-client";
import type { Durability } from "../journal/group-commit";
import type { Journal, JournalRecord } from "../journal/journal";
import { createAccessKey } from "../keychain/access-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners, signatureOf, withSignatures } from "../test-support/signers";
import { createRefundOtpService } from "./refund-otp-service";
import type { SessionMemory } from "./session-memory";
import { createTidLocks, type TidLocks } from "./tid-locks";
import { brokenJournals } from "../test-support/broken-journals";

const TID = "13192443";
/** Long enough that no lock lapses while a test runs. */
const LEASE_MS = 60_000;
const ANSWERED = Date.parse("2026-01-15T10:00:00.000Z");
/** The clock corrected by Eko's Date: the journal's time for a request Eko did not answer. */
const EKO_NOW = Date.parse("2026-01-15T12:00:00.000Z");
const BASE_URL = "http://127.0.0.1:9/ekoapi/v3";

type Answer = Result<{ otpRefId: string; details: Record<string, unknown>; answeredAt: number }, RefundDeskError>;

const sent = (otpRefId = "ref-0000abcdef"): Answer =>
  ok({ otpRefId, details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 321 }, answeredAt: ANSWERED });

function serviceWith(
  answers: Answer[],
  options: { settings?: Partial<Settings>; locks?: TidLocks; pending?: Promise<void>; journal?: Journal } = {},
) {
  const clock = { now: 1_000 };
  const calls: { endpoint: EkoEndpoint; tid: string; timeoutMs: number }[] = [];
  const lines: { entry: JournalRecord; durability: Durability | undefined }[] = [];
  const remembered: [string, string, Result<OtpSent, RefundDeskError>][] = [];
  const client: EkoClient = {
    async getRefundOtp(endpoint, tid, timeoutMs) {
      calls.push({ endpoint, tid, timeoutMs });
      await options.pending;
      return (answers.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } })) as never;
    },
    probe: async () => err({ kind: "internal", details: {} }),
    pendingRefunds: async () => err({ kind: "internal", details: {} }),
    initiateRefund: async () => err({ kind: "internal", details: {} }),
    inquireTransaction: async () => err({ kind: "internal", details: {} }),
  };
  const journal: Journal = {
    append(entry, durability) {
      lines.push({ entry, durability });
      return true;
    },
    read: async () => ({ entries: [], skipped: 0 }),
    pieces: async function* () {},
    cut: () => false,
    close: () => undefined,
  };
  const session: SessionMemory = {
    remember: (tid, at, result) => remembered.push([tid, at, result]),
    forget: () => undefined,
    outcomes: () => [],
  };
  const request = createRefundOtpService({
    client,
    settings: () => ({ ...DEFAULT_SETTINGS, timeoutMs: 4_321, resendCooldownMs: 500, ...options.settings }),
    practice: { baseUrl: async () => BASE_URL, close: async () => undefined },
    signers: keychainSigners(createAccessKey(memoryKeyStore())),
    journal: options.journal ?? journal,
    session,
    now: () => clock.now,
    ekoNow: () => EKO_NOW,
    ...(options.locks ? { locks: options.locks } : {}),
  });
  return { request, clock, calls, lines, remembered };
}

describe("an OTP sent", () => {
  test("the answer: the otp_ref_id, when Eko answered and when the tid may ask again", async () => {
    const { request, calls, remembered } = serviceWith([sent()]);
    const result = await request({ tid: ` ${TID} ` });
    const value = {
      tid: TID,
      otpRefId: "ref-0000abcdef",
      sentAt: "2026-01-15T10:00:00.000Z",
      environment: "practice",
      resendAfter: "2026-01-15T10:00:00.500Z",
      details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 321 },
    };
    assert.deepEqual(result, { ok: true, value });
    assert.deepEqual(await withSignatures(calls), [
      {
        endpoint: {
          developerKey: "becbbce45f79c6f5109f848acd540567",
          signer: signatureOf("d2fe1d99-6298-4af2-8cc5-d97dcf46df30"),
          initiatorId: "9962981729",
          baseUrl: BASE_URL,
        },
        tid: TID,
        timeoutMs: 4_321,
      },
    ]);
    assert.deepEqual(remembered, [[TID, "2026-01-15T10:00:00.000Z", { ok: true, value }]]);
  });

  test("one journal line with Eko's status, its response type and the reference's last 6 characters", async () => {
    const { request, lines } = serviceWith([sent()]);
    await request({ tid: TID });
    assert.deepEqual(lines, [
      {
        entry: {
          at: "2026-01-15T10:00:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "otp-sent",
          ekoStatus: 0,
          responseTypeId: 321,
          otpRefTail: "abcdef",
        },
        durability: undefined,
      },
    ]);
  });

  test("a refusal: journaled by kind at the clock corrected by Eko's Date, no reference; the session is told", async () => {
    const refusal = err<RefundDeskError>({ kind: "already-refunded", details: { ekoStatus: 1, responseTypeId: 0 } });
    const { request, lines, remembered } = serviceWith([refusal]);
    assert.deepEqual(await request({ tid: TID }), refusal);
    assert.deepEqual(
      lines.map((l) => l.entry),
      [
        {
          at: "2026-01-15T12:00:00.000Z",
          tid: TID,
          environment: "practice",
          outcome: "already-refunded",
          ekoStatus: 1,
          responseTypeId: 0,
        },
      ],
    );
    assert.deepEqual(remembered, [[TID, "2026-01-15T12:00:00.000Z", refusal]]);
  });

  test("an error without Eko's status has no status columns", async () => {
    const { request, lines } = serviceWith([err({ kind: "offline", details: { cause: "ECONNREFUSED" } })]);
    await request({ tid: TID });
    assert.deepEqual(Object.keys(lines[0]?.entry ?? {}), ["at", "tid", "environment", "outcome"]);
  });
});

describe("the resend cooldown", () => {
  test("after an OTP went out the tid waits exactly the cooldown, counted on the desk's clock", async () => {
    const { request, clock, calls } = serviceWith([sent(), sent("ref-2")]);
    assert.ok((await request({ tid: TID })).ok);
    clock.now = 1_499;
    assert.deepEqual(await request({ tid: TID }), {
      ok: false,
      error: { kind: "cooldown", tid: TID, retryAfterMs: 1 },
    });
    assert.equal(calls.length, 1, "a refused resend does not reach Eko");
    clock.now = 1_500;
    const again = await request({ tid: TID });
    assert.equal(again.ok && again.value.otpRefId, "ref-2");
  });

  test("a cooldown refusal is not journaled nor remembered", async () => {
    const { request, lines, remembered } = serviceWith([sent()]);
    await request({ tid: TID });
    await request({ tid: TID });
    assert.deepEqual([lines.length, remembered.length], [1, 1]);
  });

  test("a timeout may have reached Eko: it holds the cooldown too", async () => {
    const { request, clock } = serviceWith([err({ kind: "timeout", afterMs: 4_321, details: {} })]);
    await request({ tid: TID });
    clock.now = 1_200;
    assert.deepEqual(await request({ tid: TID }), {
      ok: false,
      error: { kind: "cooldown", tid: TID, retryAfterMs: 300 },
    });
  });

  test("a refusal or a network error holds none, and one tid's cooldown is not another's", async () => {
    const { request, calls } = serviceWith([
      err({ kind: "unknown-tid", details: {} }),
      err({ kind: "offline", details: {} }),
      sent(),
      sent(),
    ]);
    await request({ tid: TID });
    await request({ tid: TID });
    assert.ok((await request({ tid: TID })).ok);
    assert.ok((await request({ tid: "13192444" })).ok);
    assert.equal(calls.length, 4);
  });
});

describe("one request per tid", () => {
  test("a second request while the first is out is busy; the tid is free once it is answered", async () => {
    let answer: () => void = () => undefined;
    const pending = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const { request, calls } = serviceWith([sent(), sent("ref-2")], { settings: { resendCooldownMs: 0 }, pending });
    const first = request({ tid: TID });
    assert.deepEqual(await request({ tid: TID }), { ok: false, error: { kind: "busy", tid: TID } });
    answer();
    assert.ok((await first).ok);
    assert.ok((await request({ tid: TID })).ok);
    assert.equal(calls.length, 2);
  });

  test("locks shared with the refund flow: a tid it holds is busy and stays its", async () => {
    const locks = createTidLocks();
    const lock = locks.acquire(TID, LEASE_MS);
    const { request, calls } = serviceWith([sent()], { locks });
    assert.deepEqual(await request({ tid: TID }), { ok: false, error: { kind: "busy", tid: TID } });
    assert.deepEqual(locks.acquire(TID, LEASE_MS), err({ kind: "busy", tid: TID }));
    if (lock.ok) lock.value();
    assert.ok((await request({ tid: TID })).ok);
    assert.ok(locks.acquire(TID, LEASE_MS).ok, "released after the request");
    assert.equal(calls.length, 1);
  });

  test("settings that are not complete: not-configured, nothing journaled, and the tid is free again", async () => {
    const locks = createTidLocks();
    const { request, calls, lines, remembered } = serviceWith([sent()], { settings: { environment: "uat" }, locks });
    const missing = {
      ok: false,
      error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey"] },
    };
    assert.deepEqual(await request({ tid: TID }), missing);
    assert.ok(locks.acquire(TID, LEASE_MS).ok);
    assert.deepEqual([calls, lines, remembered], [[], [], []]);
  });

  test("a tid that is not one is refused before anything", async () => {
    const { request, calls } = serviceWith([sent()]);
    assert.deepEqual(await request({ tid: "1".repeat(21) }), {
      ok: false,
      error: { kind: "invalid-input", field: "tid", reason: "too-long" },
    });
    assert.equal(calls.length, 0);
  });
});

describe("an OTP whose journal line cannot be written", () => {
  for (const { name, journal } of brokenJournals()) {
    test(`${name}: refused as not-journaled, saying the OTP went out (its reference's tail); the resend waits`, async () => {
      const { request, clock, calls, remembered } = serviceWith([sent("ref-0000abcdef")], { journal });
      const refused = {
        ok: false,
        error: {
          kind: "not-journaled",
          step: "otp",
          tid: TID,
          outcome: "otp-sent",
          otpRefTail: "abcdef",
          details: { httpStatus: 200, ekoStatus: 0, responseTypeId: 321 },
        },
      };
      assert.deepEqual(await request({ tid: TID }), refused);
      assert.deepEqual(remembered, [[TID, "2026-01-15T10:00:00.000Z", refused]]);
      clock.now += 100;
      assert.equal(((await request({ tid: TID })) as { error: RefundDeskError }).error.kind, "cooldown");
      assert.equal(calls.length, 1);
    });
  }

  test("an OTP Eko did not send, not journaled: refused with Eko's refusal as the outcome", async () => {
    const journal = brokenJournals()[0]!.journal;
    const { request } = serviceWith([err({ kind: "otp-not-sent", details: { ekoStatus: 0 } })], { journal });
    assert.deepEqual(await request({ tid: TID }), {
      ok: false,
      error: { kind: "not-journaled", step: "otp", tid: TID, outcome: "otp-not-sent", details: { ekoStatus: 0 } },
    });
  });
});
