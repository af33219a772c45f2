import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createJournal, JOURNAL_FOLDER, type JournalRecord } from "./journal";
import { csvField, journalCsv, localIsoTime } from "./journal-csv";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { testDesk } from "../test-support/desk";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

const record = (at: string, tid = "13192443", extra: Partial<JournalRecord> = {}): JournalRecord => ({
  at,
  tid,
  environment: "uat",
  outcome: "otp-sent",
  ekoStatus: 0,
  responseTypeId: 2133,
  otpRefTail: "a1b2c3",
  ...extra,
});
const ms = (iso: string) => Date.parse(iso);
const monthFile = (dataDir: string, month: string) => join(dataDir, JOURNAL_FOLDER, `${month}.jsonl`);

test("append then read: one JSON line per request, with the counter name, oldest first, inside the range only", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "Counter 7");
  assert.ok(journal.append(record("2026-03-05T10:00:02.000Z", "2")));
  assert.ok(journal.append(record("2026-03-05T10:00:01.000Z", "1")));
  assert.ok(
    journal.append(
      record("2026-03-06T09:00:00.000Z", "3", { outcome: "unknown-tid", ekoStatus: 168, otpRefTail: undefined }),
    ),
  );
  const lines = readFileSync(monthFile(dataDir, "2026-03"), "utf8").split("\n");
  assert.equal(lines.length, 5);
  assert.equal(lines[4], "");
  // The month's first line names the chain's head before it (none: the journal's first month).
  assert.match(lines[0] ?? "", /^\{"journal":"month","month":"2026-03","previous":"","h":"[0-9a-f]{64}"\}$/);
  assert.deepEqual(Object.keys(JSON.parse(lines[1] ?? "")), [
    "at",
    "counter",
    "tid",
    "environment",
    "outcome",
    "ekoStatus",
    "responseTypeId",
    "otpRefTail",
    "h",
  ]);

  const day = await journal.read(ms("2026-03-05T00:00:00Z"), ms("2026-03-06T00:00:00Z"));
  assert.deepEqual(
    day.entries.map((e) => e.tid),
    ["1", "2"],
  );
  assert.equal(day.entries[0]?.counter, "Counter 7");
  assert.equal(day.skipped, 0);
  assert.deepEqual((await journal.read(ms("2026-03-06T00:00:00Z"), ms("2026-03-07T00:00:00Z"))).entries, [
    {
      at: "2026-03-06T09:00:00.000Z",
      counter: "Counter 7",
      tid: "3",
      environment: "uat",
      outcome: "unknown-tid",
      ekoStatus: 168,
      responseTypeId: 2133,
      chain: "ok",
    },
  ]);
  assert.deepEqual(await journal.read(ms("2026-04-01T00:00:00Z"), ms("2026-05-01T00:00:00Z")), {
    entries: [],
    skipped: 0,
  });
});

test("a torn last line (crash mid-write) is skipped, not fatal, and the next append starts on a line of its own", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  journal.append(record("2026-03-05T10:00:00.000Z", "1"));
  appendFileSync(monthFile(dataDir, "2026-03"), '{"at":"2026-03-05T10:00:05.000Z","counter":"C1","tid":"2","envir');
  const range = [ms("2026-03-01T00:00:00Z"), ms("2026-04-01T00:00:00Z")] as const;
  assert.deepEqual(
    (await journal.read(...range)).entries.map((e) => e.tid),
    ["1"],
  );
  assert.equal((await journal.read(...range)).skipped, 1);

  journal.append(record("2026-03-05T10:00:09.000Z", "3"));
  const after = await journal.read(...range);
  assert.deepEqual(
    after.entries.map((e) => e.tid),
    ["1", "3"],
  );
  assert.equal(after.skipped, 1);
});

