/**
 * The unsettled-refund hold in the app's own wiring: createRefundDesk with a real data folder,
 * a refund whose answer is lost and whose inquiry cannot get through, then a new desk on the same
 * folder (a restart). The new desk must not send that refund again until an inquiry answers.
 * And a hold that cannot be written stops the refund before it reaches Eko, with words for it.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../../app/messages/catalogues";
import { describeError } from "../../app/messages/describe-error";
import { createRefundDesk, type RefundDesk } from "../refund-desk";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { TEST_ORIGIN } from "../test-support/desk";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { tempDataDir } from "../test-support/temp-dir";

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0, otp: TEST_SECRETS.otps.practice });
});
after(() => sim.close());

/** A desk on `dataDir` in Practice on the shared simulator; `offline.on` makes every GET fail as a network error. */
async function openDesk(dataDir: string, offline: { on: boolean }): Promise<{ desk: RefundDesk; posts: string[] }> {
  const posts: string[] = [];
  const fetching: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if ((init?.method ?? "GET") === "POST") posts.push(url);
    else if (offline.on)
      return Promise.reject(
        new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }),
      );
    return fetch(input, init);
  };
  const desk = createRefundDesk({
    fetch: fetching,
    keyStore: memoryKeyStore(),
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: null,
    // The simulator outlives each desk, as Eko outlives a restart of the app.
    practice: { baseUrl: async () => sim.baseUrl, close: async () => undefined },
    sleep: async () => undefined,
  });
  const set = await desk.services.updateSettings({ timeoutMs: 1_000, resendCooldownMs: 0 });
  assert.ok(set.ok, JSON.stringify(set));
  return { desk, posts };
}

const refundPosts = (posts: string[], tid: string) =>
  posts.filter((url) => url.endsWith(`/customer/payment/refund/${tid}`));

test("a refund whose answer was lost stays held across a restart, until an inquiry answers", async () => {
  // 13192456: the simulator never answers the refund and makes none.
  const tid = "13192456";
  const dataDir = tempDataDir("unsettled-restart");
  const offline = { on: false };
  const first = await openDesk(dataDir, offline);
  const sent = await first.desk.services.requestRefundOtp({ tid });
  assert.ok(sent.ok, JSON.stringify(sent));
  const otpRefId = sent.value.otpRefId;
  offline.on = true;
  const lost = await first.desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId });
  assert.equal(lost.ok ? "ok" : lost.error.kind, "refund-outcome-unknown");
  assert.equal(refundPosts(first.posts, tid).length, 1);
  await first.desk.close();
  // On disk, in the data folder the app was given, under the name the desk reads back.
  assert.match(readFileSync(join(dataDir, "unsettled-refunds.json"), "utf8"), /13192456/);

  const restarted = await openDesk(dataDir, offline);
  const held = await restarted.desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId });
  assert.equal(held.ok ? "ok" : held.error.kind, "refund-outcome-unknown");
  assert.equal(refundPosts(restarted.posts, tid).length, 0, "the restarted desk sent the held refund again");

  // The network is back: an inquiry answers (still refund pending), which lifts the hold.
  offline.on = false;
  const checked = await restarted.desk.refundFlow.inquire({ tid });
  assert.ok(checked.ok, JSON.stringify(checked));
  assert.equal(existsSync(join(dataDir, "unsettled-refunds.json")), false);
  await restarted.desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId });
  assert.equal(refundPosts(restarted.posts, tid).length, 1);
  await restarted.desk.close();
});

test("a hold that cannot be written refuses the refund before Eko is called, and says so in English and Hindi", async () => {
  const tid = "13192443";
  const dataDir = tempDataDir("unsettled-unwritable");
  // A folder where the file must go: every write of it fails, whatever the user's rights.
  mkdirSync(join(dataDir, "unsettled-refunds.json"));
  const { desk, posts } = await openDesk(dataDir, { on: false });
  const sent = await desk.services.requestRefundOtp({ tid });
  assert.ok(sent.ok, JSON.stringify(sent));
  const result = await desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId: sent.value.otpRefId });
  assert.ok(!result.ok);
  assert.deepEqual(result.error, { kind: "refund-not-recorded", tid, details: { cause: "unsettled-refunds-write" } });
  assert.equal(refundPosts(posts, tid).length, 0, "a refund went to Eko without its hold on disk");
  await loadCatalogue("hi");
  const en = describeError(result.error, "en");
  const hi = describeError(result.error, "hi");
  assert.equal(en.title, "The refund for transaction 13192443 was not sent");
  assert.match(en.action, /nothing went to Eko/);
  assert.equal(hi.title, "ट्रांज़ैक्शन 13192443 का रिफ़ंड नहीं भेजा गया");
  assert.notEqual(hi.action, en.action);
  await desk.close();
});
