import { test } from "node:test";
import assert from "node:assert/strict";
import fs, { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT, runCli } from "../cli/cli";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal, JOURNAL_FOLDER } from "./journal";
import { lineDigest, sealLine, verifyChain } from "./journal-chain";

/**
 * Five lines in February, four in March: the March file is anchored to February's last line. Each
 * file starts with the line naming the head before it; `lines` gives the requests' lines only, and
 * `write` puts that first line back before them (file line numbers count it).
 */
function journalOfTwoMonths() {
  const dataDir = tempDataDir("journal-chain");
  const journal = createJournal(dataDir, "Counter 2");
  for (let i = 1; i <= 5; i += 1)
    journal.append({ at: `2026-02-0${i}T10:00:00.000Z`, tid: `2${i}`, environment: "uat", outcome: "otp-sent" });
  for (let i = 1; i <= 4; i += 1)
    journal.append({ at: `2026-03-0${i}T10:00:00.000Z`, tid: `3${i}`, environment: "uat", outcome: "otp-sent" });
  const folder = join(dataDir, JOURNAL_FOLDER);
  const fileLines = (month: string) =>
    readFileSync(join(folder, `${month}.jsonl`), "utf8")
      .split("\n")
      .filter(Boolean);
  const openings = new Map(["2026-02", "2026-03"].map((month) => [month, fileLines(month)[0] as string]));
  const lines = (month: string) => fileLines(month).slice(1);
  const write = (month: string, rows: string[], opening = true) =>
    writeFileSync(
      join(folder, `${month}.jsonl`),
      `${[...(opening ? [openings.get(month)] : []), ...rows].join("\n")}\n`,
    );
  return { dataDir, folder, lines, write };
}

async function verify(dataDir: string, ...args: string[]) {
  const io = cliIo();
  const code = await runCli(["refund-desk", "journal", "verify", ...args, "--json"], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    machinePolicyPath: null,
  });
  return { code, report: JSON.parse(io.out()).value };
}

test("an untouched journal verifies across months, and the CLI says so with the head digest", async () => {
  const { dataDir, folder } = journalOfTwoMonths();
  const report = await verifyChain(folder);
  assert.deepEqual(
    { ...report, head: report.head.length },
    {
      files: 2,
      lines: 9,
      unsealedBefore: 0,
      firstBreak: null,
      torn: { count: 0, first: null },
      head: 64,
      keptFrom: null,
    },
  );
  const { code, report: cli } = await verify(dataDir);
  assert.equal(code, EXIT.ok);
  assert.equal(cli.intact, true);
  const text = cliIo();
  assert.equal(
    await runCli(["refund-desk", "journal", "verify"], text, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir,
      machinePolicyPath: null,
    }),
    EXIT.ok,
  );
  assert.match(text.out(), /journal chain intact: 9 line\(s\) in 2 file\(s\)\nhead [0-9a-f]{64}\n/);
});

test("one edited line fails verify at that line", async () => {
  const { dataDir, lines, write } = journalOfTwoMonths();
  const feb = lines("2026-02");
  feb[2] = (feb[2] as string).replace('"tid":"23"', '"tid":"99"');
  write("2026-02", feb);
  const { code, report } = await verify(dataDir);
  assert.equal(code, EXIT.failed);
  assert.deepEqual(report.firstBreak, { file: "2026-02.jsonl", line: 4, state: "broken" });
});

test("one removed line fails verify at the line after it; a removed first line of a month, at that month's first", async () => {
  const { dataDir, lines, write } = journalOfTwoMonths();
  const feb = lines("2026-02");
  write("2026-02", [...feb.slice(0, 1), ...feb.slice(2)]);
  assert.deepEqual((await verify(dataDir)).report.firstBreak, { file: "2026-02.jsonl", line: 3, state: "broken" });

  const other = journalOfTwoMonths();
  other.write("2026-03", other.lines("2026-03").slice(1));
  assert.deepEqual((await verify(other.dataDir)).report.firstBreak, {
    file: "2026-03.jsonl",
    line: 2,
    state: "broken",
  });
  // The month's opening line removed: its first request's line no longer links to February.
  const third = journalOfTwoMonths();
  third.write("2026-03", third.lines("2026-03"), false);
  assert.deepEqual((await verify(third.dataDir)).report.firstBreak, {
    file: "2026-03.jsonl",
    line: 1,
    state: "broken",
  });
});

