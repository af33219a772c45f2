import { test } from "node:test";
import assert from "node:assert/strict";
import type { PendingRefunds } from "../../app/pending";
import type { PrintableRefund, ReceiptSetup } from "../../app/receipt";
import { err, ok, type Result } from "../../app/result";
import type { Transaction } from "../../app/transaction";
import { createFindMobileStore } from "./find-mobile-store";
import { createIdleClear } from "./idle-clear";
import { createPrintStore } from "./print-store";
import { createRequestStore } from "./request-store";
import { deferred, unusedApi, type Deferred } from "./test-helpers";
import { runningOf, tidOf } from "./request-phase";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

const TX: Transaction = {
  tid: "13192443",
  txStatus: 3,
  state: "refund-pending",
  statusText: null,
  amount: "5000.00",
  fee: "50.00",
  senderName: "Ramesh Kumar",
  recipientName: "Sunita Devi",
  recipientAccountLast4: "7890",
  time: null,
  checkedAt: "2026-03-05T10:00:00.000Z",
  environment: "practice",
  details: {},
};

/** A request store whose inquiries wait for the test, a find-by-mobile store, and an idle clear on a hand-moved clock. */
function counter() {
  const inquiries: Deferred<Result<Transaction>>[] = [];
  const api = {
    ...unusedApi(),
    inquireTransaction: () => {
      const d = deferred<Result<Transaction>>();
      inquiries.push(d);
      return d.promise;
    },
    getSession: async () => ok({ outcomes: [], unsettled: [], clockOffsetMs: null }),
  };
  const clock = { now: 0 };
  const request = createRequestStore(api, () => clock.now);
  const findMobile = createFindMobileStore(api);
  const idle = createIdleClear({ request, findMobile, idleMs: () => 120_000, now: () => clock.now });
  return { request, findMobile, idle, clock, inquiries };
}

async function checked(c: ReturnType<typeof counter>) {
  c.request.getState().setTidInput("13192443");
  const running = c.request.getState().check();
  c.inquiries.shift()?.resolve(ok(TX));
  await running;
}

test("idle clear: after the idle time without input the customer is gone; input restarts the wait", async () => {
  const c = counter();
  await checked(c);
  c.clock.now = 119_000;
  assert.equal(c.idle.check(), false);
  c.idle.touch();
  c.clock.now = 200_000;
  assert.equal(c.idle.check(), false, "touched at 119 s: not idle for 2 min yet");
  c.clock.now = 239_000;
  assert.equal(c.idle.check(), true);
  const s = c.request.getState();
  assert.deepEqual([s.phase, s.tidInput], [{ phase: "idle", failure: null }, ""]);
});

test("idle clear: never while a call runs; the wait starts again once it is answered", async () => {
  const c = counter();
  c.request.getState().setTidInput("13192443");
  const running = c.request.getState().check();
  c.clock.now = 10 * 60_000;
  assert.equal(c.idle.check(), false, "mid-call");
  assert.equal(runningOf(c.request.getState()), "check");
  c.inquiries.shift()?.resolve(ok(TX));
  await running;
  c.clock.now = 10 * 60_000 + 60_000;
  assert.equal(c.idle.check(), false, "a minute after the answer");
  assert.equal(tidOf(c.request.getState()), "13192443");
  c.clock.now = 10 * 60_000 + 120_000;
  assert.equal(c.idle.check(), true);
});

test("idle clear: never while a refund is unsettled", async () => {
  const c = counter();
  await checked(c);
  const { phase } = c.request.getState();
  assert.equal(phase.phase, "check");
  if (phase.phase === "check")
    c.request.setState({ phase: { ...phase, phase: "unsettled", sent: null, restored: false } });
  c.clock.now = 60 * 60_000;
  assert.equal(c.idle.check(), false);
  assert.equal(tidOf(c.request.getState()), "13192443");
});

test("idle clear: an empty screen stays as it is; the find-by-mobile panel is forgotten too", async () => {
  const c = counter();
  c.clock.now = 10 * 60_000;
  assert.equal(c.idle.check(), false, "nothing on screen");
  c.findMobile.getState().setOpen(true);
  c.findMobile.getState().setMobileInput(TEST_SECRETS.customerMobiles.withPending);
  c.clock.now = 20 * 60_000;
  assert.equal(c.idle.check(), true);
  assert.deepEqual([c.findMobile.getState().open, c.findMobile.getState().mobileInput], [false, ""]);
});

const LIST: PendingRefunds = {
  mobileLast4: "1111",
  transfers: [{ tid: "13192460", amount: "2500.00", time: null, recipientName: "Anil", recipientAccountLast4: "3321" }],
  environment: "practice",
  checkedAt: "2026-03-05T10:00:00.000Z",
};

test("find by mobile: a bad mobile is refused before main is asked; a good one lists, and the typed number is cleared", async () => {
  const asked: string[] = [];
  const store = createFindMobileStore({ pendingRefunds: async ({ mobile }) => (asked.push(mobile), ok(LIST)) });
  store.getState().setMobileInput(TEST_SECRETS.customerMobiles.other);
  await store.getState().find();
  assert.deepEqual(store.getState().failure, { kind: "invalid-input", field: "mobile", reason: "bad-start" });
  assert.deepEqual(asked, []);
  store.getState().setMobileInput("61111-11111x");
  assert.equal(store.getState().mobileInput, "61111-11111");
  await store.getState().find();
  assert.deepEqual(asked, [TEST_SECRETS.customerMobiles.withPending]);
  assert.equal(store.getState().list, LIST);
  assert.equal(store.getState().mobileInput, "", "only the last 4 stay on screen");
});

