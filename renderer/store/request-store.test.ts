import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundReceipt, RefundRequest } from "../../app/refund";
import type { OtpSent, Session, TidOutcome } from "../../app/refund-otp";
import { err, ok, type Result } from "../../app/result";
import type { Transaction, TxState } from "../../app/transaction";
import { clockOffsetToMention } from "../../app/clock-offset";
import { createRequestStore, ON_SCREEN_STORAGE_KEY, type RequestApi, type RequestStore } from "./request-store";
import { deferred, type Deferred } from "./test-helpers";
import {
  customerOtpOf,
  failureOf,
  failureSmsOtpOf,
  otpSentOf,
  receiptOf,
  restoredOf,
  runningOf,
  tidOf,
  transactionOf,
  unsettledOf,
} from "./request-phase";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

const SENT_AT = Date.parse("2025-11-25T08:13:05.000Z");

/**
 * A fake bridge: each inquiry, OTP request and refund waits until the test settles it and answers
 * with main's clock offset as `session` holds it then (as main's window API does); getSession
 * answers from `session` at once (set `sessionReply` to make it fail).
 */
function fakeApi(session: Session = { outcomes: [], unsettled: [], clockOffsetMs: null }) {
  const inquiries: { tid: string }[] = [];
  const calls: { tid: string }[] = [];
  const refunds: RefundRequest[] = [];
  const sessionCalls: unknown[] = [];
  const pendingTx: Deferred<Result<Transaction>>[] = [];
  const pending: Deferred<Result<OtpSent>>[] = [];
  const pendingRefund: Deferred<Result<RefundReceipt>>[] = [];
  const state = { session, sessionReply: null as Result<Session> | null };
  const wait = async <T>(list: Deferred<Result<T>>[]) => {
    const d = deferred<Result<T>>();
    list.push(d);
    return { ...(await d.promise), after: { clockOffsetMs: state.session.clockOffsetMs } };
  };
  const api: RequestApi = {
    inquireTransaction(request) {
      inquiries.push(request);
      return wait(pendingTx);
    },
    requestRefundOtp(request) {
      calls.push(request);
      return wait(pending);
    },
    refund(request) {
      refunds.push(request);
      return wait(pendingRefund);
    },
    async getSession(request) {
      sessionCalls.push(request);
      return state.sessionReply ?? ok(state.session);
    },
  };
  return { api, inquiries, calls, refunds, sessionCalls, pendingTx, pending, pendingRefund, state };
}

type Fake = ReturnType<typeof fakeApi>;

/** A clock the test moves by hand, starting when the fixture's OTP was sent. */
function manualClock(start = SENT_AT) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** An OtpSent whose resend cooldown is `cooldownMs` (0 unless a test asks). */
const sent = (tid: string, otpRefId = "REF-1", cooldownMs = 0): OtpSent => ({
  tid,
  otpRefId,
  sentAt: new Date(SENT_AT).toISOString(),
  environment: "practice",
  resendAfter: new Date(SENT_AT + cooldownMs).toISOString(),
  details: { httpStatus: 200, ekoStatus: 0 },
});

const tx = (tid: string, state: TxState = "refund-pending"): Transaction => ({
  tid,
  txStatus: state === "refunded" ? 4 : 3,
  state,
  statusText: null,
  amount: "5000.00",
  fee: "50.00",
  senderName: "Ramesh Kumar",
  recipientName: "Sunita Devi",
  recipientAccountLast4: "7890",
  time: "2025-11-03T04:45:42.000Z",
  checkedAt: "2025-11-25T08:20:00.000Z",
  environment: "practice",
  details: { httpStatus: 200, ekoStatus: 0 },
});

const receiptFor = (tid: string): RefundReceipt => ({
  tid,
  refundTid: "R-1",
  refundedAmount: "5000.00",
  fee: "50.00",
  balance: "12000.00",
  refundedAt: "2025-11-25T08:21:00.000Z",
  environment: "practice",
  confirmedBy: "refund",
  transaction: null,
  details: { httpStatus: 200, ekoStatus: 0 },
});

