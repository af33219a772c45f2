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
    witnessed: 3,
    missing: [],
    missingCount: 0,
    lastHead: digest(3),
    lastHeadReached: true,
    unwitnessedTail: 2,
    otherAccounts: 0,
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

test("nothing witnessed yet: nothing to hold against the journal", async () => {
  assert.deepEqual(await checkAgainstWitness(each(links(2)), []), {
    witnessed: 0,
    missing: [],
    missingCount: 0,
    lastHead: null,
    lastHeadReached: true,
    unwitnessedTail: 2,
    otherAccounts: 0,
    ok: true,
  });
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
    `Dec  7 05:58:54 counter-3 refund-desk[42]: ${witnessMessage({ ...record(9), account: "asha@counter-3" })}  `,
  ];
  assert.deepEqual(
    text.map(witnessedIn).filter((found) => found !== null),
    [record(7), record(7), record(7), record(7), { ...record(9), account: "asha@counter-3" }],
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
  const report = await checkAgainstWitness(each(links(3)), log, "asha@pc");
  assert.deepEqual(
    { ok: report.ok, witnessed: report.witnessed, otherAccounts: report.otherAccounts, tail: report.unwitnessedTail },
    { ok: true, witnessed: 3, otherAccounts: 2, tail: 0 },
  );
  // Ravi's last line is the log's last: taken as this journal's, it would look like a cut end.
  const unfiltered = await checkAgainstWitness(each(links(3)), [...log, of("ravi@pc", 43)]);
  assert.equal(unfiltered.lastHeadReached, false);
  const oldLine = await checkAgainstWitness(each(links(3)), [...log, of(undefined, 9)], "asha@pc");
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
