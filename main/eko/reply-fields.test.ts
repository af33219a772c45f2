/**
 * The readers of Eko's `data` fields, edge by edge: which name is read, what counts as text, an id,
 * an account's last 4 and a time, and where each stops.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { accountLast4, asObject, ekoTime, field, id, text } from "./reply-fields";

test("field: the first name present with a value; null and empty text count as absent; only own fields", () => {
  assert.equal(field({ a: 1, b: 2 }, "a", "b"), 1);
  assert.equal(field({ a: null, b: 2 }, "a", "b"), 2);
  assert.equal(field({ a: "", b: 2 }, "a", "b"), 2);
  assert.equal(field({ a: 0, b: 2 }, "a", "b"), 0);
  assert.equal(field({ a: false, b: 2 }, "a", "b"), false);
  assert.equal(field({ b: 2 }, "a", "b"), 2);
  assert.equal(field({ a: null }, "a"), undefined);
  assert.equal(field({}, "toString", "constructor"), undefined);
  assert.equal(field(JSON.parse('{"__proto__":"x"}') as Record<string, unknown>, "__proto__"), "x");
});

test("asObject: a plain object only", () => {
  const value = { a: 1 };
  assert.equal(asObject(value), value);
  for (const other of [null, undefined, [1], "a", 5, true]) assert.equal(asObject(other), null, inspect(other));
});

test("text: strings and numbers, control characters made spaces, trimmed, 100 characters at most", () => {
  assert.equal(text(42), "42");
  assert.equal(text("a\u0001b\u001fc\u007fd\te"), "a b c d e");
  assert.equal(text("\u0000\n\u007f"), null);
  assert.equal(text("  "), null);
  assert.equal(text(""), null);
  assert.equal(text("é ₹ नमस्ते"), "é ₹ नमस्ते");
  assert.equal(text("x".repeat(100)), "x".repeat(100));
  assert.equal(text(`  ${"y".repeat(101)}`), "y".repeat(100));
  for (const other of [null, undefined, true, {}, ["a"]]) assert.equal(text(other), null, inspect(other));
});

test("id: a safe integer or a token of letters, digits, _ and -, trimmed, up to 40 characters", () => {
  assert.equal(id(2300001), "2300001");
  assert.equal(id(0), "0");
  assert.equal(id(" ref_A-9 "), "ref_A-9");
  assert.equal(id("a".repeat(40)), "a".repeat(40));
  assert.equal(id("a".repeat(41)), null);
  for (const other of ["", "  ", "a b", "a.b", "<x>", "a\nb", 1.5, -1.5, Number.MAX_SAFE_INTEGER + 2, null, true, {}]) {
    assert.equal(id(other), null, inspect(other));
  }
  assert.equal(id(Number.MAX_SAFE_INTEGER), "9007199254740991");
});

test("accountLast4: 5 characters or more, spaces dropped, masked forms allowed, last 4 only", () => {
  assert.equal(accountLast4("12345"), "2345");
  assert.equal(accountLast4(12345), "2345");
  assert.equal(accountLast4("xx**-6789"), "6789");
  assert.equal(accountLast4(" 1 2 3 4\t5 "), "2345");
  assert.equal(accountLast4("ABcd12"), "cd12");
  for (const other of [
    "1234",
    "123 4",
    "12345.",
    "12_345",
    "१२३४५",
    [12345678],
    1.5e3,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    {},
  ]) {
    assert.equal(accountLast4(other), null, inspect(other));
  }
});

test("ekoTime: with or without seconds and milliseconds, a T or a space, trimmed; zoned times as given", () => {
  assert.equal(ekoTime(" 2025-11-03 10:15 "), "2025-11-03T04:45:00.000Z");
  assert.equal(ekoTime("2025-11-03T10:15:42"), "2025-11-03T04:45:42.000Z");
  assert.equal(ekoTime("2025-11-03 10:15:42.5"), "2025-11-03T04:45:42.500Z");
  assert.equal(ekoTime("2025-11-03 10:15:42.123"), "2025-11-03T04:45:42.123Z");
  assert.equal(ekoTime("2025-11-03T10:15Z"), "2025-11-03T10:15:00.000Z");
  assert.equal(ekoTime("2025-11-03T10:15:42-02:00"), "2025-11-03T12:15:42.000Z");
  assert.equal(ekoTime("2025-11-03T10:15:42.5+00:00"), "2025-11-03T10:15:42.500Z");
  for (const bad of [
    "2025-11-03",
    "2025-11-03 10",
    "2025-11-03 10:15:42.1234",
    "2025-11-03  10:15:42",
    "2025-11-03 10:15:42Z",
    "2025-11-03T10:15:42+0530",
    "x2025-11-03 10:15:42",
    "2025-11-03 10:15:42x",
    "x2025-11-03T10:15:42Z",
    "+002025-11-03T10:15:42Z",
    "2025-11-03T10:15:42Zx",
    "2025-02-30T10:15:42Z-",
    null,
    {},
  ]) {
    assert.equal(ekoTime(bad), null, inspect(bad));
  }
});
