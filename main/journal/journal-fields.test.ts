/**
 * What a read keeps of a journal line that was written by hand or by another tool: each field only
 * in its own type and shape, so an edited line cannot put anything else on a reprint, the History
 * screen or an export. The cases pin the edges of each shape (just inside and just outside).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal, JOURNAL_FOLDER } from "./journal";

const AT = "2026-03-05T10:00:00.000Z";
const base = { at: AT, counter: "C1", tid: "13192443", environment: "uat", outcome: "refund:refunded" };

/** Reads back March 2026 after writing these lines (objects as JSON, strings as they are) by hand. */
async function readLines(lines: unknown[]) {
  const dataDir = tempDataDir("journal-fields");
  mkdirSync(join(dataDir, JOURNAL_FOLDER));
  const text = lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n");
  writeFileSync(join(dataDir, JOURNAL_FOLDER, "2026-03.jsonl"), `${text}\n`);
  return await createJournal(dataDir).read(Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-04-01T00:00:00Z"));
}

/** The one entry read back from a line with these fields, without its chain state. */
async function kept(fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { entries, skipped } = await readLines([{ ...base, ...fields }]);
  assert.equal(skipped, 0, JSON.stringify(fields));
  assert.equal(entries.length, 1);
  const { chain, ...entry } = entries[0] as unknown as Record<string, unknown>;
  assert.equal(chain, "unsealed");
  return entry;
}

test("a line without a string tid, environment or outcome is skipped", async () => {
  const read = await readLines([
    { ...base, tid: 13192443 },
    { ...base, environment: undefined },
    { ...base, outcome: ["refund:refunded"] },
    { ...base, tid: "ok" },
  ]);
  assert.equal(read.skipped, 3);
  assert.deepEqual(
    read.entries.map((e) => e.tid),
    ["ok"],
  );
});

test("a counter that is not text reads as no counter", async () => {
  assert.deepEqual(await kept({ counter: 7 }), { ...base, counter: null });
  assert.deepEqual(await kept({ counter: null }), { ...base, counter: null });
});

test("Eko's status and response type are kept only as numbers", async () => {
  assert.deepEqual(await kept({ ekoStatus: 0, responseTypeId: 2133 }), { ...base, ekoStatus: 0, responseTypeId: 2133 });
  assert.deepEqual(await kept({ ekoStatus: "0", responseTypeId: "2133" }), base);
});

test("the otp_ref_id tail is kept only as text, cut to its last 6 characters", async () => {
  assert.deepEqual(await kept({ otpRefTail: "abc" }), { ...base, otpRefTail: "abc" });
  assert.deepEqual(await kept({ otpRefTail: "0123456789" }), { ...base, otpRefTail: "456789" });
  assert.deepEqual(await kept({ otpRefTail: 123456789 }), base);
});

test("rupee amounts are kept only as whole rupees and two paise digits, up to 15 digits, a minus allowed", async () => {
  for (const good of ["5000.00", "0.50", "-10.00", "123456789012345.99"])
    assert.deepEqual(await kept({ refundedAmount: good, fee: good, txAmount: good }), {
      ...base,
      refundedAmount: good,
      fee: good,
      txAmount: good,
    });
  for (const bad of ["5000", "5000.0", "5000.000", ".50", "1234567890123456.00", "x5000.00", "5000.00x", "+5.00", 5000])
    assert.deepEqual(await kept({ refundedAmount: bad, fee: bad, txAmount: bad }), base, JSON.stringify(bad));
});

test("refund ids and agent codes are kept only as 1 to 40 letters, digits, _ or -", async () => {
  const forty = "A".repeat(39) + "9";
  for (const good of ["9", "RF_20-x", forty])
    assert.deepEqual(await kept({ refundTid: good, agentCode: good }), { ...base, refundTid: good, agentCode: good });
  for (const bad of ["", `${forty}1`, "RF 1", "RF1;", "=1+1", 9_000_123])
    assert.deepEqual(await kept({ refundTid: bad, agentCode: bad }), base, JSON.stringify(bad));
});

test("the transfer's time is kept only as a date of at most 40 characters", async () => {
  const forty = "Mon, 03 Nov 2025 10:15:42 GMT+0530 (IST)";
  const fortyOne = "Mon, 03 Nov 2025 10:15:42 GMT+0530 (ISTT)";
  assert.equal(forty.length, 40);
  assert.equal(fortyOne.length, 41);
  assert.ok(!Number.isNaN(Date.parse(fortyOne)));
  for (const good of ["2025-11-03T04:45:42.000Z", forty])
    assert.deepEqual(await kept({ txTime: good }), { ...base, txTime: good });
  for (const bad of [fortyOne, "yesterday", "", 1762145142000])
    assert.deepEqual(await kept({ txTime: bad }), base, JSON.stringify(bad));
});

test("the account's last 4 are kept only as 1 to 4 letters, digits or *; the mobile's only as 4 digits", async () => {
  for (const good of ["7890", "*890", "X", "ab*9"])
    assert.deepEqual(await kept({ accountLast4: good }), { ...base, accountLast4: good });
  for (const bad of ["", "67890", "78-0", 7890]) assert.deepEqual(await kept({ accountLast4: bad }), base, String(bad));
  assert.deepEqual(await kept({ mobileLast4: "0042" }), { ...base, mobileLast4: "0042" });
  for (const bad of ["042", "98765", "98a5", "x0042", "0042x", 1234])
    assert.deepEqual(await kept({ mobileLast4: bad }), base, String(bad));
});

test("the count of transfers found is kept only as a whole number from 0", async () => {
  assert.deepEqual(await kept({ listed: 0 }), { ...base, listed: 0 });
  assert.deepEqual(await kept({ listed: 12 }), { ...base, listed: 12 });
  for (const bad of [-1, 1.5, "3", 2 ** 53]) assert.deepEqual(await kept({ listed: bad }), base, String(bad));
});

test("a blank line (an editor's stray spaces) is neither an entry nor counted as skipped", async () => {
  const read = await readLines([base, "   ", "\t"]);
  assert.equal(read.skipped, 0);
  assert.equal(read.entries.length, 1);
});
