/**
 * The unsettled-refund hold in the app's own wiring: createRefundDesk with a real data folder,
 * a refund whose answer is lost and whose inquiry cannot get through, then a new desk on the same
 * folder (a restart). The new desk must not send that refund again until an inquiry answers.
 * And a counter state that cannot be read stops the refund before it reaches Eko, with words for it.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../../app/messages/catalogues";
import { describeDoctorCheck, describeError } from "../../app/messages/describe-error";
import { COUNTER_STATE_FILE, openCounterState } from "../fs/counter-state";
import { createRefundDesk, type RefundDesk } from "../refund-desk";
import { createUnsettledRefunds } from "./unsettled-refunds";
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
  // On disk, in the data folder the app was given, in the state the desk reads back.
  const onDisk = () => createUnsettledRefunds(openCounterState(dataDir)).list();
  assert.deepEqual(onDisk(), [tid]);

  const restarted = await openDesk(dataDir, offline);
  const held = await restarted.desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId });
  assert.equal(held.ok ? "ok" : held.error.kind, "refund-outcome-unknown");
  assert.equal(refundPosts(restarted.posts, tid).length, 0, "the restarted desk sent the held refund again");

  // The network is back: an inquiry answers (still refund pending), which lifts the hold.
  offline.on = false;
  const checked = await restarted.desk.refundFlow.inquire({ tid });
  assert.ok(checked.ok, JSON.stringify(checked));
  assert.deepEqual(onDisk(), []);
  await restarted.desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId });
  assert.equal(refundPosts(restarted.posts, tid).length, 1);
  await restarted.desk.close();
});

test("a counter state junked after the OTP refuses the refund before Eko is called, and says so in English and Hindi", async () => {
  const tid = "13192443";
  const dataDir = tempDataDir("unsettled-junked");
  const first = await openDesk(dataDir, { on: false });
  const sent = await first.desk.services.requestRefundOtp({ tid });
  assert.ok(sent.ok, JSON.stringify(sent));
  await first.desk.close();
  // The account writes over the record while the customer reads out the OTP; the refund is then
  // made from another process (`refund-desk refund`, or the app started again).
  writeFileSync(join(dataDir, COUNTER_STATE_FILE), "junk ".repeat(2_000));
  const { desk, posts } = await openDesk(dataDir, { on: false });
  const result = await desk.refundFlow.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId: sent.value.otpRefId });
  assert.ok(!result.ok);
  assert.equal(result.error.kind, "counter-state-unavailable");
  assert.match(JSON.stringify(result.error), /counter-state\.db: file is not a database/);
  assert.equal(refundPosts(posts, tid).length, 0, "a refund went to Eko while its holds could not be read");
  await loadCatalogue("hi");
  const en = describeError(result.error, "en");
  const hi = describeError(result.error, "hi");
  assert.equal(en.title, "This counter's shared record cannot be read");
  assert.match(en.action, /counter-state\.db/);
  assert.equal(hi.title, "इस काउंटर का साझा रिकॉर्ड पढ़ा नहीं जा सकता");
  // The connection check (doctor) names it for IT, and the counter is not ready.
  const doctor = await desk.services.checkConnection({});
  assert.ok(doctor.ok);
  assert.equal(doctor.value.ok, false);
  const row = doctor.value.checks.find((check) => check.id === "counter-state");
  assert.equal(row?.status, "fail");
  assert.match(
    describeDoctorCheck(row ?? doctor.value.checks[0]!, doctor.value, "en").lines[0] ?? "",
    /counter-state\.db/,
  );
  await desk.close();
});

test("the account deletes counter-state.db while the app is closed: the journal's lost answer holds the tid again", async () => {
  const tid = "13192456";
  const dataDir = tempDataDir("unsettled-deleted");
  const offline = { on: false };
  const first = await openDesk(dataDir, offline);
  const sent = await first.desk.services.requestRefundOtp({ tid });
  assert.ok(sent.ok, JSON.stringify(sent));
  offline.on = true;
  const lost = await first.desk.refundFlow.refund({
    tid,
    otp: TEST_SECRETS.otps.practice,
    otpRefId: sent.value.otpRefId,
  });
  assert.equal(lost.ok ? "ok" : lost.error.kind, "refund-outcome-unknown");
  await first.desk.close();

  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dataDir, `${COUNTER_STATE_FILE}${suffix}`), { force: true });
  offline.on = true;
  const restarted = await openDesk(dataDir, offline);
  const held = await restarted.desk.refundFlow.refund({
    tid,
    otp: TEST_SECRETS.otps.practice,
    otpRefId: sent.value.otpRefId,
  });
  assert.equal(held.ok ? "ok" : held.error.kind, "refund-outcome-unknown");
  assert.equal(refundPosts(restarted.posts, tid).length, 0, "deleting the state file lifted the hold");
  assert.deepEqual(createUnsettledRefunds(openCounterState(dataDir)).list(), [tid]);
  await restarted.desk.close();
});