test("two reordered lines fail verify at the first of them; a changed earlier month breaks the next month's anchor", async () => {
  const { dataDir, lines, write } = journalOfTwoMonths();
  const march = lines("2026-03");
  write("2026-03", [march[0] as string, march[2] as string, march[1] as string, march[3] as string]);
  assert.deepEqual((await verify(dataDir)).report.firstBreak, { file: "2026-03.jsonl", line: 3, state: "broken" });

  const other = journalOfTwoMonths();
  other.write("2026-02", other.lines("2026-02").slice(0, 4));
  const { report } = await verify(other.dataDir, "--from", "2026-03-01", "--to", "2026-03-31");
  assert.deepEqual(
    report.firstBreak,
    { file: "2026-03.jsonl", line: 1, state: "broken" },
    "March's first line is anchored to February's last",
  );
});

test("a line added by hand without its seal is named; lines from before the chain are counted, not a break", async () => {
  const { dataDir, lines, write } = journalOfTwoMonths();
  const march = lines("2026-03");
  write("2026-03", [
    ...march.slice(0, 2),
    '{"at":"2026-03-02T11:00:00.000Z","counter":"Counter 2","tid":"77","environment":"uat","outcome":"otp-sent"}',
    ...march.slice(2),
  ]);
  assert.deepEqual((await verify(dataDir)).report.firstBreak, { file: "2026-03.jsonl", line: 4, state: "unsealed" });

  // A journal from before the chain, then sealed lines after it.
  const old = tempDataDir("journal-old");
  const folder = join(old, JOURNAL_FOLDER);
  createJournal(old, "C").append({ at: "2026-01-01T10:00:00.000Z", tid: "0", environment: "uat", outcome: "otp-sent" });
  rmSync(join(folder, "2026-01.jsonl"));
  writeFileSync(
    join(folder, "2026-01.jsonl"),
    '{"at":"2026-01-01T10:00:00.000Z","counter":"C","tid":"0","environment":"uat","outcome":"otp-sent"}\n',
  );
  createJournal(old, "C").append({ at: "2026-01-02T10:00:00.000Z", tid: "1", environment: "uat", outcome: "otp-sent" });
  const report = await verifyChain(folder);
  assert.equal(report.firstBreak, null);
  assert.equal(report.unsealedBefore, 1);
});

test("the export marks the lines that fail", async () => {
  const { dataDir, lines, write } = journalOfTwoMonths();
  const feb = lines("2026-02");
  feb[1] = (feb[1] as string).replace('"outcome":"otp-sent"', '"outcome":"refund:refunded"');
  write("2026-02", feb);
  const read = await createJournal(dataDir).read(
    Date.parse("2026-02-01T00:00:00Z"),
    Date.parse("2026-03-01T00:00:00Z"),
  );
  assert.deepEqual(
    read.entries.map((e) => `${e.tid}:${e.chain}`),
    ["21:ok", "22:broken", "23:ok", "24:ok", "25:ok"],
  );
});

test("text added after a line's seal breaks the chain there", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  const march = lines("2026-03");
  march[1] = `${march[1] as string}{"tid":"99"}`;
  write("2026-03", march);
  assert.deepEqual((await verifyChain(folder)).firstBreak, { file: "2026-03.jsonl", line: 3, state: "unsealed" });
});

test("only YYYY-MM.jsonl files are the journal: copies and other files in the folder are passed over", async () => {
  const { folder, lines } = journalOfTwoMonths();
  const copy = `${lines("2026-02").slice(0, 2).join("\n")}\n`;
  for (const name of [
    "2026-02.jsonl.bak",
    "old-2026-01.jsonl",
    "12026-01.jsonl",
    "2026-2.jsonl",
    "202-02.jsonl",
    "notes.txt",
  ])
    writeFileSync(join(folder, name), copy);
  const report = await verifyChain(folder);
  assert.deepEqual(
    { ...report, head: "" },
    {
      files: 2,
      lines: 9,
      unsealedBefore: 0,
      firstBreak: null,
      torn: { count: 0, first: null },
      head: "",
      keptFrom: null,
    },
  );
});