test("garbage and foreign lines are skipped; a hand-edited line cannot add fields", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  journal.append(record("2026-03-05T10:00:00.000Z", "1"));
  appendFileSync(
    monthFile(dataDir, "2026-03"),
    '\u0000\u0000\u0000\nnull\n[1,2]\n{"at":"yesterday","tid":"9","environment":"uat","outcome":"x"}\n{"tid":"8"}\n',
  );
  appendFileSync(
    monthFile(dataDir, "2026-03"),
    `${JSON.stringify({ ...record("2026-03-05T11:00:00.000Z", "4"), counter: "C1", accessKey: "sneaked-in", otpRefTail: "0123456789abcdef" })}\n`,
  );
  const read = await journal.read(ms("2026-03-01T00:00:00Z"), ms("2026-04-01T00:00:00Z"));
  assert.equal(read.skipped, 5);
  assert.deepEqual(
    read.entries.map((e) => e.tid),
    ["1", "4"],
  );
  assert.ok(!("accessKey" in (read.entries[1] ?? {})));
  assert.equal(read.entries[1]?.otpRefTail, "abcdef");
});

test("files rotate by the request's UTC month and an old month's file is never rewritten", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  journal.append(record("2026-01-31T23:59:59.000Z", "1"));
  const january = readFileSync(monthFile(dataDir, "2026-01"));
  journal.append(record("2026-02-01T00:00:00.000Z", "2"));
  journal.append(record("2026-12-31T10:00:00.000Z", "3"));
  journal.append(record("2027-01-01T10:00:00.000Z", "4"));
  assert.deepEqual(readdirSync(join(dataDir, JOURNAL_FOLDER)).sort(), [
    "2026-01.jsonl",
    "2026-02.jsonl",
    "2026-12.jsonl",
    "2027-01.jsonl",
  ]);
  assert.deepEqual(readFileSync(monthFile(dataDir, "2026-01")), january);
  const all = await journal.read(ms("2026-01-31T00:00:00Z"), ms("2027-01-02T00:00:00Z"));
  assert.deepEqual(
    all.entries.map((e) => e.tid),
    ["1", "2", "3", "4"],
  );
  assert.deepEqual(
    (await journal.read(ms("2026-02-01T00:00:00Z"), ms("2026-02-01T00:00:00.001Z"))).entries.map((e) => e.tid),
    ["2"],
  );
});

test("an append that cannot be written reports false instead of throwing", async () => {
  const dataDir = tempDataDir("journal");
  writeFileSync(join(dataDir, JOURNAL_FOLDER), "a file where the folder should be");
  assert.equal(createJournal(dataDir, "C1").append(record("2026-03-05T10:00:00.000Z")), false);
});

test("the journal folder removed mid-run: the next line goes to a new file and is read back, not to the deleted one", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  assert.ok(journal.append(record("2026-03-05T10:00:00.000Z", "1")));
  rmSync(join(dataDir, JOURNAL_FOLDER), { recursive: true });
  assert.ok(journal.append(record("2026-03-05T10:00:01.000Z", "2")));
  assert.deepEqual(
    (await journal.read(ms("2026-03-01T00:00:00Z"), ms("2026-04-01T00:00:00Z"))).entries.map((e) => e.tid),
    ["2"],
  );
});

test("the data folder removed mid-run: the line is refused, and the folder is not made again", () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  assert.ok(journal.append(record("2026-03-05T10:00:00.000Z", "1")));
  rmSync(dataDir, { recursive: true });
  assert.equal(journal.append(record("2026-03-05T10:00:01.000Z", "2")), false);
  assert.equal(existsSync(dataDir), false);
});

