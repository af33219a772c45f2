import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskApi } from "../../app/ipc";
import type { OtpSent } from "../../app/refund-otp";
import { err, ok, type Result } from "../../app/result";
import { createRequestStore } from "./request-store";
import { deferred, type Deferred } from "./test-helpers";

type Reply = Result<OtpSent>;

/** A fake bridge whose every call waits until the test settles it. */
function fakeApi() {
  const calls: { tid: string }[] = [];
  const pending: Deferred<Reply>[] = [];
  const api: Pick<RefundDeskApi, "requestRefundOtp"> = {
    requestRefundOtp(request) {
      calls.push(request);
      const d = deferred<Reply>();
      pending.push(d);
      return d.promise;
    },
  };
  return { api, calls, pending };
}

const sent = (tid: string, otpRefId = "REF-1"): OtpSent => ({
  tid,
  otpRefId,
  sentAt: "2025-11-25T08:13:05.000Z",
  environment: "practice",
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
  assert.deepEqual(store.getState().phase, { status: "failed", tid: "13192443", error });
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
    const store = createRequestStore({ requestRefundOtp });
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