test("an empty month file (a failed write) is passed over: the next month anchors to the line before it", async () => {
  const dataDir = tempDataDir("journal-chain-gap");
  const journal = createJournal(dataDir, "C");
  journal.append({ at: "2026-01-05T10:00:00.000Z", tid: "1", environment: "uat", outcome: "otp-sent" });
  const folder = join(dataDir, JOURNAL_FOLDER);
  writeFileSync(join(folder, "2026-02.jsonl"), "");
  writeFileSync(join(folder, "2026-03.jsonl"), "\n");
  journal.append({ at: "2026-04-05T10:00:00.000Z", tid: "4", environment: "uat", outcome: "otp-sent" });
  journal.close();
  const report = await verifyChain(folder);
  assert.deepEqual(
    { ...report, head: "" },
    {
      files: 4,
      lines: 2,
      unsealedBefore: 0,
      firstBreak: null,
      torn: { count: 0, first: null },
      head: "",
      keptFrom: null,
    },
  );
  assert.equal((await verifyChain(folder, "2026-04")).firstBreak, null);
  const april = await createJournal(dataDir).read(
    Date.parse("2026-04-01T00:00:00Z"),
    Date.parse("2026-05-01T00:00:00Z"),
  );
  assert.deepEqual(
    april.entries.map((e) => e.chain),
    ["ok"],
  );
});

test("checked from a later month, an unsealed first line is a break, not a line from before the chain", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  const march = lines("2026-03");
  write(
    "2026-03",
    [
      '{"at":"2026-03-01T09:00:00.000Z","counter":"Counter 2","tid":"77","environment":"uat","outcome":"otp-sent"}',
      ...march,
    ],
    false,
  );
  const report = await verifyChain(folder, "2026-03", "2026-03");
  assert.equal(report.files, 1);
  assert.equal(report.unsealedBefore, 0);
  assert.deepEqual(report.firstBreak, { file: "2026-03.jsonl", line: 1, state: "unsealed" });
});

test("the first month checked alone anchors to nothing; its head is its last line's seal", async () => {
  const { folder, lines } = journalOfTwoMonths();
  const report = await verifyChain(folder, "2026-02", "2026-02");
  assert.deepEqual(
    { ...report, head: "" },
    {
      files: 1,
      lines: 5,
      unsealedBefore: 0,
      firstBreak: null,
      torn: { count: 0, first: null },
      head: "",
      keptFrom: null,
    },
  );
  assert.equal(report.head, /"h":"([0-9a-f]{64})"\}$/.exec(lines("2026-02").at(-1) as string)?.[1]);
});

test("a journal folder that does not exist yet verifies as empty", async () => {
  const report = await verifyChain(join(tempDataDir("journal-chain-none"), JOURNAL_FOLDER));
  assert.deepEqual(report, {
    files: 0,
    lines: 0,
    unsealedBefore: 0,
    firstBreak: null,
    torn: { count: 0, first: null },
    head: "",
    keptFrom: null,
  });
});

test("an edit of the journal's very first line fails verify at line 1", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  const feb = lines("2026-02");
  feb[0] = (feb[0] as string).replace('"tid":"21"', '"tid":"99"');
  write("2026-02", feb, false);
  const report = await verifyChain(folder);
  assert.equal(report.unsealedBefore, 0);
  assert.deepEqual(report.firstBreak, { file: "2026-02.jsonl", line: 1, state: "broken" });
});

test("the chain is walked in month order whatever order the file system lists the files in", async (t) => {
  const { dataDir, folder } = journalOfTwoMonths();
  const journal = createJournal(dataDir, "Counter 2");
  journal.append({ at: "2026-04-01T10:00:00.000Z", tid: "41", environment: "uat", outcome: "otp-sent" });
  journal.close();
  // Node does not promise an order; the test lists newest first.
  const readdirSync = fs.readdirSync.bind(fs) as (path: string) => string[];
  t.mock.method(fs, "readdirSync", (path: string) => readdirSync(path).reverse());
  const report = await verifyChain(folder);
  assert.deepEqual(
    { ...report, head: "" },
    {
      files: 3,
      lines: 10,
      unsealedBefore: 0,
      firstBreak: null,
      torn: { count: 0, first: null },
      head: "",
      keptFrom: null,
    },
  );
  const april = await createJournal(dataDir).read(
    Date.parse("2026-04-01T00:00:00Z"),
    Date.parse("2026-05-01T00:00:00Z"),
  );
  assert.deepEqual(
    april.entries.map((e) => e.chain),
    ["ok"],
  );
});

