/** The journal against its OS-log witness, as pure data: untouched, rewritten whole, cut short. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkAgainstWitness, type JournalLink } from "./witness-check";
import { witnessedIn, witnessMessage, type WitnessRecord } from "./witness-record";

const digest = (n: number) => n.toString(16).padStart(64, "0");
const links = (n: number): JournalLink[] =>
  Array.from({ length: n }, (_, i) => ({ file: "2026-12.jsonl", line: i + 1, digest: digest(i + 1) }));
async function* each(links: JournalLink[]) {
  yield* links;
}
const record = (n: number): WitnessRecord => ({
  at: `2026-12-07T05:0${n % 10}:00.000Z`,
  kind: "otp",
  outcome: "otp:sent",
  tid: "13192443",
  amount: null,
  counter: "Counter 3",
  head: digest(n),
});

test("an untouched journal has every witnessed head; lines since the last are counted, not blamed", async () => {
  const report = await checkAgainstWitness(each(links(5)), [record(1), record(2), record(3)]);
  assert.deepEqual(report, {
    account: null,
    witnessed: 3,
    missing: [],
    missingCount: 0,
    lastHead: digest(3),
    lastHeadReached: true,
    unwitnessedTail: 2,
    otherAccounts: 0,
    noneWitnessed: false,
    ok: true,
  });
});

test("a journal rewritten whole and sealed again matches no witnessed head", async () => {
  const rewritten = links(3).map((link) => ({ ...link, digest: `f${link.digest.slice(1)}` }));
  const report = await checkAgainstWitness(each(rewritten), [record(1), record(2), record(3)]);
  assert.equal(report.ok, false);
  assert.equal(report.missingCount, 3);
  assert.equal(report.lastHeadReached, false);
});

test("a tail cut after the OS log saw it: the last head is no longer reached", async () => {
  const report = await checkAgainstWitness(each(links(2)), [record(1), record(2), record(3)]);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.missing.map((r) => r.head),
    [digest(3)],
  );
  assert.equal(report.lastHeadReached, false);
});

test("a journal with lines of which the OS log has none is vouched for by nothing; an empty journal needs nothing", async () => {
  assert.deepEqual(await checkAgainstWitness(each(links(2)), []), {
    account: null,
    witnessed: 0,
    missing: [],
    missingCount: 0,
    lastHead: null,
    lastHeadReached: true,
    unwitnessedTail: 2,
    otherAccounts: 0,
    noneWitnessed: true,
    ok: false,
  });
  assert.equal((await checkAgainstWitness(each([]), [])).ok, true);
});

test("a journal rewritten whole, checked as another account's: the OS log holds none of that account's lines, and it fails", async () => {
  const rewritten = links(3).map((link) => ({ ...link, digest: `f${link.digest.slice(1)}` }));
  const log = [1, 2, 3].map((n) => ({ ...record(n), account: "uid-501" }));
  const report = await checkAgainstWitness(each(rewritten), log, { account: "uid-502" });
  assert.deepEqual(
    { ok: report.ok, noneWitnessed: report.noneWitnessed, otherAccounts: report.otherAccounts },
    { ok: false, noneWitnessed: true, otherAccounts: 3 },
  );
});

test("witness lines are found inside whatever the OS log puts around them; look-alikes are skipped", async () => {
  const line = witnessMessage(record(7));
  const text = [
    `Dec  7 05:58:51 counter-3 refund-desk[42]: ${line}`,
    `<14>Dec  7 05:58:51 refund-desk[42]: ${line}`,
    `2026-12-07 05:58:51.000 Df logger[42:1a] ${line}`,
    `2026-12-07 05:58:51.000 Df refund-desk-os-log[42:1a] [in.refunddesk.app:journal] ${line}`,
    "Dec  7 05:58:52 counter-3 refund-desk[42]: REFUND-DESK-JOURNAL {not json",
    `Dec  7 05:58:53 counter-3 refund-desk[42]: REFUND-DESK-JOURNAL ${JSON.stringify({ ...record(8), head: "short" })}`,
    "unrelated line",
    `Dec  7 05:58:55 counter-3 refund-desk[42]: REFUND-DESK-JOURNAL ${JSON.stringify({ ...record(8), head: `${digest(8)}0` })}`,
    `Dec  7 05:58:56 counter-3 refund-desk[42]: REFUND-DESK-JOURNAL ${JSON.stringify({ ...record(8), head: `x${digest(8)}` })}`,
    `Dec  7 05:58:57 counter-3 refund-desk[42]: ${witnessMessage({ ...record(10), keptFrom: "2026-1" })}`,
    `Dec  7 05:58:58 counter-3 refund-desk[42]: ${witnessMessage({ ...record(11), keptFrom: "x2026-11" })}`,
    `Dec  7 05:58:59 counter-3 refund-desk[42]: REFUND-DESK-JOURNAL ${JSON.stringify({ ...record(12), kind: 7 })}`,
    `Dec  7 05:58:54 counter-3 refund-desk[42]: ${witnessMessage({ ...record(9), account: "asha@counter-3" })}  `,
  ];
  assert.deepEqual(
    text.map(witnessedIn).filter((found) => found !== null),
    [
      record(7),
      record(7),
      record(7),
      record(7),
      record(10),
      record(11),
      { ...record(12), kind: "" },
      { ...record(9), account: "asha@counter-3" },
    ],
  );
});

test("a witnessed line missing from the journal fails the check even when the last head is reached", async () => {
  const report = await checkAgainstWitness(each(links(3)), [record(1), record(9), record(3)]);
  assert.equal(report.lastHeadReached, true);
  assert.deepEqual(
    report.missing.map((r) => r.head),
    [digest(9)],
  );
  assert.equal(report.ok, false);
});

const of = (account: string | undefined, n: number): WitnessRecord => ({
  ...record(n),
  ...(account === undefined ? {} : { account }),
});

test("lines of other accounts' journals are counted apart; lines with no account are held against this one", async () => {
  const log = [of("asha@pc", 1), of("ravi@pc", 41), of(undefined, 2), of("ravi@pc", 42), of("asha@pc", 3)];
  const report = await checkAgainstWitness(each(links(3)), log, { account: "asha@pc" });
  assert.deepEqual(
    { ok: report.ok, witnessed: report.witnessed, otherAccounts: report.otherAccounts, tail: report.unwitnessedTail },
    { ok: true, witnessed: 3, otherAccounts: 2, tail: 0 },
  );
  // Ravi's last line is the log's last: taken as this journal's, it would look like a cut end.
  const unfiltered = await checkAgainstWitness(each(links(3)), [...log, of("ravi@pc", 43)]);
  assert.equal(unfiltered.lastHeadReached, false);
  const oldLine = await checkAgainstWitness(each(links(3)), [...log, of(undefined, 9)], { account: "asha@pc" });
  assert.equal(oldLine.ok, false, "a line with no account may be this journal's: held against it");
});

test("years of missing lines are counted, and a few of them kept to show", async () => {
  async function* log() {
    for (let n = 1; n <= 50_000; n += 1) yield record(n);
  }
  const report = await checkAgainstWitness(each(links(10)), log());
  assert.equal(report.missingCount, 50_000 - 10);
  assert.equal(report.missing.length, 20);
  assert.equal(report.missing[0]?.head, digest(11));
  assert.equal(report.witnessed, 50_000);
});

const cut = (at: string, keptFrom: string, n: number): WitnessRecord => ({
  ...record(n),
  at,
  kind: "journal",
  outcome: "retention-cut",
  keptFrom,
});

test("a retention cut excuses the months before it keeps, no more than the retention in force lets it", async () => {
  const old = (month: string, n: number) => ({ ...record(n), at: `${month}-10T05:00:00.000Z` });
  const log = [
    old("2026-01", 101),
    old("2026-02", 102),
    old("2026-03", 103),
    cut("2026-06-01T00:00:00.000Z", "2026-03", 1),
  ];
  const kept = (retentionMonths: number | null) =>
    checkAgainstWitness(each(links(1)), log, { retentionMonths }).then((report) =>
      report.missing.map((missed) => missed.at.slice(0, 7)),
    );
  assert.deepEqual(await kept(4), ["2026-03"], "kept from March: January and February excused");
  assert.deepEqual(await kept(12), ["2026-01", "2026-02", "2026-03"], "a 12-month retention cuts nothing in June");
  assert.deepEqual(await kept(null), ["2026-01", "2026-02", "2026-03"], "no retention: no cut excuses anything");
  // Anyone on the PC can write a line that looks like a cut: one claiming to keep from next year
  // excuses only what the retention in force could have removed.
  const forged = [old("2026-01", 101), old("2026-04", 104), cut("2026-06-01T00:00:00.000Z", "2027-01", 1)];
  const report = await checkAgainstWitness(each(links(1)), forged, { retentionMonths: 4 });
  assert.deepEqual(
    report.missing.map((missed) => missed.at.slice(0, 7)),
    ["2026-04"],
  );
  assert.equal(report.ok, false);
});

test("missing lines are shown in the log's order, whatever months they fall in", async () => {
  const at = (month: string, n: number) => ({ ...record(n), at: `${month}-10T05:00:00.000Z` });
  const report = await checkAgainstWitness(each(links(1)), [
    at("2026-03", 103),
    at("2026-01", 101),
    at("2026-03", 104),
  ]);
  assert.deepEqual(
    report.missing.map((missed) => missed.head),
    [digest(103), digest(101), digest(104)],
  );
});

test("only a witnessed retention cut excuses; of several, the one that keeps the least recent months holds", async () => {
  const old = (month: string, n: number) => ({ ...record(n), at: `${month}-10T05:00:00.000Z` });
  const months = [old("2026-01", 101), old("2026-02", 102), old("2026-03", 103)];
  const gaps = async (...extra: WitnessRecord[]) =>
    (await checkAgainstWitness(each(links(1)), [...months, ...extra], { retentionMonths: 4 })).missing.map((missed) =>
      missed.at.slice(0, 7),
    );
  // A line that is not a cut excuses nothing, whatever it carries.
  assert.deepEqual(await gaps({ ...cut("2026-06-01T00:00:00.000Z", "2026-03", 1), kind: "otp" }), [
    "2026-01",
    "2026-02",
    "2026-03",
  ]);
  assert.deepEqual(await gaps({ ...cut("2026-06-01T00:00:00.000Z", "2026-03", 1), outcome: "otp:sent" }), [
    "2026-01",
    "2026-02",
    "2026-03",
  ]);
  // A later cut keeping more months does not take back what an earlier one excused.
  assert.deepEqual(
    await gaps(cut("2026-06-01T00:00:00.000Z", "2026-03", 1), cut("2026-06-02T00:00:00.000Z", "2026-01", 1)),
    ["2026-03"],
  );
  // A line whose time is not a month's is never excused.
  assert.deepEqual(
    (
      await checkAgainstWitness(
        each(links(1)),
        [{ ...record(104), at: "garbage" }, cut("2026-06-01T00:00:00.000Z", "2026-03", 1)],
        {
          retentionMonths: 4,
        },
      )
    ).missingCount,
    1,
  );
});

test("at most 20 missing lines are shown, across months too; a cut tail leaves no unwitnessed tail", async () => {
  const log: WitnessRecord[] = [];
  for (const month of ["2026-01", "2026-02", "2026-03"])
    for (let i = 0; i < 15; i += 1) log.push({ ...record(1000 + log.length), at: `${month}-10T05:00:00.000Z` });
  const report = await checkAgainstWitness(each(links(1)), log);
  assert.equal(report.missingCount, 45);
  assert.equal(report.missing.length, 20);
  const cut = await checkAgainstWitness(each(links(2)), [record(1), record(2), record(3)]);
  assert.equal(cut.unwitnessedTail, 0);
});