/** Types `tid`, checks it (refund pending) and sends the OTP: the screen with the refund form. */
async function upToRefund(fake: Fake, store: RequestStore, tid = "13192443", otp = sent(tid)): Promise<void> {
  store.getState().setTidInput(tid);
  const checked = store.getState().check();
  fake.pendingTx.at(-1)!.resolve(ok(tx(tid)));
  await checked;
  const sending = store.getState().sendOtp();
  fake.pending.at(-1)!.resolve(ok(otp));
  await sending;
}

test("check → transaction on screen; send OTP → reference on screen", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput(" 13192443 ");
  const checked = store.getState().check();
  assert.equal(runningOf(store.getState()), "check");
  assert.deepEqual(fake.inquiries, [{ tid: "13192443" }]);
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checked;
  assert.equal(runningOf(store.getState()), null);
  assert.deepEqual(transactionOf(store.getState()), tx("13192443"));
  assert.equal(fake.calls.length, 0, "the check alone sends no OTP");

  const sending = store.getState().sendOtp();
  assert.equal(runningOf(store.getState()), "send-otp");
  fake.pending[0]!.resolve(ok(sent("13192443")));
  await sending;
  assert.deepEqual(fake.calls, [{ tid: "13192443" }]);
  assert.deepEqual(otpSentOf(store.getState()), sent("13192443"));
  assert.deepEqual(transactionOf(store.getState()), tx("13192443"));
});

test("a failed check keeps the error value and its tid", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192445");
  const done = store.getState().check();
  const error = { kind: "unknown-tid", details: { ekoStatus: 168 } } as const;
  fake.pendingTx[0]!.resolve(err(error));
  await done;
  assert.deepEqual(failureOf(store.getState()), { task: "check", tid: "13192445", error });
  assert.equal(transactionOf(store.getState()), null);
});

test("an invalid tid is refused locally with invalid-input, without calling the api", async () => {
  const cases: [string, string][] = [
    ["", "empty"],
    ["   ", "empty"],
    ["12a4", "not-digits"],
    ["../1", "not-digits"],
    ["1".repeat(21), "too-long"],
  ];
  for (const [input, reason] of cases) {
    const fake = fakeApi();
    const store = createRequestStore(fake.api);
    store.getState().setTidInput(input);
    await store.getState().check();
    assert.equal(fake.inquiries.length, 0, `api called for ${JSON.stringify(input)}`);
    assert.deepEqual(failureOf(store.getState()), {
      task: "check",
      tid: null,
      error: { kind: "invalid-input", field: "tid", reason },
    });
  }
});

test("one call at a time: a second check, send or refund while one runs calls nothing", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192443");
  const first = store.getState().check();
  await store.getState().check();
  await store.getState().sendOtp();
  await store.getState().refund();
  assert.equal(fake.inquiries.length, 1);
  assert.equal(fake.calls.length + fake.refunds.length, 0);
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await first;
});

test("a double press on Refund sends one refund, with the OTP and the otp_ref_id on screen", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store, "13192443", sent("13192443", "REF-7"));
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const first = store.getState().refund();
  const second = store.getState().refund();
  await second;
  assert.deepEqual(fake.refunds, [{ tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "REF-7" }]);
  fake.pendingRefund[0]!.resolve(ok(receiptFor("13192443")));
  await first;
  assert.deepEqual(receiptOf(store.getState()), receiptFor("13192443"));
  assert.equal(otpSentOf(store.getState()), null, "the reference is used up");
  assert.equal(fake.refunds.length, 1);
});

