import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { summarizeDay } from "../../app/day-summary";
import { localDay } from "../../app/history";
import { printableFromJournal } from "../../app/receipt";
import { EXIT, runCli } from "../cli/cli";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { practiceDesk } from "../test-support/practice-desk";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal } from "./journal";
import { CSV_HEADER, journalCsv } from "./journal-csv";
import { TEST_SECRETS } from "../test-support/test-secrets";

const opened: Awaited<ReturnType<typeof practiceDesk>>[] = [];
after(async () => {
  for (const { desk, simulator } of opened) {
    await desk.close();
    await simulator.close();
  }
});

async function refundWith(desk: Awaited<ReturnType<typeof practiceDesk>>["desk"], tid: string) {
  await desk.services.inquireTransaction({ tid });
  const otp = await desk.services.requestRefundOtp({ tid });
  assert.ok(otp.ok, tid);
  return desk.services.refund({ tid, otp: TEST_SECRETS.otps.practice, otpRefId: otp.value.otpRefId });
}

test("a refund's journal line carries the refunded amount, fee, refund id and the transfer's amount, time and masked account; never the balance or a name", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const receipt = await refundWith(practice.desk, "13192443");
  assert.ok(receipt.ok && receipt.value.balance !== null);
  const text = readdirSync(join(practice.dataDir, "journal"))
    .map((f) => readFileSync(join(practice.dataDir, "journal", f), "utf8"))
    .join("");
  const line = text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((l) => l.outcome === "refund:refunded");
  assert.ok(line);
  assert.equal(line.refundedAmount, "5000.00");
  assert.equal(line.fee, "50.00");
  assert.equal(line.refundTid, receipt.value.refundTid);
  assert.equal(line.txAmount, "5000.00");
  assert.equal(line.txTime, "2025-11-03T04:45:42.000Z");
  assert.equal(line.accountLast4, "7890");
  assert.equal(line.agentCode, "20810200");
  assert.ok(!text.includes(receipt.value.balance ?? "none"), "the balance is never journaled");
  for (const secret of ["Sunita", "Ramesh", "50100234567890", TEST_SECRETS.otps.practice])
    assert.ok(!text.includes(secret), secret);

  // What the History screen reads back reprints the same refund.
  const page = await practice.desk.services.readHistory({ from: localDay(new Date()), to: localDay(new Date()) });
  assert.ok(page.ok);
  const entry = page.value.entries.find((e) => e.outcome === "refund:refunded");
  assert.ok(entry);
  const printable = printableFromJournal(entry);
  assert.deepEqual(
    [
      printable.tid,
      printable.refundTid,
      printable.refundedAmount,
      printable.fee,
      printable.txAmount,
      printable.accountLast4,
      printable.balance,
      printable.recipientName,
    ],
    ["13192443", receipt.value.refundTid, "5000.00", "50.00", "5000.00", "7890", null, null],
  );
});

test("a refund confirmed by a check after a lost answer counts once, as a refund done, its amount and fee unknown", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const receipt = await refundWith(practice.desk, "13192453");
  assert.ok(receipt.ok && receipt.value.confirmedBy === "inquiry");
  const page = await practice.desk.services.readHistory({ from: localDay(new Date()), to: localDay(new Date()) });
  assert.ok(page.ok);
  const check = page.value.entries.find((e) => e.outcome === "refund-check:tx_status=4");
  assert.deepEqual([check?.txAmount, typeof check?.txTime, check?.accountLast4], ["5000.00", "string", "7890"]);
  assert.equal(check?.refundedAmount, undefined);
  assert.equal(check?.fee, undefined, "the transfer's fee is not the refund's");
  const summary = summarizeDay("today", page.value.entries);
  assert.equal(summary.refunds, 1);
  assert.equal(summary.refundsWithoutAmount, 1);
  assert.equal(summary.refundedTotal, "0.00");
  assert.equal(summary.feeTotal, "0.00");
  assert.deepEqual({ ...summary.failures }, {}, "the lost answer, settled as refunded, is not also a failure");
});

