import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { EXIT, runCli } from "../cli/cli";
import { cliIo } from "../test-support/cli-io";
import { testDesk } from "../test-support/desk";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal, JOURNAL_FOLDER } from "./journal";
import { chainLinks, lineDigest, sealLine, verifyChain } from "./journal-chain";
import { checkAgainstWitness } from "./os-log/witness-check";
import type { WitnessRecord } from "./os-log/witness-record";
import { keepJournal } from "./retention";

process.env.TZ = "UTC";

/** Three lines in each month from January to April 2026, every line witnessed. */
function journalOfFourMonths() {
  const dataDir = tempDataDir("journal-retention");
  const folder = join(dataDir, JOURNAL_FOLDER);
  const witnessed: WitnessRecord[] = [];
  const journal = createJournal(dataDir, "Counter 4", {}, (record) => witnessed.push(record));
  for (const month of ["01", "02", "03", "04"])
    for (const day of ["05", "06", "07"])
      journal.append({
        at: `2026-${month}-${day}T10:00:00.000Z`,
        tid: `${month}${day}`,
        environment: "uat",
        outcome: "otp-sent",
      });
  return { dataDir, folder, journal, witnessed };
}

async function cli(dataDir: string, ...args: string[]) {
  const io = cliIo();
  const code = await runCli(["refund-desk", ...args], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    machinePolicyPath: null,
  });
  return { code, out: io.out(), err: io.err() };
}

const exportAll = async (dataDir: string) =>
  (await cli(dataDir, "journal", "export", "--from", "2026-01-01", "--to", "2026-04-30")).out;

/** Against the OS log's lines, with the retention the cuts below were made under (2 months). */
async function witnessReport(folder: string, witnessed: WitnessRecord[]) {
  return checkAgainstWitness(chainLinks(folder), witnessed, { retentionMonths: 2 });
}

test("months closed before last month are compressed, and read, export and verify as before", async () => {
  const { dataDir, folder, journal } = journalOfFourMonths();
  const before = { csv: await exportAll(dataDir), chain: await verifyChain(folder) };
  const plainFeb = readFileSync(join(folder, "2026-02.jsonl"));

  const upkeep = await keepJournal(folder, journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: null });
  assert.deepEqual(upkeep, { compressed: ["2026-01", "2026-02"], removed: [] });
  assert.deepEqual(readdirSync(folder).sort(), [
    "2026-01.jsonl.gz",
    "2026-02.jsonl.gz",
    "2026-03.jsonl",
    "2026-04.jsonl",
  ]);
  assert.deepEqual(gunzipSync(readFileSync(join(folder, "2026-02.jsonl.gz"))), plainFeb);

  assert.equal(await exportAll(dataDir), before.csv);
  assert.deepEqual(await verifyChain(folder), before.chain);
  assert.equal(
    (await verifyChain(folder, "2026-03", "2026-03")).firstBreak,
    null,
    "March anchors to February, compressed",
  );
  const feb = await createJournal(dataDir).read(Date.parse("2026-02-01T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z"));
  assert.deepEqual(
    feb.entries.map((e) => `${e.tid}:${e.chain}`),
    ["0205:ok", "0206:ok", "0207:ok"],
  );
  // Nothing more to do the next time; a new line still links.
  assert.deepEqual(
    await keepJournal(folder, journal, { now: new Date("2026-04-21T10:00:00Z"), retentionMonths: null }),
    {
      compressed: [],
      removed: [],
    },
  );
  journal.append({ at: "2026-04-21T10:00:00.000Z", tid: "0421", environment: "uat", outcome: "otp-sent" });
  assert.equal((await verifyChain(folder)).firstBreak, null);
});