test("the customer's OTP is kept only while the refund step runs: every way the step ends clears it", async () => {
  const endings: [string, (fake: Fake, store: RequestStore) => Promise<void>][] = [
    [
      "success",
      async (fake, store) => {
        const done = store.getState().refund();
        fake.pendingRefund.at(-1)!.resolve(ok(receiptFor("13192443")));
        await done;
      },
    ],
    [
      "wrong OTP",
      async (fake, store) => {
        const done = store.getState().refund();
        fake.pendingRefund.at(-1)!.resolve(err({ kind: "wrong-otp", tries: 1, details: { ekoStatus: 302 } }));
        await done;
      },
    ],
    [
      "answer lost",
      async (fake, store) => {
        const done = store.getState().refund();
        fake.pendingRefund.at(-1)!.resolve(err({ kind: "refund-outcome-unknown", tid: "13192443", details: {} }));
        await done;
      },
    ],
    [
      "a rejected call",
      async (fake, store) => {
        const done = store.getState().refund();
        fake.pendingRefund.at(-1)!.reject(new Error("ipc gone"));
        await done;
      },
    ],
    [
      "new request",
      async (_fake, store) => {
        assert.equal(store.getState().reset(), true);
      },
    ],
    [
      "another tid",
      async (_fake, store) => {
        store.getState().setTidInput("13192444");
      },
    ],
    [
      "a new OTP",
      async (fake, store) => {
        const done = store.getState().sendOtp();
        fake.pending.at(-1)!.resolve(ok(sent("13192443", "REF-2")));
        await done;
      },
    ],
    [
      "a new check",
      async (fake, store) => {
        const done = store.getState().check();
        fake.pendingTx.at(-1)!.resolve(ok(tx("13192443")));
        await done;
      },
    ],
  ];
  for (const [name, end] of endings) {
    const fake = fakeApi();
    const store = createRequestStore(fake.api);
    await upToRefund(fake, store);
    store.getState().setCustomerOtp(TEST_SECRETS.otps.wrongE2e);
    assert.equal(customerOtpOf(store.getState()), TEST_SECRETS.otps.wrongE2e);
    await end(fake, store);
    assert.equal(customerOtpOf(store.getState()), "", `still there after ${name}`);
    assert.doesNotMatch(JSON.stringify(store.getState()), /80417293/, `somewhere in the store after ${name}`);
  }
});

test("the customer's OTP keeps digits only, at most 8; a short one is refused before any call and stays to be fixed", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store);
  store.getState().setCustomerOtp("12 34-56789");
  assert.equal(customerOtpOf(store.getState()), "12345678");
  store.getState().setCustomerOtp("123");
  await store.getState().refund();
  assert.equal(fake.refunds.length, 0);
  assert.deepEqual(failureOf(store.getState()), {
    task: "refund",
    tid: "13192443",
    error: { kind: "invalid-input", field: "otp", reason: "too-short" },
  });
  assert.equal(customerOtpOf(store.getState()), "123");
});

test("a lost refund answer holds the tid: no refund until a check answers; refund pending then opens it again", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store, "13192456");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const lost = store.getState().refund();
  fake.pendingRefund[0]!.resolve(
    err({ kind: "refund-outcome-unknown", tid: "13192456", details: { cause: "timeout" } }),
  );
  await lost;
  assert.equal(unsettledOf(store.getState()), true);
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  await store.getState().refund();
  assert.equal(fake.refunds.length, 1, "a refund went out while the outcome was unknown");

  const again = store.getState().check();
  fake.pendingTx.at(-1)!.resolve(ok(tx("13192456")));
  await again;
  assert.equal(unsettledOf(store.getState()), false);
  assert.equal(receiptOf(store.getState()), null);
  assert.equal(otpSentOf(store.getState())?.otpRefId, "REF-1", "the reference stays for the refund again");
});

