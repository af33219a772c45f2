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
  // As on a computer in India's zone; elsewhere the time is India's, marked IST (tested below).
  const english = formatDateTime(iso, "en", true);
  const hindi = formatDateTime(iso, "hi", true);
  assert.match(english, /2025/);
  assert.match(english, /Nov/);
  assert.match(hindi, /नवंबर/);
  assert.notEqual(hindi, english);
  // One script per language: Devanagari words with Latin digits, never "am"/"pm" or "नव॰" beside them.
  assert.doesNotMatch(hindi, /[A-Za-z]|॰|[\u0966-\u096F]/);
  assert.match(hindi, /^\d{1,2} नवंबर 2025\D+\d{2}:\d{2}:\d{2}/);
  assert.match(english, /^\d{1,2} Nov 2025, \d{1,2}:\d{2}:\d{2} [ap]m$/);
  assert.equal(formatDateTime("not a date", "hi"), "not a date");
});

test("a time of day alone, for a list of one day's lines", () => {
  const iso = "2025-11-25T08:13:05.000Z";
  const english = formatTime(iso, "en");
  assert.match(english, /\d{1,2}:\d{2}:\d{2}/);
  assert.doesNotMatch(english, /2025|Nov/);
  assert.doesNotMatch(formatTime(iso, "hi"), /[A-Za-z]/);
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
  // English with am/pm; Hindi on the 24-hour clock (one script per language, app/messages/format.ts).
  assert.match(formatDateTime(iso, "en", false), /5:50:44\s?pm IST$/i);
  assert.match(formatDateTime(iso, "hi", false), /17:50:44 IST/);
  for (const lang of ["en", "hi"] as const) assert.doesNotMatch(formatDateTime(iso, lang, true), /IST/);
  assert.equal(computerZoneIsIndia("Asia/Kolkata"), true);
  assert.equal(computerZoneIsIndia("Asia/Calcutta"), true);
  assert.equal(computerZoneIsIndia("UTC"), false);
  assert.equal(computerZoneIsIndia("Asia/Dubai"), false);
});

test("a negative amount keeps its sign; text around a number is not a number", () => {
  assert.equal(formatRupees("-500.00", "en"), "-₹500.00");
  assert.equal(formatRupees("-7.125", "en"), "-₹7.125");
  for (const raw of ["5000.", ".50", "1e3", "₹500", "500 rupees", "--5", "5-", ""]) {
    assert.equal(formatRupees(raw, "en"), raw, raw);
  }
});

test("a language this build does not know reads as English, not as an error", () => {
  const unknown = "fr" as never;
  assert.equal(formatNumber(125_000, unknown), "1,25,000");
  assert.equal(formatRupees("100000.00", unknown), "₹1,00,000.00");
  assert.equal(formatRupees("7.125", unknown), "₹7.125");
  // Lakh grouping with more places than paise, whatever the computer's own locale.
  assert.equal(formatRupees("1000000.125", unknown), "₹10,00,000.125");
  assert.equal(formatRupees("1000000.125", "hi"), "₹10,00,000.125");
  const iso = "2019-11-01T12:20:44.000Z";
  assert.equal(formatDateTime(iso, unknown, false), formatDateTime(iso, "en", false));
  assert.equal(formatTime(iso, unknown), formatTime(iso, "en"));
  assert.equal(formatDay("2026-03-05", unknown), "5 Mar 2026");
});

test("India's time, exactly, in each language", () => {
  const iso = "2019-11-01T12:20:44.000Z";
  assert.match(formatDateTime(iso, "en", false), /^1 Nov 2019, 5:50:44\s?pm IST$/i);
  assert.match(formatDateTime(iso, "hi", false), /^1 नवंबर 2019\D+17:50:44 IST/);
  // The zone of this computer is India's when the caller says nothing and the computer is set so.
  assert.equal(formatDateTime(iso, "en"), formatDateTime(iso, "en", computerZoneIsIndia()));
  assert.equal(formatDay("2026-02-30", "en"), "2026-02-30");
});

test("a time of day in Hindi is on the 24-hour clock, in English with am/pm", () => {
  // The same local time in both: whatever this computer's zone, the minutes and seconds agree.
  const iso = "2025-11-25T08:13:05.000Z";
  assert.match(formatTime(iso, "hi"), /^\d{2}:\d{2}:05$/);
  assert.match(formatTime(iso, "en"), /^\d{1,2}:\d{2}:05 [ap]m$/);
});