test("find by mobile: an error is kept to show; reset is refused while Eko is asked", async () => {
  const answer = deferred<Result<PendingRefunds>>();
  const store = createFindMobileStore({ pendingRefunds: () => answer.promise });
  store.getState().setOpen(true);
  store.getState().setMobileInput(TEST_SECRETS.customerMobiles.withPending);
  const finding = store.getState().find();
  assert.equal(store.getState().reset(), false);
  answer.resolve(err({ kind: "timeout", afterMs: 15_000, details: {} }));
  await finding;
  assert.equal(store.getState().failure?.kind, "timeout");
  assert.equal(store.getState().reset(), true);
});

const SETUP: ReceiptSetup = {
  paperSize: "58mm",
  languages: "interface",
  agentCopy: true,
  helpline: null,
  grievanceContact: null,
  rbiGrievance: false,
  counterName: "Counter 1",
  agentCode: "20810200",
};
const REFUND: PrintableRefund = {
  tid: "13192443",
  refundTid: "23000001",
  refundedAmount: "5000.00",
  fee: "50.00",
  refundedAt: "2026-03-05T10:00:00.000Z",
  environment: "practice",
  txAmount: "5000.00",
  txTime: null,
  recipientName: null,
  accountLast4: "7890",
  counter: null,
  agentCode: null,
  balance: "30000.00",
};

test("print: both copies when the counter prints the agent's; a reprint is journaled first and marked with main's time", async () => {
  const reprints: string[] = [];
  let setup = SETUP;
  const store = createPrintStore({
    getReceiptSetup: async () => ok(setup),
    recordReprint: async ({ tid }) => (reprints.push(tid), ok({ at: "2026-03-05T11:00:00.000Z" })),
    printReceipt: async () => ok({ printer: null }),
  });
  await store.getState().printReceipt(REFUND, { duplicate: false });
  const first = store.getState().job;
  assert.ok(first?.kind === "receipt");
  assert.deepEqual(first.copies, ["customer", "agent"]);
  assert.equal(first.duplicateAt, null);
  assert.equal(first.refund.counter, "Counter 1", "the counter from the setup when the refund has none");
  assert.deepEqual(reprints, []);
  setup = { ...SETUP, agentCopy: false };
  await store.getState().printReceipt(REFUND, { duplicate: true });
  const second = store.getState().job;
  assert.ok(second?.kind === "receipt");
  assert.deepEqual(second.copies, ["customer"]);
  assert.equal(second.duplicateAt, "2026-03-05T11:00:00.000Z");
  assert.deepEqual(reprints, ["13192443"]);
  assert.equal(store.getState().jobId, 2);
});

test("print: a reprint main could not journal is not printed", async () => {
  const store = createPrintStore({
    getReceiptSetup: async () => ok(SETUP),
    recordReprint: async () => err({ kind: "internal", details: {} }),
    printReceipt: async () => ok({ printer: null }),
  });
  await store.getState().printReceipt(REFUND, { duplicate: true });
  assert.equal(store.getState().job, null);
  assert.equal(store.getState().error?.kind, "internal");
  // Left behind by the screen that showed it, or replaced by the next job's outcome.
  store.getState().clearError();
  assert.equal(store.getState().error, null);
});

test("print: a refusal does not outlive its job: the next print starts without it", async () => {
  let journal = false;
  const store = createPrintStore({
    getReceiptSetup: async () => ok(SETUP),
    recordReprint: async () =>
      journal
        ? ok({ at: "2026-03-05T11:00:00.000Z" })
        : err({ kind: "not-journaled", step: "reprint", tid: REFUND.tid, outcome: "reprint:printed", details: {} }),
    printReceipt: async () => ok({ printer: null }),
  });
  await store.getState().printReceipt(REFUND, { duplicate: true });
  assert.equal(store.getState().error?.kind, "not-journaled");
  journal = true;
  const printing = store.getState().printReceipt(REFUND, { duplicate: false });
  assert.equal(store.getState().error, null, "cleared as the next job starts");
  await printing;
  assert.equal(store.getState().job?.kind, "receipt");
});

test("print: main prints the sheet; a kiosk without a printer is told, not silently skipped", async () => {
  const asked: number[] = [];
  let answer: "printed" | "no-printer" = "printed";
  const store = createPrintStore({
    getReceiptSetup: async () => ok(SETUP),
    recordReprint: async () => ok({ at: "2026-03-05T11:00:00.000Z" }),
    printReceipt: async () => {
      asked.push(1);
      return answer === "printed" ? ok({ printer: "EPSON TM-T82" }) : err({ kind: "no-printer" });
    },
  });
  await store.getState().sendToPrinter();
  assert.equal(store.getState().error, null);
  answer = "no-printer";
  await store.getState().sendToPrinter();
  assert.equal(asked.length, 2);
  assert.equal(store.getState().error?.kind, "no-printer");
});
