import { after, test } from "node:test";
import assert from "node:assert/strict";
import { ACTION_METHODS, IPC_CHANNELS } from "../../app/ipc";
import { AFTER_ACTION_SCHEMA } from "../../app/ipc-schemas";
import { APP_PAGE, TEST_ORIGIN, testDesk } from "../test-support/desk";
import { TEST_SECRETS } from "../test-support/test-secrets";

const { desk, calls, keyStore } = testDesk();
after(() => desk.close());
const channel = IPC_CHANNELS.requestRefundOtp;

test("the app's own page gets a result value", async () => {
  const result = await desk.dispatch(channel, { tid: "13192443" }, APP_PAGE);
  assert.equal(result.ok, true, JSON.stringify(result));
});

test("each counter action's answer carries what the screen needs next (the clock offset), in the contract's shape", async () => {
  for (const method of ACTION_METHODS) {
    const payload =
      method === "refund"
        ? { tid: "13192445", otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" }
        : { tid: "13192445" };
    const answer = (await desk.dispatch(IPC_CHANNELS[method], payload, APP_PAGE)) as { after?: unknown };
    const after = AFTER_ACTION_SCHEMA.safeParse(answer.after);
    assert.ok(after.success, `${method}: ${JSON.stringify(answer)}`);
  }
  // The services the CLI calls answer the bare result.
  assert.equal("after" in (await desk.services.requestRefundOtp({ tid: "13192445" })), false);
});

test("an unknown channel is refused", async () => {
  const result = await desk.dispatch("refund-desk:read-key", {}, APP_PAGE);
  assert.deepEqual(result, {
    ok: false,
    error: { kind: "invalid-input", field: "channel", reason: "unknown-channel" },
  });
});

test("a sub-frame, another origin or a malformed URL is refused before anything runs", async () => {
  const before = calls.length;
  for (const sender of [
    { url: APP_PAGE.url, isMainFrame: false },
    { url: "https://evil.example/index.html", isMainFrame: true },
    { url: "http://127.0.0.1:2/index.html", isMainFrame: true },
    { url: "file:///etc/passwd", isMainFrame: true },
    { url: "", isMainFrame: true },
  ]) {
    const result = await desk.dispatch(channel, { tid: "13192443" }, sender);
    assert.deepEqual(
      result,
      { ok: false, error: { kind: "invalid-input", field: "sender", reason: "untrusted-sender" } },
      sender.url,
    );
  }
  assert.equal(calls.length, before);
});

test("malformed payloads are refused as invalid-input and reach neither network nor keychain", async () => {
  const before = calls.length;
  const payloads: unknown[] = [
    null,
    42,
    "13192443",
    [],
    { tid: 13192443 },
    { tid: "13192443", extra: true },
    JSON.parse('{"tid":"13192443","__proto__":{"polluted":true}}'),
    { tid: "13192443", constructor: { prototype: { polluted: true } } },
    { tid: "1".repeat(10_000) },
  ];
  for (const payload of payloads) {
    const result = await desk.dispatch(channel, payload, APP_PAGE);
    assert.equal(result.ok, false, JSON.stringify(payload));
    if (!result.ok) assert.equal(result.error.kind, "invalid-input");
  }
  for (const [ch, payload] of [
    [IPC_CHANNELS.setAccessKey, { accessKey: 7 }],
    [IPC_CHANNELS.setAccessKey, { accessKey: "k", also: "x" }],
    [IPC_CHANNELS.updateSettings, { timeoutMs: "fast" }],
    [IPC_CHANNELS.updateSettings, { environment: "moon" }],
    [IPC_CHANNELS.removeAccessKey, { now: true }],
  ] as const) {
    const result = await desk.dispatch(ch, payload, APP_PAGE);
    assert.equal(result.ok, false, `${ch} ${JSON.stringify(payload)}`);
  }
  assert.equal(calls.length, before);
  assert.equal(keyStore.value, null);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test("settings round-trip through the handler table and never show the key", async () => {
  const secret = TEST_SECRETS.accessKeys.dispatch;
  const uat = testDesk();
  try {
    assert.ok((await uat.desk.dispatch(IPC_CHANNELS.updateSettings, { environment: "uat" }, APP_PAGE)).ok);
    const stored = await uat.desk.dispatch(IPC_CHANNELS.setAccessKey, { accessKey: secret }, APP_PAGE);
    assert.ok(stored.ok);
    assert.equal((stored.value as { accessKey: string }).accessKey, "stored");
    assert.ok(!JSON.stringify(stored).includes(secret));
    const view = await uat.desk.dispatch(IPC_CHANNELS.getSettings, {}, APP_PAGE);
    assert.ok(!JSON.stringify(view).includes(secret));
    assert.equal(TEST_ORIGIN.startsWith("http://127.0.0.1"), true);
  } finally {
    await uat.desk.close();
  }
});
