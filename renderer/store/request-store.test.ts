import { test } from "node:test";
import assert from "node:assert/strict";
import type { OtpSent, Session, TidOutcome } from "../../app/refund-otp";
import { err, ok, type Result } from "../../app/result";
import { clockOffsetToMention, createRequestStore, type RequestApi } from "./request-store";
import { deferred, type Deferred } from "./test-helpers";

type Reply = Result<OtpSent>;

const SENT_AT = Date.parse("2025-11-25T08:13:05.000Z");

/**
 * A fake bridge: each OTP request waits until the test settles it; getSession answers from
 * `session` at once (set `sessionReply` to make it fail).
 */
function fakeApi(session: Session = { outcomes: [], clockOffsetMs: null }) {
  const calls: { tid: string }[] = [];
  const sessionCalls: unknown[] = [];
  const pending: Deferred<Reply>[] = [];
  const state = { session, sessionReply: null as Result<Session> | null };
  const api: RequestApi = {
    requestRefundOtp(request) {
      calls.push(request);
      const d = deferred<Reply>();
      pending.push(d);
      return d.promise;
    },
    async getSession(request) {
      sessionCalls.push(request);
      return state.sessionReply ?? ok(state.session);
    },
  };
  return { api, calls, sessionCalls, pending, state };
}

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

test("idle → sending → sent", async () => {
  const { api, calls, pending } = fakeApi();
  const store = createRequestStore(api);
  assert.equal(store.getState().phase.status, "idle");

  store.getState().setTidInput(" 13192443 ");
  const done = store.getState().submit();
  assert.deepEqual(store.getState().phase, { status: "sending", tid: "13192443", previous: null });
  assert.deepEqual(calls, [{ tid: "13192443" }]);

  pending[0]!.resolve(ok(sent("13192443")));
  await done;
  assert.deepEqual(store.getState().phase, { status: "sent", result: sent("13192443") });
});