test("lines before the chain are only those before the first sealed line, even when that line was edited", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  const old =
    '{"at":"2026-02-01T09:00:00.000Z","counter":"Counter 2","tid":"20","environment":"uat","outcome":"otp-sent"}';
  const feb = lines("2026-02");
  write("2026-02", [old, (feb[0] as string).replace('"tid":"21"', '"tid":"99"'), old.replace('"20"', '"22"')], false);
  const report = await verifyChain(folder, "2026-02", "2026-02");
  assert.equal(report.unsealedBefore, 1);
  assert.deepEqual(report.firstBreak, { file: "2026-02.jsonl", line: 2, state: "broken" });
});

test("a month is read without the month before it: its first line names the head before it", async (t) => {
  const { dataDir, folder } = journalOfTwoMonths();
  const opened: string[] = [];
  const openSync = fs.openSync.bind(fs) as (path: string, flags: string) => number;
  t.mock.method(fs, "openSync", (path: string, flags: string) => {
    opened.push(String(path));
    return openSync(path, flags);
  });
  const createReadStream = fs.createReadStream.bind(fs) as (path: string) => fs.ReadStream;
  t.mock.method(fs, "createReadStream", (path: string) => {
    opened.push(String(path));
    return createReadStream(path);
  });
  const march = await createJournal(dataDir).read(
    Date.parse("2026-03-02T00:00:00Z"),
    Date.parse("2026-03-03T00:00:00Z"),
  );
  assert.deepEqual(
    march.entries.map((e) => `${e.tid}:${e.chain}`),
    ["32:ok"],
  );
  assert.deepEqual([...new Set(opened)], [join(folder, "2026-03.jsonl")]);
});

test("a month written before months named the head before them reads and verifies from the month before's last line", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  // As an older version wrote it: March's first request's line sealed straight to February's last.
  let previous = lineDigest(lines("2026-02").at(-1) as string);
  const resealed = lines("2026-03").map((raw) => {
    const { h: _h, ...body } = JSON.parse(raw) as Record<string, unknown>;
    const line = sealLine(previous, JSON.stringify(body));
    previous = lineDigest(line);
    return line;
  });
  write("2026-03", resealed, false);
  assert.equal((await verifyChain(folder)).firstBreak, null);
  assert.equal((await verifyChain(folder, "2026-03", "2026-03")).firstBreak, null);
  const read = await createJournal(join(folder, "..")).read(
    Date.parse("2026-03-01T00:00:00Z"),
    Date.parse("2026-04-01T00:00:00Z"),
  );
  assert.deepEqual(
    read.entries.map((e) => e.chain),
    ["ok", "ok", "ok", "ok"],
  );
});

test("a write cut short (a full disk, a crash) is a torn line, not a break: the writer's next line links to it", async () => {
  const { dataDir, folder } = journalOfTwoMonths();
  const march = join(folder, "2026-03.jsonl");
  // Half a line, as a failed write leaves it; the next append seals to it and starts a line of its own.
  fs.appendFileSync(march, '{"at":"2026-03-05T10:00:00.000Z","counter":"Counter 2","tid":"35","envir');
  createJournal(dataDir, "Counter 2").append({
    at: "2026-03-06T10:00:00.000Z",
    tid: "36",
    environment: "uat",
    outcome: "otp-sent",
  });
  const report = await verifyChain(folder);
  assert.equal(report.firstBreak, null);
  assert.deepEqual(report.torn, { count: 1, first: { file: "2026-03.jsonl", line: 6 } });
  assert.equal(report.lines, 10);
  const text = cliIo();
  assert.equal(
    await runCli(["refund-desk", "journal", "verify"], text, { fetch, keyStore: memoryKeyStore(), dataDir }),
    EXIT.ok,
  );
  assert.match(
    text.out(),
    /1 torn line\(s\), writes cut short by a crash or a full disk \(the first at 2026-03\.jsonl line 6\)/,
  );
});

test("a line replaced by junk still breaks the chain: the line after it linked to what was removed", async () => {
  const { folder, lines, write } = journalOfTwoMonths();
  const march = lines("2026-03");
  march[1] = '{"at":"2026-03-02T10:00:00.000Z","tid":"3';
  write("2026-03", march);
  const report = await verifyChain(folder);
  assert.deepEqual(report.firstBreak, { file: "2026-03.jsonl", line: 3, state: "unsealed" });
  assert.equal(report.torn.count, 0);
});

