import { test } from "node:test";
import assert from "node:assert/strict";
import { summarizeDay } from "./day-summary";
import type { JournalEntry } from "./history";

const line = (outcome: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  at: "2026-03-05T10:00:00.000Z",
  counter: "Counter 1",
  tid: "13192443",
  environment: "practice",
  outcome,
  ...extra,
});

test("an empty day: nothing counted, totals zero to the paisa", () => {
  assert.deepEqual(summarizeDay("2026-03-05", []), {
    day: "2026-03-05",
    refunds: 0,
    refundedTotal: "0.00",
    feeTotal: "0.00",
    refundsWithoutAmount: 0,
    otpsSent: 0,
    checks: 0,
    reprints: 0,
    lookups: 0,
    failures: {},
  });
});

test("each step's line is counted under its step; successes are not failures", () => {
  const summary = summarizeDay("2026-03-05", [
    line("otp-sent"),
    line("otp-sent"),
    line("inquiry:tx_status=3"),
    line("inquiry:tx_status=none"),
    line("reprint:printed"),
    line("pending:listed", { mobileLast4: "4321", listed: 2 }),
    line("pending:listed"),
    line("pending:listed"),
    line("refund:refunded", { refundedAmount: "5000.00", fee: "50.00" }),
  ]);
  assert.deepEqual(
    { ...summary, failures: { ...summary.failures } },
    {
      day: "2026-03-05",
      refunds: 1,
      refundedTotal: "5000.00",
      feeTotal: "50.00",
      refundsWithoutAmount: 0,
      otpsSent: 2,
      checks: 2,
      reprints: 1,
      lookups: 3,
      failures: {},
    },
  );
});

test("failures are counted by kind, whatever the step", () => {
  const summary = summarizeDay("2026-03-05", [
    line("timeout"),
    line("inquiry:timeout"),
    line("refund:wrong-otp"),
    line("refund:wrong-otp"),
    line("pending:offline"),
    line("reprint:print-failed"),
    // A hand-edited line with an empty step still counts its kind.
    line(":offline"),
    // Get Refund OTP's lines carry no colon at all: one with an empty step is not an OTP sent.
    line(":otp-sent"),
    // Only a status at the start is a check's answer; a kind that mentions one further in is a failure.
    line("inquiry:x-tx_status=3"),
    // "otp-sent" after another step is not an OTP sent by Get Refund OTP.
    line("refund:otp-sent"),
  ]);
  assert.deepEqual(
    { ...summary.failures },
    { timeout: 2, "wrong-otp": 2, offline: 2, "print-failed": 1, "x-tx_status=3": 1 },
  );
  assert.equal(summary.otpsSent, 0);
  assert.equal(summary.checks, 2);
  assert.equal(summary.reprints, 1);
  assert.equal(summary.lookups, 1);
  assert.equal(summary.refunds, 0);
  // A failure named like an object's own property is counted like any other.
  const odd = summarizeDay("d", [line("refund:constructor"), line("refund:__proto__"), line("refund:__proto__")]);
  assert.deepEqual(Object.entries(odd.failures), [
    ["constructor", 1],
    ["__proto__", 2],
  ]);
});

test("refunds add up exactly in paise, a refund confirmed by a check without an amount counted apart", () => {
  const summary = summarizeDay("2026-03-05", [
    line("refund:refunded", { refundedAmount: "0.10", fee: "0.2" }),
    line("refund:refunded", { refundedAmount: "0.20", fee: "1" }),
    line("refund:refunded", { refundedAmount: "99999.7", fee: "10.05" }),
    line("refund-check:tx_status=4"),
    line("refund-check:tx_status=4", { refundedAmount: "12.34" }),
    // Not refunds: a check that found the money still pending, and a refund that failed.
    line("refund-check:tx_status=3", { refundedAmount: "1.00" }),
    line("refund:timeout", { tid: "13192450", refundedAmount: "1.00" }),
  ]);
  assert.equal(summary.refunds, 5);
  assert.equal(summary.refundsWithoutAmount, 1);
  // A float would give 100012.34000000001 or lose paise; BigInt paise do not.
  assert.equal(summary.refundedTotal, "100012.34");
  assert.equal(summary.feeTotal, "11.25");
  assert.deepEqual({ ...summary.failures }, { timeout: 1 });
});

test("an amount that is not rupees with up to two places is not added: the refund counts as without amount", () => {
  for (const amount of ["", "abc", "1.234", "1,000.00", " 5.00", "5.00 ", "5.", ".5", "1234567890123456", "+5"]) {
    const summary = summarizeDay("d", [line("refund:refunded", { refundedAmount: amount, fee: amount })]);
    assert.equal(summary.refunds, 1, amount);
    assert.equal(summary.refundsWithoutAmount, 1, amount);
    assert.equal(summary.refundedTotal, "0.00", amount);
    assert.equal(summary.feeTotal, "0.00", amount);
  }
  // Fifteen digits of rupees is the most read.
  const biggest = summarizeDay("d", [line("refund:refunded", { refundedAmount: "123456789012345.67" })]);
  assert.equal(biggest.refundedTotal, "123456789012345.67");
});

test("a negative amount (a correction) is subtracted, and a negative total keeps its sign", () => {
  const summary = summarizeDay("d", [
    line("refund:refunded", { refundedAmount: "1.00", fee: "-0.50" }),
    line("refund:refunded", { refundedAmount: "-3.05", fee: "-0.07" }),
  ]);
  assert.equal(summary.refundedTotal, "-2.05");
  assert.equal(summary.feeTotal, "-0.57");
  assert.equal(summarizeDay("d", [line("refund:refunded", { refundedAmount: "-0.05" })]).refundedTotal, "-0.05");
});

test("fees are Eko's refund answers' only: a refund confirmed by a check adds none, whatever its line carries", () => {
  const summary = summarizeDay("2026-03-05", [
    line("refund:refunded", { refundedAmount: "5000.00", fee: "45.00" }),
    line("refund:refunded", { tid: "13192451", refundedAmount: "100.00" }),
    // An earlier version wrote the transfer's fee on a check's line.
    line("refund-check:tx_status=4", { tid: "13192452", txAmount: "5000.00", fee: "50.00" }),
  ]);
  assert.equal(summary.refunds, 3);
  assert.equal(summary.feeTotal, "45.00");
});

test("a lost refund answer a later check found refunded is counted once, as refunded, not also as a failure", () => {
  const summary = summarizeDay("2026-03-05", [
    line("refund:timeout", { at: "2026-03-05T10:00:00.000Z" }),
    line("refund-check:tx_status=4", { at: "2026-03-05T10:00:20.000Z", txAmount: "5000.00" }),
    // The same lost answer on another tid, never confirmed; a refusal on the confirmed tid before it.
    line("refund:offline", { tid: "13192450", at: "2026-03-05T10:01:00.000Z" }),
    line("refund:wrong-otp", { at: "2026-03-05T09:59:00.000Z" }),
    // A lost answer after the confirmation is another try, counted as it came.
    line("refund:server", { at: "2026-03-05T11:00:00.000Z" }),
  ]);
  assert.equal(summary.refunds, 1);
  assert.deepEqual({ ...summary.failures }, { offline: 1, "wrong-otp": 1, server: 1 });
});
