/** The journal against its OS-log witness, as pure data: untouched, rewritten whole, cut short. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkAgainstWitness, type JournalLink } from "./witness-check";
import { readWitnessed, witnessMessage, type WitnessRecord } from "./witness-record";

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
    lastHead: digest(3),
    lastHeadReached: true,
    unwitnessedTail: 2,
    ok: true,
  });
});

test("a journal rewritten whole and sealed again matches no witnessed head", async () => {
  const rewritten = links(3).map((link) => ({ ...link, digest: `f${link.digest.slice(1)}` }));
  const report = await checkAgainstWitness(each(rewritten), [record(1), record(2), record(3)]);
  assert.equal(report.ok, false);
  assert.equal(report.missing.length, 3);
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
    lastHead: null,
    lastHeadReached: true,
    unwitnessedTail: 2,
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
  ].join("\r\n");
  assert.deepEqual(readWitnessed(text), [record(7), record(7), record(7), record(7)]);
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