test("a retention cut is a journal line, witnessed; the chain verifies from it and the OS log excuses what it removed", async () => {
  const { dataDir, folder, journal, witnessed } = journalOfFourMonths();
  const upkeep = await keepJournal(folder, journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: 2 });
  assert.deepEqual(upkeep, { compressed: [], removed: ["2026-01", "2026-02"] });
  assert.deepEqual(readdirSync(folder).sort(), ["2026-03.jsonl", "2026-04.jsonl"]);
  const cut = readFileSync(join(folder, "2026-04.jsonl"), "utf8").trim().split("\n").at(-1) as string;
  assert.match(
    cut,
    /^\{"journal":"retention-cut","at":"2026-04-20T10:00:00.000Z","counter":"Counter 4","keptFrom":"2026-03","anchor":"[0-9a-f]{64}","h":"[0-9a-f]{64}"\}$/,
  );
  assert.deepEqual(witnessed.at(-1), {
    at: "2026-04-20T10:00:00.000Z",
    kind: "journal",
    outcome: "retention-cut",
    tid: "",
    amount: null,
    counter: "Counter 4",
    head: lineDigest(cut),
    keptFrom: "2026-03",
  });

  const report = await verifyChain(folder);
  assert.equal(report.firstBreak, null);
  assert.equal(report.keptFrom, "2026-03");
  assert.equal(report.lines, 6, "the cut is no request");
  const text = await cli(dataDir, "journal", "verify");
  assert.equal(text.code, EXIT.ok);
  assert.match(text.out, /journal chain intact: 6 line\(s\) in 2 file\(s\); kept from 2026-03/);
  assert.equal((await witnessReport(folder, witnessed)).ok, true);
  const longer = await checkAgainstWitness(chainLinks(folder), witnessed, { retentionMonths: 12 });
  assert.equal(longer.ok, false, "a cut the retention in force could not have made excuses nothing");
  // Readers pass over the cut: no request, no damaged line.
  const april = await createJournal(dataDir).read(
    Date.parse("2026-04-01T00:00:00Z"),
    Date.parse("2026-05-01T00:00:00Z"),
  );
  assert.deepEqual(
    { tids: april.entries.map((e) => e.tid), skipped: april.skipped },
    { tids: ["0405", "0406", "0407"], skipped: 0 },
  );
});

test("the account deletes a month file: verify fails, whether or not a cut was made before", async () => {
  const oldest = journalOfFourMonths();
  rmSync(join(oldest.folder, "2026-01.jsonl"));
  assert.deepEqual((await verifyChain(oldest.folder)).firstBreak, { file: "2026-02.jsonl", line: 1, state: "broken" });

  const middle = journalOfFourMonths();
  rmSync(join(middle.folder, "2026-03.jsonl"));
  assert.deepEqual((await verifyChain(middle.folder)).firstBreak, { file: "2026-04.jsonl", line: 1, state: "broken" });

  const afterCut = journalOfFourMonths();
  await keepJournal(afterCut.folder, afterCut.journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: 2 });
  rmSync(join(afterCut.folder, "2026-03.jsonl"));
  const cli = await verifyChain(afterCut.folder);
  assert.deepEqual(cli.firstBreak, { file: "2026-04.jsonl", line: 1, state: "broken" });
  assert.equal(cli.keptFrom, null);
  assert.equal((await witnessReport(afterCut.folder, afterCut.witnessed)).ok, false);
});

test("a month deleted with a cut written by hand passes verify alone, not the OS log's witness", async () => {
  const { folder, journal, witnessed } = journalOfFourMonths();
  journal.close();
  const anchor = lineDigest(readFileSync(join(folder, "2026-01.jsonl"), "utf8").trim().split("\n").at(-1) as string);
  rmSync(join(folder, "2026-01.jsonl"));
  const april = readFileSync(join(folder, "2026-04.jsonl"), "utf8").trim().split("\n");
  const forged = sealLine(
    lineDigest(april.at(-1) as string),
    JSON.stringify({
      journal: "retention-cut",
      at: "2026-04-20T10:00:00.000Z",
      counter: "Counter 4",
      keptFrom: "2026-02",
      anchor,
    }),
  );
  appendFileSync(join(folder, "2026-04.jsonl"), `${forged}\n`);
  // The chain has no secret on the counter: a cut sealed by hand links like any line.
  assert.equal((await verifyChain(folder)).firstBreak, null);
  const report = await witnessReport(folder, witnessed);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.missing.map((record) => record.tid),
    ["0105", "0106", "0107"],
  );
});

