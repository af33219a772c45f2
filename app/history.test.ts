import { test } from "node:test";
import assert from "node:assert/strict";
import { dayRangeProblem, isCalendarDay, localDay, MAX_HISTORY_DAYS } from "./history";

test("a calendar day is YYYY-MM-DD and exists on the calendar", () => {
  for (const day of ["2026-03-05", "2024-02-29", "2026-12-31", "2026-01-01", "2000-02-29"]) {
    assert.equal(isCalendarDay(day), true, day);
  }
  for (const day of [
    "2026-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-03-00",
    "1900-02-29",
    "2026-3-05",
    "2026-03-5",
    "26-03-05",
    " 2026-03-05",
    "2026-03-05 ",
    "2026-03-05T00:00",
    "x2026-03-05",
    "2026/03/05",
    "",
  ]) {
    assert.equal(isCalendarDay(day), false, day);
  }
});

test("a range of days: each end a real day, in order, and at most the longest allowed", () => {
  assert.equal(MAX_HISTORY_DAYS, 366);
  assert.equal(dayRangeProblem({ from: "2026-03-05", to: "2026-03-05" }, 1), null);
  assert.equal(dayRangeProblem({ from: "2026-03-05", to: "2026-03-06" }, 2), null);
  assert.deepEqual(dayRangeProblem({ from: "2026-03-05", to: "2026-03-06" }, 1), {
    kind: "invalid-input",
    field: "to",
    reason: "range-too-long",
  });
  // A leap year's 366 days are allowed; one more is not.
  assert.equal(dayRangeProblem({ from: "2024-01-01", to: "2024-12-31" }, 366), null);
  assert.deepEqual(dayRangeProblem({ from: "2024-01-01", to: "2025-01-01" }, 366), {
    kind: "invalid-input",
    field: "to",
    reason: "range-too-long",
  });
});

test("a refused range names the end at fault", () => {
  assert.deepEqual(dayRangeProblem({ from: "2026-02-30", to: "2026-02-30" }, 31), {
    kind: "invalid-input",
    field: "from",
    reason: "not-a-date",
  });
  assert.deepEqual(dayRangeProblem({ from: "2026-03-01", to: "2026-02-30" }, 31), {
    kind: "invalid-input",
    field: "to",
    reason: "not-a-date",
  });
  assert.deepEqual(dayRangeProblem({ from: "2026-03-02", to: "2026-03-01" }, 31), {
    kind: "invalid-input",
    field: "to",
    reason: "before-from",
  });
  assert.deepEqual(dayRangeProblem({ from: "2026-01-01", to: "2025-12-31" }, 31), {
    kind: "invalid-input",
    field: "to",
    reason: "before-from",
  });
});

test("today on this computer's calendar, zero-padded", () => {
  assert.equal(localDay(new Date(2026, 2, 5, 23, 59)), "2026-03-05");
  assert.equal(localDay(new Date(2026, 11, 31, 0, 0)), "2026-12-31");
  assert.equal(localDay(new Date(2026, 9, 10, 12)), "2026-10-10");
});
