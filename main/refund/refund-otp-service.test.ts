import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { testDesk } from "../test-support/desk";
import { openCounterState } from "../fs/counter-state";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

const practice = testDesk();
after(() => practice.desk.close());

test("Practice works on a fresh install with no keys: the otp_ref_id comes back", async () => {
  const result = await practice.desk.services.requestRefundOtp({ tid: "13192443" });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.value.tid, "13192443");
  assert.equal(result.value.environment, "practice");
  assert.ok(result.value.otpRefId.length > 0);
  assert.ok(!Number.isNaN(Date.parse(result.value.sentAt)));
});

test("a tid that is not 1–20 ASCII digits is refused before any network call", async () => {
  const before = practice.calls.length;
  const bad = [
    "",
    "   ",
    "abc",
    "12a4",
    "../1",
    "1 2",
    "１２３",
    "١٢٣",
    "1".repeat(21),
    "9".repeat(50),
    "-1",
    "1e5",
    "12/otp",
    "%2e%2e",
  ];
  for (const tid of bad) {
    const result = await practice.desk.services.requestRefundOtp({ tid });
    assert.equal(result.ok, false, tid);
    if (!result.ok) assert.equal(result.error.kind, "invalid-input", tid);
  }
  assert.equal(practice.calls.length, before);
});

test("a second request for the same tid while one is in flight is busy; another tid is not", async () => {
  const slow = practice.desk.services.requestRefundOtp({ tid: "13192447" });
  const again = await practice.desk.services.requestRefundOtp({ tid: "13192447" });
  assert.deepEqual(again, { ok: false, error: { kind: "busy", tid: "13192447" } });
  const other = await practice.desk.services.requestRefundOtp({ tid: "13192445" });
  assert.ok(!other.ok && other.error.kind === "unknown-tid", "another tid goes through meanwhile");
  assert.ok((await slow).ok);
});

test("after an OTP went out, the same tid waits out the resend cooldown without reaching Eko", async () => {
  // This computer's clock, moved on by hand (the simulator checks each signature's time against its own).
  const clock = { ahead: 0 };
  const { desk, calls } = testDesk({ now: () => Date.now() + clock.ahead });
  try {
    await desk.services.updateSettings({ resendCooldownMs: 30_000 });
    const first = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(first.ok);
    assert.equal(Date.parse(first.value.resendAfter) - Date.parse(first.value.sentAt), 30_000);
    const before = calls.length;
    clock.ahead += 29_000;
    const again = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(!again.ok && again.error.kind === "cooldown", JSON.stringify(again));
    assert.ok(again.error.kind === "cooldown" && again.error.retryAfterMs > 500 && again.error.retryAfterMs <= 1_000);
    assert.equal(calls.length, before, "a refused resend must not reach Eko");
    // Another tid waiting for a refund is not held by this one's cooldown: its OTP goes out.
    const other = await desk.services.requestRefundOtp({ tid: "13192457" });
    assert.ok(other.ok, JSON.stringify(other));
    assert.equal(calls.length, before + 1);
    clock.ahead += 1_000;
    assert.ok(
      (await desk.services.requestRefundOtp({ tid: "13192443" })).ok,
      "after the cooldown the tid may ask again",
    );
  } finally {
    await desk.close();
  }
});

test("a refusal holds no cooldown: the agent can correct and retry at once", async () => {
  const { desk } = testDesk();
  try {
    const first = await desk.services.requestRefundOtp({ tid: "13192445" });
    const second = await desk.services.requestRefundOtp({ tid: "13192445" });
    assert.ok(!first.ok && !second.ok);
    assert.equal(second.error.kind, "unknown-tid");
  } finally {
    await desk.close();
  }
});

test("main remembers each OTP sent for an unfinished refund, so a reloaded window can show it again", async () => {
  const { desk } = testDesk();
  try {
    const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
    await desk.services.requestRefundOtp({ tid: "13192444" });
    const session = await desk.services.getSession({});
    assert.ok(session.ok && sent.ok);
    assert.deepEqual(
      session.value.outcomes.map((o) => [o.tid, o.result.ok]),
      [["13192443", true]],
    );
    assert.deepEqual(session.value.outcomes[0]?.result, sent);
    assert.deepEqual(session.value.unsettled, []);
    // The Practice simulator teaches the clock nothing: only Eko's own hosts do.
    assert.equal(session.value.clockOffsetMs, null);
  } finally {
    await desk.close();
  }
});

test("a refund made forgets its OTP: a reloaded window never shows a finished customer again", async () => {
  const { desk } = testDesk();
  try {
    const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(sent.ok);
    const refunded = await desk.services.refund({
      tid: "13192443",
      otp: TEST_SECRETS.otps.practice,
      otpRefId: sent.value.otpRefId,
    });
    assert.ok(refunded.ok);
    const session = await desk.services.getSession({});
    assert.ok(session.ok);
    assert.deepEqual(session.value.outcomes, []);
  } finally {
    await desk.close();
  }
});