test("a refund made but not journaled holds the tid: no second refund; a check that says refunded shows the receipt", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store, "13192453");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const made = store.getState().refund();
  fake.pendingRefund[0]!.resolve(
    err({ kind: "not-journaled", step: "refund", tid: "13192453", outcome: "refunded", refundTid: "77", details: {} }),
  );
  await made;
  assert.equal(store.getState().phase.phase, "unsettled");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  await store.getState().refund();
  assert.equal(fake.refunds.length, 1, "a second refund went out after one made");

  const again = store.getState().check();
  fake.pendingTx.at(-1)!.resolve(ok(tx("13192453", "refunded")));
  await again;
  assert.equal(receiptOf(store.getState())?.confirmedBy, "inquiry");
});

test("a lost refund answer, then a check that says refunded: the confirmation is a receipt by inquiry", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store, "13192453");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const lost = store.getState().refund();
  fake.pendingRefund[0]!.resolve(err({ kind: "refund-outcome-unknown", tid: "13192453", details: {} }));
  await lost;

  const again = store.getState().check();
  fake.pendingTx.at(-1)!.resolve(ok(tx("13192453", "refunded")));
  await again;
  const receipt = receiptOf(store.getState());
  assert.equal(receipt?.confirmedBy, "inquiry");
  assert.equal(receipt?.tid, "13192453");
  assert.equal(receipt?.refundedAt, tx("13192453").checkedAt);
  assert.equal(otpSentOf(store.getState()), null);
  assert.equal(failureOf(store.getState()), null);
});

test("a check that says refunded without a refund on this screen shows the state, not a receipt", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192444");
  const done = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192444", "refunded")));
  await done;
  assert.equal(transactionOf(store.getState())?.state, "refunded");
  assert.equal(receiptOf(store.getState()), null);
});

test("editing the field to another tid clears everything about the old one; the same tid keeps it", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  await upToRefund(fake, store);
  store.getState().setTidInput("13192443 ");
  assert.ok(otpSentOf(store.getState()));
  assert.ok(transactionOf(store.getState()));
  store.getState().setTidInput("1319244");
  assert.equal(tidOf(store.getState()), null);
  assert.equal(otpSentOf(store.getState()), null);
  assert.equal(transactionOf(store.getState()), null);
  assert.equal(store.getState().tidInput, "1319244");
});

test("editing the field while a call runs does not abandon it", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192443");
  const done = store.getState().check();
  store.getState().setTidInput("999");
  assert.equal(runningOf(store.getState()), "check");
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await done;
  assert.equal(transactionOf(store.getState())?.tid, "13192443");
});

test("a rejected promise becomes kind internal, without the thrown message", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192443");
  const done = store.getState().check();
  fake.pendingTx[0]!.reject(new Error("Error invoking remote method: at secret stack"));
  await done;
  assert.equal(failureOf(store.getState())?.error.kind, "internal");
  assert.doesNotMatch(JSON.stringify(failureOf(store.getState())), /stack/);
});

test("a method that throws synchronously or answers nonsense also becomes internal", async () => {
  for (const inquireTransaction of [
    () => {
      throw new TypeError("bridge missing");
    },
    () => Promise.resolve(undefined as unknown as Result<Transaction>),
    () => Promise.resolve({ ok: false, error: "nope" } as unknown as Result<Transaction>),
  ]) {
    const store = createRequestStore({ ...fakeApi().api, inquireTransaction });
    store.getState().setTidInput("13192443");
    await store.getState().check();
    assert.equal(failureOf(store.getState())?.error.kind, "internal");
  }
});

