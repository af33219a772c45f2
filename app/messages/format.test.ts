import { test } from "node:test";
import assert from "node:assert/strict";
import { computerZoneIsIndia, formatDateTime, formatDay, formatNumber, formatRupees, formatTime } from "./format";

test("numbers are grouped the Indian way in both languages", () => {
  assert.equal(formatNumber(125_000, "en"), "1,25,000");
  assert.equal(formatNumber(12_345_678, "hi"), "1,23,45,678");
  assert.equal(formatNumber(999, "en"), "999");
});

test("rupees: ₹, lakh grouping and paise, from Eko's decimal strings without float rounding", () => {
  for (const lang of ["en", "hi"] as const) {
    assert.equal(formatRupees("100000.00", lang), "₹1,00,000.00");
    assert.equal(formatRupees("5000", lang), "₹5,000.00");
    assert.equal(formatRupees(" 12.5 ", lang), "₹12.50");
  }
  // A float would lose the last paise of an amount this large.
  assert.equal(formatRupees("90071992547409.93", "en"), "₹9,00,71,99,25,47,409.93");
  assert.equal(formatRupees("n/a", "en"), "n/a");
});

test("date and time in the agent's language; the raw text when it is not a date", () => {
  const iso = "2025-11-25T08:13:05.000Z";
  const english = formatDateTime(iso, "en");
  const hindi = formatDateTime(iso, "hi");
  assert.match(english, /2025/);
  assert.match(english, /Nov/);
  assert.match(hindi, /नव/);
  assert.notEqual(hindi, english);
  assert.equal(formatDateTime("not a date", "hi"), "not a date");
});

test("a time of day alone, for a list of one day's lines", () => {
  const iso = "2025-11-25T08:13:05.000Z";
  const english = formatTime(iso, "en");
  assert.match(english, /\d{1,2}:\d{2}:\d{2}/);
  assert.doesNotMatch(english, /2025|Nov/);
  assert.equal(formatTime("not a date", "en"), "not a date");
});

test("a calendar day as people read it, on the local calendar", () => {
  assert.match(formatDay("2026-03-05", "en"), /^5 Mar 2026$/);
  assert.match(formatDay("2026-03-05", "hi"), /5 मार्च 2026/);
  assert.equal(formatDay("yesterday", "en"), "yesterday");
});
test("rupees: Eko's E-notation balance, once read exactly, in both groupings; more places than paise kept", () => {
  assert.equal(formatRupees("2222637312.86", "en"), "₹2,22,26,37,312.86");
  assert.equal(formatRupees("2222637312.86", "hi"), "₹2,22,26,37,312.86");
  assert.equal(formatRupees("7.125", "en"), "₹7.125");
});

test("times: on a computer in India's zone as usual; elsewhere in India's time, marked IST", () => {
  // 17:50:44 in India (Eko's inquiry sample, zone-less) is 12:20:44 UTC.
  const iso = "2019-11-01T12:20:44.000Z";
  for (const lang of ["en", "hi"] as const) {
    const away = formatDateTime(iso, lang, false);
    assert.match(away, /5:50:44\s?pm IST$/i, away);
    assert.doesNotMatch(formatDateTime(iso, lang, true), /IST/);
  }
  assert.equal(computerZoneIsIndia("Asia/Kolkata"), true);
  assert.equal(computerZoneIsIndia("Asia/Calcutta"), true);
  assert.equal(computerZoneIsIndia("UTC"), false);
  assert.equal(computerZoneIsIndia("Asia/Dubai"), false);
});