test("the desk's upkeep cuts by the machine policy's retention; settings.json cannot ask for it", async () => {
  const { dataDir, folder, journal } = journalOfFourMonths();
  journal.close();
  writeFileSync(join(dataDir, "settings.json"), JSON.stringify({ journalRetentionMonths: 2 }));
  const now = () => Date.parse("2026-04-20T10:00:00Z");
  const open = testDesk({ dataDir, now });
  try {
    assert.deepEqual(await open.desk.keepJournal(), { compressed: ["2026-01", "2026-02"], removed: [] });
  } finally {
    await open.desk.close();
  }
  const policy = join(tempDataDir("journal-retention-policy"), "policy.json");
  writeFileSync(
    policy,
    JSON.stringify({
      environment: "practice",
      counterName: "Counter 4",
      kioskMode: false,
      settingsLocked: false,
      journalRetentionMonths: 2,
    }),
  );
  const kept = testDesk({ dataDir, now, machinePolicyPath: policy });
  try {
    assert.deepEqual(await kept.desk.keepJournal(), { compressed: [], removed: ["2026-01", "2026-02"] });
  } finally {
    await kept.desk.close();
  }
  assert.deepEqual(readdirSync(folder).sort(), ["2026-03.jsonl", "2026-04.jsonl"]);
  assert.equal((await verifyChain(folder)).keptFrom, "2026-03");
  const refused = await cli(dataDir, "config", "set", "journal-retention-months", "2");
  assert.notEqual(refused.code, EXIT.ok);
});

test("a compression stopped before the plain file was removed: the plain file is read, and the next upkeep finishes", async () => {
  const { dataDir, folder, journal } = journalOfFourMonths();
  const plainFeb = readFileSync(join(folder, "2026-02.jsonl"));
  await keepJournal(folder, journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: null });
  writeFileSync(join(folder, "2026-02.jsonl"), plainFeb);
  const feb = await createJournal(dataDir).read(Date.parse("2026-02-01T00:00:00Z"), Date.parse("2026-03-01T00:00:00Z"));
  assert.equal(feb.entries.length, 3, "read once, not from both");
  assert.equal((await verifyChain(folder)).lines, 12);
  assert.deepEqual(
    await keepJournal(folder, journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: null }),
    {
      compressed: ["2026-02"],
      removed: [],
    },
  );
  assert.deepEqual(readdirSync(folder).sort(), [
    "2026-01.jsonl.gz",
    "2026-02.jsonl.gz",
    "2026-03.jsonl",
    "2026-04.jsonl",
  ]);
});

test("after a cut, the first kept month verifies alone too: the cut is found past the range, where it links", async () => {
  const { folder, journal } = journalOfFourMonths();
  await keepJournal(folder, journal, { now: new Date("2026-04-20T10:00:00Z"), retentionMonths: 2 });
  const march = await verifyChain(folder, "2026-03", "2026-03");
  assert.deepEqual(
    { firstBreak: march.firstBreak, keptFrom: march.keptFrom },
    { firstBreak: null, keptFrom: "2026-03" },
  );
  // The same cut, its seal broken: it vouches for nothing.
  const april = join(folder, "2026-04.jsonl");
  writeFileSync(
    april,
    readFileSync(april, "utf8").replace('"counter":"Counter 4","keptFrom"', '"counter":"Counter 9","keptFrom"'),
  );
  assert.deepEqual((await verifyChain(folder, "2026-03", "2026-03")).firstBreak, {
    file: "2026-03.jsonl",
    line: 1,
    state: "broken",
  });
});
