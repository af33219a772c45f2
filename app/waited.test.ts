import { test } from "node:test";
import assert from "node:assert/strict";
import { waitedSince, workingMsBetween } from "./waited";

const H = 3_600_000;

test("a transfer that failed this morning is not overdue; one from two working days ago is", () => {
  const today = waitedSince("2026-03-04T04:00:00.000Z", "2026-03-04T08:00:00.000Z");
  assert.deepEqual(today, { ms: 4 * H, overdue: false });
  const tuesdayToThursday = waitedSince("2026-03-03T05:00:00.000Z", "2026-03-05T05:00:00.000Z");
  assert.equal(tuesdayToThursday?.overdue, true);
  // Exactly one working day is not yet past it.
  assert.equal(waitedSince("2026-03-03T05:00:00.000Z", "2026-03-04T05:00:00.000Z")?.overdue, false);
});

test("a Sunday in India does not count as a working day", () => {
  // Saturday 7 March 2026, 18:00 IST to Monday 9 March, 10:00 IST: 40 h on the clock, 16 working hours.
  const from = Date.parse("2026-03-07T18:00:00+05:30");
  const to = Date.parse("2026-03-09T10:00:00+05:30");
  assert.equal(workingMsBetween(from, to), 16 * H);
  assert.equal(waitedSince(new Date(from).toISOString(), new Date(to).toISOString())?.overdue, false);
});

test("no time, an unreadable one, or a transfer after the check: nothing to say", () => {
  assert.equal(waitedSince(null, "2026-03-04T08:00:00.000Z"), null);
  assert.equal(waitedSince("yesterday", "2026-03-04T08:00:00.000Z"), null);
  assert.equal(waitedSince("2026-03-04T08:00:00.000Z", "now"), null);
  assert.equal(waitedSince("2026-03-05T08:00:00.000Z", "2026-03-04T08:00:00.000Z"), null);
});

test("months ago is overdue without counting every day", () => {
  assert.equal(waitedSince("2025-11-03T04:45:42.000Z", "2026-03-04T08:00:00.000Z")?.overdue, true);
});

test("the same instant is no wait; a week or more counts every hour, Sundays too", () => {
  assert.deepEqual(waitedSince("2026-03-04T08:00:00.000Z", "2026-03-04T08:00:00.000Z"), { ms: 0, overdue: false });
  // Monday to Monday: exactly a week on the clock, Sunday included.
  const monday = Date.parse("2026-03-02T10:00:00+05:30");
  assert.equal(workingMsBetween(monday, monday + 7 * 24 * H), 7 * 24 * H);
  // Just under a week is counted day by day: the Sunday is left out.
  assert.equal(workingMsBetween(monday, monday + 7 * 24 * H - 1), 6 * 24 * H - 1);
});

test("a Sunday is India's Sunday: its hours from midnight to midnight IST are left out, wherever they start", () => {
  const sundayStart = Date.parse("2026-03-08T00:00:00+05:30");
  const mondayStart = Date.parse("2026-03-09T00:00:00+05:30");
  assert.equal(workingMsBetween(sundayStart, mondayStart), 0);
  assert.equal(workingMsBetween(sundayStart + H, sundayStart + 5 * H), 0);
  // The last minute of Saturday and the first of Monday count; all of Sunday between them does not.
  assert.equal(workingMsBetween(sundayStart - 60_000, mondayStart + 60_000), 120_000);
  // Friday 10:00 IST to Tuesday 10:00 IST: four days on the clock, three working days.
  const friday = Date.parse("2026-03-06T10:00:00+05:30");
  assert.equal(workingMsBetween(friday, friday + 4 * 24 * H), 3 * 24 * H);
  assert.equal(waitedSince(new Date(friday).toISOString(), new Date(friday + 4 * 24 * H).toISOString())?.overdue, true);
});