/** sessionStorage as the window has it: kept across a reload, empty in a new run. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

test("a reload brings back the tid that was on screen, OTP and all, marked restored: Refund waits for a fresh check", async () => {
  const older: TidOutcome = {
    tid: "13192444",
    at: "2025-11-25T08:10:00.000Z",
    result: ok(sent("13192444", "REF-OLD")),
  };
  const onScreen: TidOutcome = {
    tid: "13192443",
    at: "2025-11-25T08:13:05.000Z",
    result: ok(sent("13192443", "REF-9")),
  };
  const fake = fakeApi({ outcomes: [older, onScreen], unsettled: [], clockOffsetMs: 1_200 });
  const store = createRequestStore(fake.api, Date.now, memoryStorage({ [ON_SCREEN_STORAGE_KEY]: "13192443" }));
  await store.getState().restore();
  assert.deepEqual(fake.sessionCalls, [{}]);
  assert.equal(store.getState().tidInput, "13192443");
  assert.equal(tidOf(store.getState()), "13192443");
  assert.deepEqual(otpSentOf(store.getState()), sent("13192443", "REF-9"));
  assert.equal(restoredOf(store.getState()), true);
  assert.equal(store.getState().clockOffsetMs, 1_200);

  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  await store.getState().refund();
  assert.deepEqual(fake.refunds, [], "a restored screen refunded without a fresh check");

  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checked;
  assert.equal(restoredOf(store.getState()), false);
  assert.equal(otpSentOf(store.getState())?.otpRefId, "REF-9");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const done = store.getState().refund();
  assert.deepEqual(fake.refunds, [{ tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "REF-9" }]);
  fake.pendingRefund[0]!.resolve(ok(receiptFor("13192443")));
  await done;
});

test("a cleared or finished screen comes back empty, though main still holds an OTP for the tid", async () => {
  const outcome: TidOutcome = { tid: "13192443", at: "2025-11-25T08:13:05.000Z", result: ok(sent("13192443")) };
  const storage = memoryStorage();
  const fake = fakeApi({ outcomes: [outcome], unsettled: [], clockOffsetMs: null });
  const first = createRequestStore(fake.api, Date.now, storage);
  await upToRefund(fake, first, "13192443");
  assert.equal(storage.items.get(ON_SCREEN_STORAGE_KEY), "13192443");
  assert.equal(first.getState().reset(), true);
  const reloaded = createRequestStore(fake.api, Date.now, storage);
  await reloaded.getState().restore();
  assert.equal(tidOf(reloaded.getState()), null);

  const second = createRequestStore(fake.api, Date.now, storage);
  await upToRefund(fake, second, "13192443");
  second.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const refunding = second.getState().refund();
  fake.pendingRefund.at(-1)!.resolve(ok(receiptFor("13192443")));
  await refunding;
  assert.equal(storage.items.get(ON_SCREEN_STORAGE_KEY), "", "a receipt on screen is a finished customer");
  const afterReceipt = createRequestStore(fake.api, Date.now, storage);
  await afterReceipt.getState().restore();
  assert.equal(tidOf(afterReceipt.getState()), null);
});

test("another tid's answer on screen last: a reload does not bring back an earlier customer's OTP", async () => {
  const earlier: TidOutcome = { tid: "13192443", at: "2025-11-25T08:13:05.000Z", result: ok(sent("13192443")) };
  const store = createRequestStore(
    fakeApi({ outcomes: [earlier], unsettled: [], clockOffsetMs: null }).api,
    Date.now,
    memoryStorage({ [ON_SCREEN_STORAGE_KEY]: "13192444" }),
  );
  await store.getState().restore();
  assert.equal(tidOf(store.getState()), null);
  assert.equal(store.getState().tidInput, "");
});

test("after a restart an unsettled refund comes back, held: no refund, and a check settles it", async () => {
  const fake = fakeApi({ outcomes: [], unsettled: ["13192453"], clockOffsetMs: null });
  const store = createRequestStore(fake.api, Date.now, memoryStorage());
  await store.getState().restore();
  assert.equal(tidOf(store.getState()), "13192453");
  assert.equal(store.getState().tidInput, "13192453");
  assert.equal(unsettledOf(store.getState()), true);
  assert.equal(restoredOf(store.getState()), true);
  assert.equal(otpSentOf(store.getState()), null);
  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192453", "refunded")));
  await checked;
  assert.equal(receiptOf(store.getState())?.confirmedBy, "inquiry");
  assert.equal(restoredOf(store.getState()), false);
});

test("restore never overwrites what the agent already typed or asked; an empty or failed session changes nothing", async () => {
  const outcome = { tid: "13192443", at: "2025-11-25T08:13:05.000Z", result: ok(sent("13192443")) };
  const typed = fakeApi({ outcomes: [outcome], unsettled: [], clockOffsetMs: null });
  const store = createRequestStore(typed.api);
  store.getState().setTidInput("999");
  await store.getState().restore();
  assert.equal(store.getState().tidInput, "999");
  assert.equal(otpSentOf(store.getState()), null);

  const empty = createRequestStore(fakeApi().api);
  await empty.getState().restore();
  assert.equal(tidOf(empty.getState()), null);

  const broken = fakeApi({ outcomes: [outcome], unsettled: [], clockOffsetMs: 5_000 });
  broken.state.sessionReply = err({ kind: "internal", details: {} });
  const failing = createRequestStore(broken.api);
  await failing.getState().restore();
  assert.equal(otpSentOf(failing.getState()), null);
  assert.equal(failing.getState().clockOffsetMs, null);
});

test("sending again waits for resendAfter on the injected clock, then opens", async () => {
  const clock = manualClock();
  const fake = fakeApi();
  const store = createRequestStore(fake.api, clock.now);
  await upToRefund(fake, store, "13192443", sent("13192443", "REF-1", 30_000));
  assert.equal(store.getState().resendWaitMs(), 30_000);

  clock.advance(24_000);
  assert.equal(store.getState().resendWaitMs(), 6_000);
  await store.getState().sendOtp();
  assert.equal(fake.calls.length, 1, "a resend went out during the cooldown");

  clock.advance(5_999);
  assert.equal(store.getState().resendWaitMs(), 1);
  clock.advance(1);
  assert.equal(store.getState().resendWaitMs(), 0);
  const again = store.getState().sendOtp();
  assert.equal(fake.calls.length, 2);
  assert.equal(otpSentOf(store.getState())?.otpRefId, "REF-1", "the old reference stays on screen meanwhile");
  fake.pending[1]!.resolve(ok(sent("13192443", "REF-2")));
  await again;
  assert.equal(otpSentOf(store.getState())?.otpRefId, "REF-2");
});

test("the countdown allows for this computer's clock being off: resendAfter is on the server's clock", async () => {
  const twoHours = 2 * 3600_000;
  // The server is two hours ahead: its resendAfter is two hours after this computer's now.
  const clock = manualClock(SENT_AT - twoHours);
  const fake = fakeApi();
  const store = createRequestStore(fake.api, clock.now);
  fake.state.session = { outcomes: [], unsettled: [], clockOffsetMs: twoHours };
  await upToRefund(fake, store, "13192443", sent("13192443", "REF-1", 30_000));
  assert.equal(store.getState().clockOffsetMs, twoHours);
  assert.equal(store.getState().resendWaitMs(), 30_000);
});

test("a resend main refuses as too soon keeps the reference on screen and counts down again; another error drops it", async () => {
  const clock = manualClock();
  const fake = fakeApi();
  const store = createRequestStore(fake.api, clock.now);
  await upToRefund(fake, store);

  const again = store.getState().sendOtp();
  const error = { kind: "cooldown", tid: "13192443", retryAfterMs: 800 } as const;
  fake.pending[1]!.resolve(err(error));
  await again;
  assert.deepEqual(failureOf(store.getState()), { task: "send-otp", tid: "13192443", error });
  assert.deepEqual(otpSentOf(store.getState()), sent("13192443"));
  assert.equal(store.getState().resendWaitMs(), 800);

  clock.advance(800);
  const third = store.getState().sendOtp();
  fake.pending[2]!.resolve(err({ kind: "server", details: { httpStatus: 503 } }));
  await third;
  assert.equal(otpSentOf(store.getState()), null);
  assert.equal(failureOf(store.getState())?.error.kind, "server");
});

test("the clock offset comes back with each action's answer (one call per action), and is mentioned only beyond 30 s", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192443");
  const done = store.getState().check();
  fake.state.session = { outcomes: [], unsettled: [], clockOffsetMs: -7_200_400 };
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await done;
  assert.equal(fake.sessionCalls.length, 0);
  assert.equal(store.getState().clockOffsetMs, -7_200_400);

  assert.equal(clockOffsetToMention(null), null);
  assert.equal(clockOffsetToMention(0), null);
  assert.equal(clockOffsetToMention(30_000), null);
  assert.equal(clockOffsetToMention(-30_000), null);
  assert.equal(clockOffsetToMention(30_001), 30_001);
  assert.equal(clockOffsetToMention(-7_200_400), -7_200_400);
});

test("check, send OTP and refund make one call each; the offset each answer carries is the one kept", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  fake.state.session = { outcomes: [], unsettled: [], clockOffsetMs: 40_000 };
  await upToRefund(fake, store);
  assert.equal(store.getState().clockOffsetMs, 40_000);
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  fake.state.session = { outcomes: [], unsettled: [], clockOffsetMs: 41_000 };
  const refunding = store.getState().refund();
  fake.pendingRefund[0]!.resolve(ok(receiptFor("13192443")));
  await refunding;
  assert.deepEqual(
    [fake.inquiries.length, fake.calls.length, fake.refunds.length, fake.sessionCalls.length],
    [1, 1, 1, 0],
  );
  assert.equal(store.getState().clockOffsetMs, 41_000);
});

test("an answer without `after` (main refused the call before running it) keeps the offset the screen had", async () => {
  const fake = fakeApi();
  const store = createRequestStore({
    ...fake.api,
    requestRefundOtp: async () => err({ kind: "invalid-input", field: "sender", reason: "untrusted-sender" }),
  });
  fake.state.session = { outcomes: [], unsettled: [], clockOffsetMs: 90_000 };
  store.getState().setTidInput("13192443");
  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checked;
  await store.getState().sendOtp();
  assert.equal(failureOf(store.getState())?.error.kind, "invalid-input");
  assert.equal(store.getState().clockOffsetMs, 90_000);
});

test("a new request clears the field, the answers and the countdown, but never while a call runs", async () => {
  const clock = manualClock();
  const fake = fakeApi();
  const store = createRequestStore(fake.api, clock.now);
  await upToRefund(fake, store, "13192443", sent("13192443", "REF-1", 30_000));
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const refunding = store.getState().refund();
  assert.equal(store.getState().reset(), false, "reset while refunding");
  assert.equal(runningOf(store.getState()), "refund");
  fake.pendingRefund[0]!.resolve(err({ kind: "refund-not-done", tid: "13192443", details: {} }));
  await refunding;
  assert.equal(store.getState().resendWaitMs(), 30_000);

  assert.equal(store.getState().reset(), true);
  assert.equal(store.getState().tidInput, "");
  assert.equal(tidOf(store.getState()), null);
  assert.equal(transactionOf(store.getState()), null);
  assert.equal(otpSentOf(store.getState()), null);
  assert.equal(failureOf(store.getState()), null);
  assert.equal(store.getState().resendWaitMs(), 0);
});
test("the OTP from the failure SMS: chosen after a check shows refund pending, the refund goes without otp_ref_id", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().chooseFailureSmsOtp();
  assert.equal(failureSmsOtpOf(store.getState()), false, "nothing checked yet");
  store.getState().setTidInput("13192443");
  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checked;
  store.getState().chooseFailureSmsOtp();
  assert.equal(failureSmsOtpOf(store.getState()), true);
  assert.equal(fake.calls.length, 0, "no OTP sent");
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const refunding = store.getState().refund();
  assert.deepEqual(fake.refunds, [{ tid: "13192443", otp: TEST_SECRETS.otps.practice }]);
  assert.equal(Object.hasOwn(fake.refunds[0]!, "otpRefId"), false);
  fake.pendingRefund[0]!.resolve(ok(receiptFor("13192443")));
  await refunding;
  assert.deepEqual(
    [receiptOf(store.getState())?.refundTid, failureSmsOtpOf(store.getState()), customerOtpOf(store.getState())],
    ["R-1", false, ""],
  );
});

test("Eko refusing a refund without otp_ref_id closes that path and leaves Send OTP; a sent OTP then carries its reference", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192443");
  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checked;
  store.getState().chooseFailureSmsOtp();
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  const refunding = store.getState().refund();
  fake.pendingRefund[0]!.resolve(err({ kind: "otp-ref-needed", tid: "13192443", details: { ekoStatus: 1 } }));
  await refunding;
  assert.deepEqual(
    [failureOf(store.getState())?.error.kind, failureSmsOtpOf(store.getState()), customerOtpOf(store.getState())],
    ["otp-ref-needed", false, ""],
  );
  const sending = store.getState().sendOtp();
  fake.pending[0]!.resolve(ok(sent("13192443", "REF-9")));
  await sending;
  store.getState().setCustomerOtp(TEST_SECRETS.otps.other);
  void store.getState().refund();
  assert.deepEqual(fake.refunds.at(-1), { tid: "13192443", otp: TEST_SECRETS.otps.other, otpRefId: "REF-9" });
});

test("the failure-SMS choice is not offered off a refund-pending check, nor once an OTP is on screen", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api);
  store.getState().setTidInput("13192444");
  const checked = store.getState().check();
  fake.pendingTx[0]!.resolve(ok(tx("13192444", "refunded")));
  await checked;
  store.getState().chooseFailureSmsOtp();
  assert.equal(failureSmsOtpOf(store.getState()), false);
  const fake2 = fakeApi();
  const withOtp = createRequestStore(fake2.api);
  await upToRefund(fake2, withOtp);
  withOtp.getState().chooseFailureSmsOtp();
  assert.equal(failureSmsOtpOf(withOtp.getState()), false);
});

test("the state is one phase of the flow at a time, holding only what the screen has there", async () => {
  const fake = fakeApi();
  const store = createRequestStore(fake.api, manualClock().now);
  const phase = () => store.getState().phase;
  assert.deepEqual(phase(), { phase: "idle", failure: null });
  store.getState().setTidInput("13192443");
  const checking = store.getState().check();
  assert.deepEqual(phase(), {
    phase: "check",
    tid: "13192443",
    transaction: null,
    call: { task: "check", since: SENT_AT },
    failure: null,
  });
  fake.pendingTx[0]!.resolve(ok(tx("13192443")));
  await checking;
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  assert.equal(customerOtpOf(store.getState()), "", "no OTP is typed before the refund step");
  const sending = store.getState().sendOtp();
  fake.pending[0]!.resolve(ok(sent("13192443")));
  await sending;
  store.getState().setCustomerOtp(TEST_SECRETS.otps.practice);
  assert.deepEqual(phase(), {
    phase: "otp-sent",
    tid: "13192443",
    transaction: tx("13192443"),
    call: null,
    failure: null,
    otpSent: sent("13192443"),
    resendReadyAt: null,
    customerOtp: TEST_SECRETS.otps.practice,
    restored: false,
  });
  const lost = store.getState().refund();
  fake.pendingRefund[0]!.resolve(err({ kind: "refund-outcome-unknown", tid: "13192443", details: {} }));
  await lost;
  assert.deepEqual(
    [phase().phase, otpSentOf(store.getState()), customerOtpOf(store.getState())],
    ["unsettled", sent("13192443"), ""],
    "the OTP on screen stays, the one typed is gone",
  );
  const again = store.getState().check();
  fake.pendingTx[1]!.resolve(ok(tx("13192443", "refunded")));
  await again;
  assert.deepEqual(
    [phase().phase, otpSentOf(store.getState()), receiptOf(store.getState())?.confirmedBy],
    ["refunded", null, "inquiry"],
  );
});