test("reprints are journal lines; the day summary counts refunds, totals to the paisa, OTPs, checks and failures by kind", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const { desk } = practice;
  assert.ok((await refundWith(desk, "13192443")).ok);
  assert.ok((await refundWith(desk, "13192460")).ok);
  await desk.services.inquireTransaction({ tid: "13192445" });
  await desk.services.requestRefundOtp({ tid: "13192444" });
  const reprint = await desk.services.recordReprint({ tid: "13192443" });
  assert.ok(reprint.ok && !Number.isNaN(Date.parse(reprint.value.at)));
  assert.deepEqual(await desk.services.recordReprint({ tid: "12ab" }), {
    ok: false,
    error: { kind: "invalid-input", field: "tid", reason: "not-digits" },
  });

  const today = localDay(new Date());
  const page = await desk.services.readHistory({ from: today, to: today });
  assert.ok(page.ok);
  const summary = summarizeDay(today, page.value.entries);
  assert.deepEqual(
    { ...summary, failures: { ...summary.failures } },
    {
      day: today,
      refunds: 2,
      refundedTotal: "7500.00",
      feeTotal: "75.00",
      refundsWithoutAmount: 0,
      otpsSent: 2,
      checks: 3,
      reprints: 1,
      lookups: 0,
      failures: { "unknown-tid": 1, "already-refunded": 1 },
    },
  );

  // IT gets the same figures from the command line.
  const io = cliIo();
  const code = await runCli(["refund-desk", "journal", "summary", "--date", today, "--json"], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir: practice.dataDir,
  });
  assert.equal(code, EXIT.ok);
  const printed = JSON.parse(io.out()) as { ok: true; value: typeof summary };
  assert.equal(printed.value.refunds, 2);
  assert.equal(printed.value.refundedTotal, "7500.00");
  const words = cliIo();
  assert.equal(
    await runCli(["refund-desk", "journal", "summary", "--date", today], words, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir: practice.dataDir,
    }),
    EXIT.ok,
  );
  assert.match(words.out(), /refunds done: +2\n/);
  // Amounts as the receipt prints them: the rupee sign and Indian grouping.
  assert.match(words.out(), /total refunded: +₹7,500\.00\n/);
  assert.match(words.out(), /fees: +₹75\.00\n/);
  assert.match(words.out(), /unknown-tid: 1/);
  const hindi = cliIo();
  assert.equal(
    await runCli(["refund-desk", "--lang", "hi", "journal", "summary", "--date", today], hindi, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir: practice.dataDir,
    }),
    EXIT.ok,
  );
  assert.match(hindi.out(), /रिफ़ंड हुए: +2\n/);
  assert.match(hindi.out(), /कुल रिफ़ंड: +₹7,500\.00\n/);
  assert.doesNotMatch(hindi.out(), /refunds done|total refunded/);
  const bad = cliIo();
  assert.equal(
    await runCli(["refund-desk", "journal", "summary", "--date", "2026-02-30"], bad, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir: practice.dataDir,
    }),
    EXIT.usage,
  );
});

test("sums are exact decimals: many small amounts add up to the paisa", async () => {
  const entries = Array.from({ length: 10 }, (_, i) => ({
    at: "2026-03-05T10:00:00.000Z",
    counter: null,
    tid: String(i),
    environment: "uat" as const,
    outcome: "refund:refunded",
    refundedAmount: "0.10",
    fee: "0.01",
  }));
  const summary = summarizeDay("2026-03-05", entries);
  assert.equal(summary.refundedTotal, "1.00");
  assert.equal(summary.feeTotal, "0.10");
});

test("CSV: the first eight columns as before, then the amount columns", async () => {
  assert.deepEqual(CSV_HEADER.slice(0, 8), [
    "time",
    "counter",
    "environment",
    "tid",
    "outcome",
    "eko status",
    "response type id",
    "otp ref tail",
  ]);
  assert.deepEqual(CSV_HEADER.slice(8), ["refunded amount", "fee", "refund id", "transfer amount", "chain"]);
  const csv = journalCsv(
    [
      {
        at: "2026-03-05T10:00:00.000Z",
        counter: "C1",
        tid: "1",
        environment: "uat",
        outcome: "refund:refunded",
        refundedAmount: "5000.00",
        fee: "50.00",
        refundTid: "23000001",
        txAmount: "5000.00",
      },
    ],
    () => "T",
  );
  assert.equal(csv.split("\r\n")[1], "T,C1,uat,1,refund:refunded,,,,5000.00,50.00,23000001,5000.00,");
});

test("a hand-edited line cannot put anything but its own shape in the refund fields", async () => {
  const dir = tempDataDir("journal-fields");
  mkdirSync(join(dir, "journal"), { recursive: true });
  const month = new Date().toISOString().slice(0, 7);
  const at = new Date().toISOString();
  const lines = [
    {
      at,
      tid: "1",
      environment: "uat",
      outcome: "refund:refunded",
      refundedAmount: "=1+1",
      fee: 50,
      refundTid: "<b>",
      // Too long for "last 4" (and not one of the suite's secrets, which the leak scan seeks).
      accountLast4: "908172",
      mobileLast4: "5550001234",
      balance: "30000.00",
    },
    {
      at,
      tid: "2",
      environment: "uat",
      outcome: "refund:refunded",
      refundedAmount: "10.00",
      accountLast4: "7890",
      mobileLast4: "1111",
      listed: 2,
    },
  ];
  writeFileSync(join(dir, "journal", `${month}.jsonl`), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const [first, second] = (await createJournal(dir).read(Date.now() - 60_000, Date.now() + 60_000)).entries;
  // Written by hand, so outside the journal's hash chain too.
  assert.deepEqual(first, {
    at,
    counter: null,
    tid: "1",
    environment: "uat",
    outcome: "refund:refunded",
    chain: "unsealed",
  });
  assert.equal(second?.refundedAmount, "10.00");
  assert.equal(second?.accountLast4, "7890");
  assert.equal(second?.mobileLast4, "1111");
  assert.equal(second?.listed, 2);
});