test("idle → sending → failed keeps the error value and the tid", async () => {
  const { api, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  const error = { kind: "eko", code: 319, message: "Invalid initiator", details: { ekoStatus: 319 } } as const;
  pending[0]!.resolve(err(error));
  await done;
  assert.deepEqual(store.getState().phase, { status: "failed", tid: "13192443", error, previous: null });
});

test("a second submit while sending does not call the api again", async () => {
  const { api, calls, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const first = store.getState().submit();
  await store.getState().submit();
  await store.getState().resend();
  assert.equal(calls.length, 1);
  pending[0]!.resolve(ok(sent("13192443")));
  await first;
  assert.equal(calls.length, 1);
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
    const { api, calls } = fakeApi();
    const store = createRequestStore(api);
    store.getState().setTidInput(input);
    await store.getState().submit();
    assert.equal(calls.length, 0, `api called for ${JSON.stringify(input)}`);
    assert.deepEqual(store.getState().phase, {
      status: "failed",
      tid: null,
      error: { kind: "invalid-input", field: "tid", reason },
      previous: null,
    });
  }
});

test("resend calls the api again with the same tid and keeps the old result on screen meanwhile", async () => {
  const { api, calls, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const first = store.getState().submit();
  pending[0]!.resolve(ok(sent("13192443", "REF-1")));
  await first;
  // Cooldown 0 (resendAfter = sentAt): Resend is open at once.
  assert.equal(store.getState().resendWaitMs(), 0);

  const again = store.getState().resend();
  assert.deepEqual(store.getState().phase, { status: "sending", tid: "13192443", previous: sent("13192443", "REF-1") });
  pending[1]!.resolve(ok(sent("13192443", "REF-2")));
  await again;
  assert.deepEqual(calls, [{ tid: "13192443" }, { tid: "13192443" }]);
  const phase = store.getState().phase;
  assert.equal(phase.status === "sent" && phase.result.otpRefId, "REF-2");
});

test("resend does nothing unless an OTP was sent", async () => {
  const { api, calls } = fakeApi();
  const store = createRequestStore(api);
  await store.getState().resend();
  assert.equal(calls.length, 0);
});

test("a rejected promise becomes kind internal, without the thrown message", async () => {
  const { api, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  pending[0]!.reject(new Error("Error invoking remote method: at secret stack"));
  await done;
  const phase = store.getState().phase;
  assert.equal(phase.status, "failed");
  assert.equal(phase.status === "failed" && phase.error.kind, "internal");
  assert.doesNotMatch(JSON.stringify(phase), /stack/);
});

test("a method that throws synchronously or answers nonsense also becomes internal", async () => {
  for (const requestRefundOtp of [
    () => {
      throw new TypeError("bridge missing");
    },
    () => Promise.resolve(undefined as unknown as Reply),
    () => Promise.resolve({ ok: false, error: "nope" } as unknown as Reply),
  ]) {
    const store = createRequestStore({ requestRefundOtp, getSession: fakeApi().api.getSession });
    store.getState().setTidInput("13192443");
    await store.getState().submit();
    const phase = store.getState().phase;
    assert.equal(phase.status === "failed" && phase.error.kind, "internal");
  }
});

test("editing the field to another tid clears a result about the old one; the same tid keeps it", async () => {
  const { api, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  pending[0]!.resolve(ok(sent("13192443")));
  await done;

  store.getState().setTidInput("13192443 ");
  assert.equal(store.getState().phase.status, "sent");
  store.getState().setTidInput("1319244");
  assert.deepEqual(store.getState().phase, { status: "idle" });
  assert.equal(store.getState().tidInput, "1319244");
});

test("editing the field while sending does not abandon the request", async () => {
  const { api, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  store.getState().setTidInput("999");
  assert.equal(store.getState().phase.status, "sending");
  pending[0]!.resolve(ok(sent("13192443")));
  await done;
  assert.equal(store.getState().phase.status, "sent");
});

test("on start the newest answer in main's session is shown again, exactly as it arrived", async () => {
  const older: TidOutcome = { tid: "13192444", at: "2025-11-25T08:10:00.000Z", result: err({ kind: "already-refunded", details: {} }) };
  const newest: TidOutcome = { tid: "13192443", at: "2025-11-25T08:13:05.000Z", result: ok(sent("13192443", "REF-9")) };
  const { api, sessionCalls } = fakeApi({ outcomes: [newest, older], clockOffsetMs: 1_200 });
  const store = createRequestStore(api);
  await store.getState().restore();
  assert.deepEqual(sessionCalls, [{}]);
  assert.equal(store.getState().tidInput, "13192443");
  assert.deepEqual(store.getState().phase, { status: "sent", result: sent("13192443", "REF-9") });
  assert.equal(store.getState().clockOffsetMs, 1_200);
});

test("a restored error shows the error panel for its tid", async () => {
  const error = { kind: "unknown-tid", details: { ekoStatus: 168 } } as const;
  const { api } = fakeApi({ outcomes: [{ tid: "13192445", at: "2025-11-25T08:13:05.000Z", result: err(error) }], clockOffsetMs: null });
  const store = createRequestStore(api);
  await store.getState().restore();
  assert.equal(store.getState().tidInput, "13192445");
  assert.deepEqual(store.getState().phase, { status: "failed", tid: "13192445", error, previous: null });
});

test("restore never overwrites what the agent already typed or sent; an empty or failed session changes nothing", async () => {
  const outcome = { tid: "13192443", at: "2025-11-25T08:13:05.000Z", result: ok(sent("13192443")) };
  const typed = fakeApi({ outcomes: [outcome], clockOffsetMs: null });
  const store = createRequestStore(typed.api);
  store.getState().setTidInput("999");
  await store.getState().restore();
  assert.equal(store.getState().tidInput, "999");
  assert.deepEqual(store.getState().phase, { status: "idle" });

  const empty = createRequestStore(fakeApi().api);
  await empty.getState().restore();
  assert.deepEqual(empty.getState().phase, { status: "idle" });

  const broken = fakeApi({ outcomes: [outcome], clockOffsetMs: 5_000 });
  broken.state.sessionReply = err({ kind: "internal", details: {} });
  const failing = createRequestStore(broken.api);
  await failing.getState().restore();
  assert.deepEqual(failing.getState().phase, { status: "idle" });
  assert.equal(failing.getState().clockOffsetMs, null);
});

test("Resend waits for resendAfter on the injected clock, then opens", async () => {
  const clock = manualClock();
  const { api, calls, pending } = fakeApi();
  const store = createRequestStore(api, clock.now);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  pending[0]!.resolve(ok(sent("13192443", "REF-1", 30_000)));
  await done;
  assert.equal(store.getState().resendWaitMs(), 30_000);

  clock.advance(24_000);
  assert.equal(store.getState().resendWaitMs(), 6_000);
  await store.getState().resend();
  assert.equal(calls.length, 1, "resend went out during the cooldown");

  clock.advance(5_999);
  assert.equal(store.getState().resendWaitMs(), 1);
  clock.advance(1);
  assert.equal(store.getState().resendWaitMs(), 0);
  const again = store.getState().resend();
  assert.equal(calls.length, 2);
  pending[1]!.resolve(ok(sent("13192443", "REF-2")));
  await again;
});

test("the countdown allows for this computer's clock being off: resendAfter is on the server's clock", async () => {
  const twoHours = 2 * 3600_000;
  // The server is two hours ahead: its resendAfter is two hours after this computer's now.
  const clock = manualClock(SENT_AT - twoHours);
  const { api, pending, state } = fakeApi();
  const store = createRequestStore(api, clock.now);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  state.session = { outcomes: [], clockOffsetMs: twoHours };
  pending[0]!.resolve(ok(sent("13192443", "REF-1", 30_000)));
  await done;
  assert.equal(store.getState().clockOffsetMs, twoHours);
  assert.equal(store.getState().resendWaitMs(), 30_000);
});

test("a resend main still refuses as too soon keeps the result on screen and counts down again", async () => {
  const clock = manualClock();
  const { api, pending } = fakeApi();
  const store = createRequestStore(api, clock.now);
  store.getState().setTidInput("13192443");
  const first = store.getState().submit();
  pending[0]!.resolve(ok(sent("13192443", "REF-1")));
  await first;

  const again = store.getState().resend();
  const error = { kind: "cooldown", tid: "13192443", retryAfterMs: 800 } as const;
  pending[1]!.resolve(err(error));
  await again;
  assert.deepEqual(store.getState().phase, { status: "failed", tid: "13192443", error, previous: sent("13192443", "REF-1") });
  assert.equal(store.getState().resendWaitMs(), 800);
});

test("submitting the tid on screen again keeps its result visible meanwhile; another error replaces it", async () => {
  const { api, pending } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const first = store.getState().submit();
  pending[0]!.resolve(ok(sent("13192443")));
  await first;

  const again = store.getState().submit();
  assert.deepEqual(store.getState().phase, { status: "sending", tid: "13192443", previous: sent("13192443") });
  const error = { kind: "server", details: { httpStatus: 503 } } as const;
  pending[1]!.resolve(err(error));
  await again;
  assert.deepEqual(store.getState().phase, { status: "failed", tid: "13192443", error, previous: null });
});

test("the clock offset is read again after every request, and mentioned only beyond 30 s", async () => {
  const { api, pending, state, sessionCalls } = fakeApi();
  const store = createRequestStore(api);
  store.getState().setTidInput("13192443");
  const done = store.getState().submit();
  state.session = { outcomes: [], clockOffsetMs: -7_200_400 };
  pending[0]!.resolve(ok(sent("13192443")));
  await done;
  assert.equal(sessionCalls.length, 1);
  assert.equal(store.getState().clockOffsetMs, -7_200_400);

  assert.equal(clockOffsetToMention(null), null);
  assert.equal(clockOffsetToMention(0), null);
  assert.equal(clockOffsetToMention(30_000), null);
  assert.equal(clockOffsetToMention(-30_000), null);
  assert.equal(clockOffsetToMention(30_001), 30_001);
  assert.equal(clockOffsetToMention(-7_200_400), -7_200_400);
});

test("a new request clears the field, the answer and the countdown, but never while one is running", async () => {
  const clock = manualClock();
  const { api, pending } = fakeApi();
  const store = createRequestStore(api, clock.now);
  store.getState().setTidInput("13192443");
  const first = store.getState().submit();
  assert.equal(store.getState().reset(), false, "reset while sending");
  assert.equal(store.getState().phase.status, "sending");
  pending[0]!.resolve(ok(sent("13192443", "REF-1", 30_000)));
  await first;
  assert.equal(store.getState().resendWaitMs(), 30_000);

  assert.equal(store.getState().reset(), true);
  assert.deepEqual(store.getState().phase, { status: "idle" });
  assert.equal(store.getState().tidInput, "");
  assert.equal(store.getState().resendWaitMs(), 0);
});
