/**
 * Eko's amounts as exact text, edge by edge: signs, leading and trailing zeros, exponents, and the
 * bounds of 15 whole digits and 6 places.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { decimalText } from "./decimal-text";

test("forms Eko writes: plain, signed, a bare point on either side, leading and trailing zeros", () => {
  const cases: Array<[unknown, string]> = [
    ["12", "12.00"],
    ["  12  ", "12.00"],
    ["+5", "5.00"],
    ["-5", "-5.00"],
    [".5", "0.50"],
    ["5.", "5.00"],
    ["007.10", "7.10"],
    ["0", "0.00"],
    ["000", "0.00"],
    ["1.1000000", "1.10"],
    ["-0.001", "-0.001"],
    ["100", "100.00"],
    ["1000.000", "1000.00"],
    [0, "0.00"],
    [499, "499.00"],
    [-2.5, "-2.50"],
  ];
  for (const [value, expected] of cases) assert.equal(decimalText(value), expected, inspect(value));
});

test("zero is never negative", () => {
  for (const value of ["-0", "-0.00", "-0e5", -0, "-.0"]) assert.equal(decimalText(value), "0.00", inspect(value));
});

test("exponents: either case, signed, up to 4 digits, moving the point both ways", () => {
  const cases: Array<[unknown, string | null]> = [
    ["1e+2", "100.00"],
    ["1E2", "100.00"],
    ["1.5e1", "15.00"],
    ["12.5e-1", "1.25"],
    ["1e-0002", "0.01"],
    ["1e00002", null],
    ["1e", null],
    ["e5", null],
    ["1e2.5", null],
    ["0e9999", "0.00"],
    ["1e9999", null],
    ["1e-9999", null],
    [1e21, null],
    [1.5e-7, null],
  ];
  for (const [value, expected] of cases) assert.equal(decimalText(value), expected, inspect(value));
});

test("at most 15 whole digits, leading zeros not counted", () => {
  assert.equal(decimalText("999999999999999"), "999999999999999.00");
  assert.equal(decimalText("1000000000000000"), null);
  assert.equal(decimalText("0000000000000000001"), "1.00");
  assert.equal(decimalText("1e14"), "100000000000000.00");
  assert.equal(decimalText("1e15"), null);
  assert.equal(decimalText("0.000000000000001e29"), "100000000000000.00");
});

test("at most 6 places, trailing zeros not counted", () => {
  assert.equal(decimalText("0.000001"), "0.000001");
  assert.equal(decimalText("0.0000001"), null);
  assert.equal(decimalText("1.0000001"), null);
  assert.equal(decimalText("1e-6"), "0.000001");
  assert.equal(decimalText("1e-7"), null);
  assert.equal(decimalText("0.1e-5"), "0.000001");
  assert.equal(decimalText("100e-8"), "0.000001");
  assert.equal(decimalText("0.0000010000"), "0.000001");
});

test("anything else is unreadable, never 0", () => {
  for (const value of [
    "",
    " ",
    ".",
    "+",
    "-",
    "+-1",
    "1.2.3",
    "1,000",
    "₹5",
    "0x10",
    "1 000",
    "five",
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    null,
    undefined,
    true,
    {},
    ["5"],
  ]) {
    assert.equal(decimalText(value), null, inspect(value));
  }
});