test("a disk full (ENOSPC) mid-line is refused; once there is room the next line is written and read apart", async () => {
  const dataDir = tempDataDir("journal");
  let full = false;
  const journal = createJournal(dataDir, "C1", {
    write: (fd, data) => {
      if (!full) return void writeSync(fd, data);
      // Half the line reaches the file before the disk fills, as a real short write leaves it.
      writeSync(fd, data.subarray(0, data.length >> 1));
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
  });
  assert.ok(journal.append(record("2026-03-05T10:00:00.000Z", "1")));
  full = true;
  assert.equal(journal.append(record("2026-03-05T10:00:01.000Z", "2")), false);
  full = false;
  assert.ok(journal.append(record("2026-03-05T10:00:02.000Z", "3")));
  const read = await journal.read(ms("2026-03-01T00:00:00Z"), ms("2026-04-01T00:00:00Z"));
  assert.deepEqual(
    read.entries.map((e) => e.tid),
    ["1", "3"],
  );
  assert.equal(read.skipped, 1);
});

test("CSV: a header row, CRLF, RFC 4180 quoting, and no formula a spreadsheet would run", async () => {
  const csv = journalCsv(
    [
      {
        at: "2026-03-05T10:00:00.000Z",
        counter: 'Counter, "North"',
        tid: "13192443",
        environment: "uat",
        outcome: "otp-sent",
        ekoStatus: 0,
        responseTypeId: 2133,
        otpRefTail: "a1b2c3",
      },
      {
        at: "2026-03-05T10:01:00.000Z",
        counter: null,
        tid: "13192445",
        environment: "production",
        outcome: "eko",
        ekoStatus: -1,
        otpRefTail: "=1+2",
      },
      { at: "2026-03-05T10:02:00.000Z", counter: "two\nlines", tid: "1", environment: "practice", outcome: "busy" },
    ],
    (at) => at,
  );
  assert.equal(
    csv,
    "time,counter,environment,tid,outcome,eko status,response type id,otp ref tail,refunded amount,fee,refund id,transfer amount,chain\r\n" +
      '2026-03-05T10:00:00.000Z,"Counter, ""North""",uat,13192443,otp-sent,0,2133,a1b2c3,,,,,\r\n' +
      "2026-03-05T10:01:00.000Z,,production,13192445,eko,-1,,'=1+2,,,,,\r\n" +
      '2026-03-05T10:02:00.000Z,"two\nlines",practice,1,busy,,,,,,,,\r\n',
  );
  for (const [raw, cell] of [
    ["@SUM(A1)", "'@SUM(A1)"],
    ["+91", "'+91"],
    ["-12.5", "-12.5"],
    ["-x", "'-x"],
    ['say "hi"', '"say ""hi"""'],
    ["plain", "plain"],
  ]) {
    assert.equal(csvField(raw as string), cell, raw);
  }
});

test("times in the export are this computer's clock with its offset", async () => {
  const zone = process.env.TZ;
  try {
    process.env.TZ = "Asia/Kolkata";
    assert.equal(localIsoTime("2026-03-04T19:00:00.000Z"), "2026-03-05T00:30:00+05:30");
    process.env.TZ = "America/St_Johns";
    assert.equal(localIsoTime("2026-01-10T12:00:00.000Z"), "2026-01-10T08:30:00-03:30");
    process.env.TZ = "UTC";
    assert.equal(localIsoTime("2026-01-10T12:00:00.000Z"), "2026-01-10T12:00:00+00:00");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

const account = {
  developerKey: "0123456789abcdef0123456789abcdef",
  accessKey: TEST_SECRETS.accessKeys.journal,
  initiatorId: "9876543210",
};
let server: Simulator;
before(async () => {
  server = await startSimulator({ accounts: [account] });
});
after(() => server.close());

test("a real request's journal line and its CSV hold neither the access key nor the full otp_ref_id", async () => {
  const { desk, dataDir } = testDesk({ keyStore: memoryKeyStore(boundKeyText(account.accessKey, server.baseUrl)) });
  try {
    const configured = await desk.services.updateSettings({
      customBaseUrl: server.baseUrl,
      environment: "custom",
      developerKey: account.developerKey,
      initiatorId: account.initiatorId,
    });
    assert.ok(configured.ok);
    const sent = await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.ok(sent.ok, JSON.stringify(sent));
    const failed = await desk.services.requestRefundOtp({ tid: "13192445" });
    assert.equal(failed.ok, false);

    const folder = join(dataDir, JOURNAL_FOLDER);
    const text = readdirSync(folder)
      .map((f) => readFileSync(join(folder, f), "utf8"))
      .join("");
    const { entries } = await createJournal(dataDir).read(0, Date.now() + 86_400_000);
    const csv = journalCsv(entries);
    assert.equal(entries.length, 2);
    assert.equal(entries.find((e) => e.outcome === "otp-sent")?.otpRefTail, sent.value.otpRefId.slice(-6));
    for (const secret of [account.accessKey, Buffer.from(account.accessKey).toString("base64"), sent.value.otpRefId]) {
      assert.ok(!text.includes(secret), `journal holds ${secret}`);
      assert.ok(!csv.includes(secret), `CSV holds ${secret}`);
    }
  } finally {
    await desk.close();
  }
});

test("a read's range ends just before toMs: a line at toMs belongs to the next range", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  journal.append(record("2026-03-05T23:59:59.999Z", "1"));
  journal.append(record("2026-03-06T00:00:00.000Z", "2"));
  assert.deepEqual(
    (await journal.read(ms("2026-03-05T00:00:00Z"), ms("2026-03-06T00:00:00Z"))).entries.map((e) => e.tid),
    ["1"],
  );
  assert.deepEqual(
    (await journal.read(ms("2026-03-06T00:00:00Z"), ms("2026-03-07T00:00:00Z"))).entries.map((e) => e.tid),
    ["2"],
  );
  assert.deepEqual((await journal.read(ms("2026-03-06T00:00:00Z"), ms("2026-03-06T00:00:00Z"))).entries, []);
});

test("CSV: a refund's amounts, refund id and chain state fill the later columns", async () => {
  const csv = journalCsv(
    [
      {
        at: "2026-03-05T10:00:00.000Z",
        counter: "C1",
        tid: "13192443",
        environment: "uat",
        outcome: "refund:refunded",
        refundedAmount: "5000.00",
        fee: "50.00",
        refundTid: "RF1",
        txAmount: "5050.00",
        chain: "broken",
      },
    ],
    (at) => at,
  );
  assert.equal(
    csv.split("\r\n")[1],
    "2026-03-05T10:00:00.000Z,C1,uat,13192443,refund:refunded,,,,5000.00,50.00,RF1,5050.00,broken",
  );
});

test("CSV cells: a leading tab or CR starts a formula, a sign inside text does not, a number keeps its minus", async () => {
  for (const [raw, cell] of [
    ["\tcmd", "'\tcmd"],
    ["\r=1", '"\'\r=1"'],
    ["a\rb", '"a\rb"'],
    ["-12", "-12"],
    ["-123.45", "-123.45"],
    ["-12.", "'-12."],
    ["-.5", "'-.5"],
    ["-12.5x", "'-12.5x"],
    ["-x12", "'-x12"],
    ["-1-2", "'-1-2"],
    ["Counter-7", "Counter-7"],
    ["agent@branch", "agent@branch"],
    ["1+1=2", "1+1=2"],
  ]) {
    assert.equal(csvField(raw as string), cell, JSON.stringify(raw));
  }
});

test("unreadable lines are counted for the months the range touches only, and an empty range counts none", async () => {
  const dataDir = tempDataDir("journal");
  const journal = createJournal(dataDir, "C1");
  for (const at of ["2026-02-10", "2026-03-10", "2026-04-10", "2026-12-10", "2027-01-10"])
    journal.append(record(`${at}T10:00:00.000Z`, at));
  journal.close();
  for (const month of ["2026-02", "2026-03", "2026-04", "2026-12", "2027-01"])
    appendFileSync(monthFile(dataDir, month), `torn line of ${month}\n`);
  const counted = async (from: string, to: string) => {
    const { entries, skipped } = await journal.read(ms(from), ms(to));
    return { tids: entries.map((e) => e.tid), skipped };
  };
  assert.deepEqual(await counted("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"), { tids: ["2026-03-10"], skipped: 1 });
  assert.deepEqual(await counted("2026-03-15T00:00:00Z", "2026-04-15T00:00:00Z"), { tids: ["2026-04-10"], skipped: 2 });
  assert.deepEqual(await counted("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"), { tids: ["2026-12-10"], skipped: 1 });
  assert.deepEqual(await counted("2026-11-20T00:00:00Z", "2027-02-01T00:00:00Z"), {
    tids: ["2026-12-10", "2027-01-10"],
    skipped: 2,
  });
  assert.deepEqual(await counted("2026-03-10T00:00:00Z", "2026-03-10T00:00:00Z"), { tids: [], skipped: 0 });
  assert.deepEqual(await counted("2026-03-11T00:00:00Z", "2026-03-10T00:00:00Z"), { tids: [], skipped: 0 });
});
