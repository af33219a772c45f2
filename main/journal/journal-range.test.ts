import { test } from "node:test";
import assert from "node:assert/strict";
import { rangeToMs } from "./journal-range";

// Days are this computer's days: run these as a counter PC in India would (no DST there).
process.env.TZ = "Asia/Kolkata";

function refusal(from: string, to: string, maxDays = 31): string {
  const result = rangeToMs({ from, to }, maxDays);
  assert.equal(result.ok, false, `${from}..${to} accepted`);
  return result.ok || result.error.kind !== "invalid-input"
    ? JSON.stringify(result)
    : `${result.error.field}:${result.error.reason}`;
}

test("a range runs from local midnight starting `from` to local midnight ending `to`", () => {
  assert.deepEqual(rangeToMs({ from: "2026-03-05", to: "2026-03-05" }, 31), {
    ok: true,
    value: { fromMs: Date.parse("2026-03-04T18:30:00Z"), toMs: Date.parse("2026-03-05T18:30:00Z") },
  });
  // Across a month and a year end, and over a leap day.
  assert.deepEqual(rangeToMs({ from: "2026-12-31", to: "2027-01-01" }, 31), {
    ok: true,
    value: { fromMs: Date.parse("2026-12-30T18:30:00Z"), toMs: Date.parse("2027-01-01T18:30:00Z") },
  });
  assert.deepEqual(rangeToMs({ from: "2028-02-28", to: "2028-02-29" }, 31), {
    ok: true,
    value: { fromMs: Date.parse("2028-02-27T18:30:00Z"), toMs: Date.parse("2028-02-29T18:30:00Z") },
  });
});

test("where the clock changes, a day is 23 or 25 hours, not 24", (t) => {
  t.after(() => {
    process.env.TZ = "Asia/Kolkata";
  });
  process.env.TZ = "Europe/London";
  const spring = rangeToMs({ from: "2026-03-29", to: "2026-03-29" }, 31);
  const autumn = rangeToMs({ from: "2026-10-25", to: "2026-10-25" }, 31);
  assert.ok(spring.ok && autumn.ok);
  assert.equal(spring.value.toMs - spring.value.fromMs, 23 * 3_600_000);
  assert.equal(autumn.value.toMs - autumn.value.fromMs, 25 * 3_600_000);
  assert.equal(spring.value.fromMs, Date.parse("2026-03-29T00:00:00Z"));
});

test("the day limit counts both ends", () => {
  assert.ok(rangeToMs({ from: "2026-01-01", to: "2026-01-31" }, 31).ok, "31 days");
  assert.equal(refusal("2026-01-01", "2026-02-01"), "to:range-too-long");
  assert.ok(rangeToMs({ from: "2026-01-01", to: "2027-01-01" }, 366).ok, "366 days");
  assert.ok(rangeToMs({ from: "2028-01-01", to: "2028-12-31" }, 366).ok, "a leap year");
  assert.equal(refusal("2026-01-01", "2027-01-02", 366), "to:range-too-long");
});

test("days that are not on the calendar, or not written YYYY-MM-DD, are refused with the field", () => {
  for (const bad of [
    "2026-02-30",
    "2026-3-5",
    "",
    "2026-13-01",
    "2026-00-10",
    "05-03-2026",
    "2026-03-05T00:00",
    " 2026-03-05",
    "today",
  ]) {
    assert.equal(refusal(bad, "2026-03-05"), "from:not-a-date", `from ${JSON.stringify(bad)}`);
    assert.equal(refusal("2026-03-05", bad), "to:not-a-date", `to ${JSON.stringify(bad)}`);
  }
});

test("`to` before `from` is refused, not turned round", () => {
  assert.equal(refusal("2026-03-05", "2026-03-04"), "to:before-from");
  assert.equal(refusal("2027-01-01", "2026-12-31"), "to:before-from");
});
