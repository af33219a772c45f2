/**
 * The window and a `refund-desk` process on one counter, as real processes: a second Node
 * process (main/test-support/counter-state-child.ts) works on the same data folder as a desk in
 * this one. A tid it holds is refused here, an OTP it sent starts the cooldown here, a refund it
 * holds (marked after this desk started) stops this desk's refund, and when it is killed its lock
 * lapses at the end of its lease.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { err } from "../../app/result";
import { openCounterState } from "../fs/counter-state";
import { createRefundDesk, type RefundDesk } from "../refund-desk";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator } from "../simulator/simulator";
import { TEST_ORIGIN } from "../test-support/desk";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { tempDataDir } from "../test-support/temp-dir";
import { hashPin } from "../admin/pin-hash";
import { createTidLocks } from "./tid-locks";

const TID = "13192443";
const CHILD = join(__dirname, "..", "test-support", "counter-state-child.ts");

/** A Practice desk on `dataDir` with its own simulator (a fresh ledger), recording every request it sends. */
async function openDesk(dataDir: string): Promise<{ desk: RefundDesk; sent: string[] }> {
  const sim = await startSimulator({
    accounts: [PRACTICE_CREDENTIALS],
    delayScale: 0,
    otp: TEST_SECRETS.otps.practice,
  });
  const sent: string[] = [];
  const desk = createRefundDesk({
    fetch: (input, init) => {
      sent.push(`${init?.method ?? "GET"} ${input instanceof Request ? input.url : input.toString()}`);
      return fetch(input, init);
    },
    keyStore: memoryKeyStore(),
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: null,
    practice: { baseUrl: async () => sim.baseUrl, close: () => sim.close() },
    sleep: async () => undefined,
  });
  return { desk, sent };
}

/** Starts the child and resolves with it and its first line of output. */
async function child(args: string[]) {
  const process_ = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: process_.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const first = await next();
  const exited = new Promise<void>((resolve) => process_.on("exit", () => resolve()));
  return { first, next, stdin: process_.stdin, kill: () => process_.kill("SIGKILL"), exited };
}

const kinds = (...results: { ok: boolean; error?: { kind: string } }[]) =>
  results.map((result) => (result.ok ? "ok" : result.error?.kind));

test("a tid another process holds is refused here, with nothing sent; killed, its lock lapses after its lease", async () => {
  const dataDir = tempDataDir("two-processes");
  const leaseMs = 60_000;
  const holder = await child(["lock", dataDir, TID, String(leaseMs)]);
  const { desk, sent } = await openDesk(dataDir);
  try {
    assert.equal(holder.first, "locked");
    const otp = await desk.services.requestRefundOtp({ tid: TID });
    const check = await desk.refundFlow.inquire({ tid: TID });
    const refund = await desk.refundFlow.refund({ tid: TID, otp: TEST_SECRETS.otps.practice });
    assert.deepEqual(kinds(otp, check, refund), ["tid-busy-elsewhere", "tid-busy-elsewhere", "tid-busy-elsewhere"]);
    assert.deepEqual(sent, [], "nothing reached Eko");
    assert.ok((await desk.refundFlow.inquire({ tid: "13192444" })).ok, "another tid is free");
  } finally {
    await desk.close();
    holder.kill();
    await holder.exited;
  }
  const state = openCounterState(dataDir);
  const busy = err({ kind: "tid-busy-elsewhere", tid: TID });
  // The OS let go of its file lock at once; its tid lock is a lease, and that still runs.
  assert.deepEqual(createTidLocks({ state, now: () => Date.now() + leaseMs - 5_000 }).acquire(TID, 1_000), busy);
  const later = createTidLocks({ state, now: () => Date.now() + leaseMs + 1 }).acquire(TID, 1_000);
  assert.ok(later.ok, "the killed holder's lock lapsed at its lease's end");
  state.close();
});

test("an OTP another process sent starts the resend cooldown here", async () => {
  const dataDir = tempDataDir("two-processes");
  const other = await child(["otp", dataDir, TID]);
  await other.exited;
  assert.equal(other.first, "otp-sent");
  const { desk, sent } = await openDesk(dataDir);
  const again = await desk.services.requestRefundOtp({ tid: TID });
  assert.ok(!again.ok && again.error.kind === "cooldown", JSON.stringify(again));
  assert.ok(again.error.retryAfterMs > 20_000, "the default 30 s, started moments ago");
  assert.deepEqual(sent, []);
  await desk.close();
});

test("a refund another process holds, marked after this desk started and its OTP was sent, is not sent here", async () => {
  const dataDir = tempDataDir("two-processes");
  const { desk, sent } = await openDesk(dataDir);
  const otp = await desk.services.requestRefundOtp({ tid: TID });
  assert.ok(otp.ok, JSON.stringify(otp));
  // While the customer reads out the OTP, a `refund-desk refund` elsewhere sends this tid's refund
  // and its answer is lost.
  const other = await child(["mark", dataDir, TID]);
  await other.exited;
  assert.equal(other.first, "marked");
  const refund = await desk.refundFlow.refund({
    tid: TID,
    otp: TEST_SECRETS.otps.practice,
    otpRefId: otp.value.otpRefId,
  });
  assert.deepEqual(refund, err({ kind: "refund-outcome-unknown", tid: TID, details: { cause: "awaiting-inquiry" } }));
  assert.deepEqual(
    sent.filter((line) => line.startsWith("POST") && line.endsWith(`/refund/${TID}`)),
    [],
    "the refund went to Eko a second time",
  );
  await desk.close();
});

test("wrong PINs typed at once in six processes get the counter's three free tries in all, not three each", async () => {
  const dataDir = tempDataDir("two-processes");
  const pinHash = await hashPin(TEST_SECRETS.adminPins.processes, { ln: 12, r: 1, p: 1 });
  const wrong = TEST_SECRETS.adminPins.wrongProcesses;
  // Every process has its gate open (as a window, or a CLI process that started) before any tries.
  const tries = await Promise.all(Array.from({ length: 6 }, () => child(["pin", dataDir, pinHash, wrong])));
  assert.deepEqual(
    tries.map((each) => each.first),
    Array.from({ length: 6 }, () => "ready"),
  );
  for (const each of tries) each.stdin.write("go\n");
  const outcomes = await Promise.all(tries.map((each) => each.next()));
  await Promise.all(tries.map((each) => each.exited));
  assert.deepEqual(outcomes.sort(), ["pin-wait", "pin-wait", "pin-wait", "wrong-pin", "wrong-pin", "wrong-pin"]);
  const after = await child(["pin", dataDir, pinHash, TEST_SECRETS.adminPins.processes]);
  after.stdin.write("go\n");
  assert.equal(await after.next(), "pin-wait", "the right PIN waits too: the wait is the counter's");
  await after.exited;
});
