/**
 * When journal lines reach the disk: every line is written before its request is answered, the
 * flush to disk is batched (GROUP_COMMIT_MS), and refund lines are flushed before their answer.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS } from "../../app/settings";
import type { EkoClient, RefundAnswer, TransactionAnswer } from "../eko/eko-client";
import { createAccessKey } from "../keychain/access-key";
import { createPractice } from "../simulator/practice";
import { createRefundFlow } from "../refund/refund-flow";
import { createTidLocks } from "../refund/tid-locks";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners } from "../test-support/signers";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal, JOURNAL_FOLDER, type JournalRecord } from "./journal";
import { TEST_SECRETS } from "../test-support/test-secrets";

const record = (tid: string, outcome = "otp-sent"): JournalRecord => ({
  at: "2026-03-05T10:00:00.000Z",
  tid,
  environment: "practice",
  outcome,
});

/** The requests' lines in the journal folder's files right now, as the tids they name. */
function tidsOnFile(dataDir: string): string[] {
  const folder = join(dataDir, JOURNAL_FOLDER);
  return readdirSync(folder).flatMap((f) =>
    readFileSync(join(folder, f), "utf8")
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith('{"journal":'))
      .map((l) => (JSON.parse(l) as { tid: string }).tid),
  );
}

test("lines are written at once and flushed to disk together: one fsync for a burst, within the interval", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const dataDir = tempDataDir("journal-group");
  const fsyncs: string[][] = [];
  const journal = createJournal(dataDir, "C1", { intervalMs: 30, fsync: () => fsyncs.push(tidsOnFile(dataDir)) });
  for (const tid of ["1", "2", "3"]) assert.equal(journal.append(record(tid)), true);
  assert.deepEqual(tidsOnFile(dataDir), ["1", "2", "3"], "written before append returns");
  assert.deepEqual(fsyncs, [], "not flushed per line");
  t.mock.timers.tick(29);
  assert.deepEqual(fsyncs, [], "not before the interval");
  t.mock.timers.tick(1);
  assert.deepEqual(fsyncs, [["1", "2", "3"]], "one flush for the three");
  journal.append(record("4"));
  journal.close();
  assert.deepEqual(
    fsyncs,
    [
      ["1", "2", "3"],
      ["1", "2", "3", "4"],
    ],
    "close flushes what is pending",
  );
});

test("a line appended with 'now' is on disk before append returns, with every line before it", () => {
  const dataDir = tempDataDir("journal-now");
  const fsyncs: string[][] = [];
  const journal = createJournal(dataDir, "C1", { fsync: () => fsyncs.push(tidsOnFile(dataDir)) });
  journal.append(record("1"));
  journal.append(record("2", "refund:refunded"), "now");
  assert.deepEqual(fsyncs, [["1", "2"]]);
  journal.close();
  assert.equal(fsyncs.length, 1, "nothing was left to flush at close");
});

/** Eko's answers scripted; each call and each fsync goes into one ordered log. */
function recordedFlow(
  log: string[],
  dataDir: string,
  refund: Result<RefundAnswer, RefundDeskError>,
  inquiry: Result<TransactionAnswer, RefundDeskError>[],
) {
  const client: EkoClient = {
    getRefundOtp: async () => err({ kind: "internal", details: {} }),
    probe: async () => err({ kind: "internal", details: {} }),
    pendingRefunds: async () => err({ kind: "internal", details: {} }),
    initiateRefund: async () => refund,
    inquireTransaction: async () => inquiry.shift() ?? err({ kind: "internal", details: { cause: "script ran out" } }),
  };
  const lastOutcome = () => {
    const folder = join(dataDir, JOURNAL_FOLDER);
    const lines = readdirSync(folder).flatMap((f) => readFileSync(join(folder, f), "utf8").split("\n").filter(Boolean));
    return (JSON.parse(lines.at(-1) ?? "{}") as { outcome?: string }).outcome;
  };
  return createRefundFlow({
    client,
    settings: () => ({ ...DEFAULT_SETTINGS }),
    practice: createPractice(async () => ({
      baseUrl: "http://127.0.0.1:9/ekoapi/v3",
      requests: [],
      setClockShift: () => undefined,
      close: async () => undefined,
    })),
    signers: keychainSigners(createAccessKey(memoryKeyStore())),
    journal: createJournal(dataDir, null, { intervalMs: 10_000, fsync: () => log.push(`fsync ${lastOutcome()}`) }),
    locks: createTidLocks(),
    now: Date.now,
    sleep: async () => undefined,
  });
}

const tx = (txStatus: number, state: TransactionAnswer["state"]): Result<TransactionAnswer, RefundDeskError> =>
  ok({
    txStatus,
    state,
    statusText: null,
    amount: "10.00",
    fee: null,
    senderName: null,
    recipientName: null,
    recipientAccountLast4: null,
    time: null,
    details: { ekoStatus: 0 },
    answeredAt: Date.now(),
  });

test("a refund's line is flushed to disk before its answer is handed back; a check's line is not waited for", async () => {
  const log: string[] = [];
  const flow = recordedFlow(
    log,
    tempDataDir("journal-order"),
    ok({
      refundTid: "9",
      refundedAmount: "10.00",
      fee: null,
      balance: null,
      refundedAt: null,
      details: {},
      answeredAt: Date.now(),
    }),
    [tx(3, "refund-pending")],
  );
  const checked = await flow.inquire({ tid: "13192443" });
  log.push(`answer check ${checked.ok}`);
  const refunded = await flow.refund({ tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" });
  log.push(`answer refund ${refunded.ok}`);
  assert.deepEqual(log, ["answer check true", "fsync refund:refunded", "answer refund true"]);
});

test("a refund confirmed by the inquiry after a lost answer: both lines flushed before the receipt", async () => {
  const log: string[] = [];
  const flow = recordedFlow(
    log,
    tempDataDir("journal-order-lost"),
    err({ kind: "timeout", afterMs: 1_000, details: {} }),
    [tx(4, "refunded")],
  );
  const refunded = await flow.refund({ tid: "13192443", otp: TEST_SECRETS.otps.practice, otpRefId: "ref-1" });
  log.push(`answer refund ${refunded.ok && refunded.value.confirmedBy}`);
  assert.deepEqual(log, ["fsync refund:timeout", "fsync refund-check:tx_status=4", "answer refund inquiry"]);
});

test("a process killed mid-burst (SIGKILL) has every request it answered on record", async () => {
  const dataDir = tempDataDir("journal-kill");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(__dirname, "..", "test-support", "journal-burst-child.ts"), dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const answered: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout })) {
    const tid = /^answered (\d+)$/.exec(line)?.[1];
    if (tid) answered.push(tid);
    // Well inside the burst, and long before a group flush could have run.
    if (answered.length === 40) child.kill("SIGKILL");
  }
  assert.equal(await exited, "SIGKILL");
  assert.ok(answered.length >= 40, `only ${answered.length} answered before the child ended`);
  const onRecord = new Set(tidsOnFile(dataDir));
  assert.deepEqual(
    answered.filter((tid) => !onRecord.has(tid)),
    [],
    "answered but not on record",
  );
});