/** The March file's lines after a write cut short and the writer's next append. */
function tornThenAppended() {
  const journal = journalOfTwoMonths();
  const march = join(journal.folder, "2026-03.jsonl");
  fs.appendFileSync(march, '{"at":"2026-03-05T10:00:00.000Z","counter":"Counter 2","tid":"35","envir');
  createJournal(journal.dataDir, "Counter 2").append({
    at: "2026-03-06T10:00:00.000Z",
    tid: "36",
    environment: "uat",
    outcome: "otp-sent",
  });
  const lines = readFileSync(march, "utf8").split("\n").filter(Boolean);
  return { ...journal, march, lines };
}

test("the writer's next line after a torn one is a mark naming the head before it, sealed to the torn line", () => {
  const { lines } = tornThenAppended();
  // Opening, 31–34, the torn line, the mark, 36.
  assert.equal(lines.length, 8);
  assert.equal(
    lines[6],
    sealLine(
      lineDigest(lines[5] as string),
      JSON.stringify({ journal: "torn", previous: lineDigest(lines[4] as string) }),
    ),
  );
});

test("a record removed just before a torn line breaks the chain: the mark after it names the removed line's head", async () => {
  const { folder, march, lines } = tornThenAppended();
  writeFileSync(march, `${[...lines.slice(0, 4), ...lines.slice(5)].join("\n")}\n`);
  const report = await verifyChain(folder);
  assert.deepEqual(report.firstBreak, { file: "2026-03.jsonl", line: 5, state: "unsealed" });
  assert.equal(report.torn.count, 0);
});

test("a torn line sealed over without the mark (an earlier version's writer, or a forger's) is a break", async () => {
  const { folder, march, lines } = tornThenAppended();
  const torn = lines[5] as string;
  const body = JSON.stringify({
    at: "2026-03-06T10:00:00.000Z",
    counter: "Counter 2",
    tid: "36",
    environment: "uat",
    outcome: "otp-sent",
  });
  writeFileSync(march, `${[...lines.slice(0, 6), sealLine(lineDigest(torn), body)].join("\n")}\n`);
  assert.deepEqual((await verifyChain(folder)).firstBreak, { file: "2026-03.jsonl", line: 6, state: "unsealed" });
});

test("a torn line that ends the journal is counted, and the head is the line before it", async () => {
  const { folder } = journalOfTwoMonths();
  const intact = await verifyChain(folder);
  fs.appendFileSync(join(folder, "2026-03.jsonl"), '{"at":"2026-03-05T10:00:00.000Z","tid":"3');
  const report = await verifyChain(folder);
  assert.equal(report.firstBreak, null);
  assert.deepEqual(report.torn, { count: 1, first: { file: "2026-03.jsonl", line: 6 } });
  assert.equal(report.head, intact.head);
});

test("a tear at a month's end: the next month's first write seals the mark into the month before, and the chain holds", async () => {
  const dataDir = tempDataDir("journal-chain");
  const journal = createJournal(dataDir, "Counter 2");
  for (let i = 1; i <= 3; i += 1)
    journal.append({ at: `2026-02-0${i}T10:00:00.000Z`, tid: `2${i}`, environment: "uat", outcome: "otp-sent" });
  journal.close();
  const folder = join(dataDir, JOURNAL_FOLDER);
  fs.appendFileSync(join(folder, "2026-02.jsonl"), '{"at":"2026-02-28T23:59:59.000Z","tid":"2');
  createJournal(dataDir, "Counter 2").append({
    at: "2026-03-01T08:00:00.000Z",
    tid: "31",
    environment: "uat",
    outcome: "otp-sent",
  });
  const february = readFileSync(join(folder, "2026-02.jsonl"), "utf8").split("\n").filter(Boolean);
  assert.equal(JSON.parse(february.at(-1) as string).journal, "torn");
  const report = await verifyChain(folder);
  assert.equal(report.firstBreak, null);
  assert.deepEqual(report.torn, { count: 1, first: { file: "2026-02.jsonl", line: 5 } });
  assert.equal(report.lines, 4);
});