test("each request leaves one journal line with the outcome and a shortened reference, never the key", async () => {
  const { desk, dataDir } = testDesk();
  const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
  const refused = await desk.services.requestRefundOtp({ tid: "13192444" });
  await desk.close();
  assert.ok(sent.ok && !refused.ok);
  const folder = join(dataDir, "journal");
  const lines = readdirSync(folder)
    .flatMap((f) => readFileSync(join(folder, f), "utf8").trim().split("\n"))
    .map((l) => JSON.parse(l))
    // A month's opening line is the journal's own, not a request's.
    .filter((line) => !("journal" in line));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].outcome, "otp-sent");
  assert.equal(lines[0].otpRefTail, sent.value.otpRefId.slice(-6));
  assert.equal(lines[1].outcome, "already-refunded");
  assert.equal(lines[1].ekoStatus, 1);
  assert.ok(!JSON.stringify(lines).includes(sent.value.otpRefId));
});

test("UAT without keys is not-configured and names what is missing", async () => {
  const { desk, calls } = testDesk();
  await desk.services.updateSettings({ environment: "uat" });
  const result = await desk.services.requestRefundOtp({ tid: "13192443" });
  await desk.close();
  assert.deepEqual(result, {
    ok: false,
    error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey"] },
  });
  assert.equal(calls.length, 0);
});

test("a locked keychain is an error value, and the app still answers settings", async () => {
  const { desk } = testDesk({ keyStore: memoryKeyStore(null, true) });
  await desk.services.updateSettings({
    environment: "uat",
    developerKey: "becbbce45f79c6f5109f848acd540567",
    initiatorId: "9962981729",
  });
  const result = await desk.services.requestRefundOtp({ tid: "13192443" });
  const view = await desk.services.getSettings({});
  await desk.close();
  assert.ok(!result.ok);
  assert.equal(result.error.kind, "keychain-unavailable");
  assert.ok(view.ok);
  assert.equal(view.value.accessKey, "unavailable");
});

test("a custom base URL receives the documented request, signed with the key from the keychain", async () => {
  const { startSimulator } = await import("../simulator/simulator");
  const { signTimestamp } = await import("../eko/signing");
  const account = {
    developerKey: "0123456789abcdef0123456789abcdef",
    accessKey: TEST_SECRETS.accessKeys.customUrl,
    initiatorId: "9876543210",
  };
  const server = await startSimulator({ accounts: [account] });
  const keyStore = memoryKeyStore();
  const { desk } = testDesk({ keyStore });
  try {
    const set = await desk.services.updateSettings({
      environment: "custom",
      customBaseUrl: server.baseUrl,
      developerKey: account.developerKey,
      initiatorId: account.initiatorId,
    });
    assert.ok(set.ok, JSON.stringify(set));
    await desk.services.setAccessKey({ accessKey: account.accessKey });
    const result = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(result.ok, JSON.stringify(result));
    const [seen] = server.requests;
    assert.equal(server.requests.length, 1);
    assert.equal(seen?.path, "/ekoapi/v3/customer/payment/refund/13192443/otp");
    assert.equal(seen?.headers["developer_key"], account.developerKey);
    assert.equal(
      seen?.headers["secret-key"],
      signTimestamp(account.accessKey, seen?.headers["secret-key-timestamp"] ?? ""),
    );
    assert.equal(seen?.body, JSON.stringify({ initiator_id: account.initiatorId }));
    assert.equal(seen?.outcome, "accepted");
  } finally {
    await desk.close();
    await server.close();
  }
});

test("a tid whose refund answer was lost is held for an OTP too, until the inquiry settles it", async () => {
  const dataDir = tempDataDir("otp-held");
  // What a refund whose answer never came leaves on the counter (here, from another process).
  const state = openCounterState(dataDir);
  state.locked((db) => db.prepare("INSERT INTO unsettled_refunds (tid) VALUES (?)").run("13192443"));
  state.close();
  const { desk, calls } = testDesk({ dataDir });
  try {
    const held = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.deepEqual(held, {
      ok: false,
      error: { kind: "refund-outcome-unknown", tid: "13192443", details: { cause: "awaiting-inquiry" } },
    });
    assert.deepEqual(calls, [], "nothing went to Eko");
    // The inquiry is what settles it: Eko says the transfer still waits for a refund.
    assert.ok((await desk.services.inquireTransaction({ tid: "13192443" })).ok);
    assert.ok((await desk.services.requestRefundOtp({ tid: "13192443" })).ok, "settled, the OTP goes out");
  } finally {
    await desk.close();
  }
});
