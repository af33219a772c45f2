import { test } from "node:test";
import assert from "node:assert/strict";
import { parseInitiatorId, parseTid, TID_MAX_DIGITS } from "./tid";

const refused = (field: string, reason: string) => ({ ok: false, error: { kind: "invalid-input", field, reason } });

test("a tid is 1 to 20 ASCII digits; a paste's surrounding whitespace is dropped", () => {
  assert.equal(TID_MAX_DIGITS, 20);
  assert.deepEqual(parseTid("13192443"), { ok: true, value: "13192443" });
  assert.deepEqual(parseTid(" \t13192443\r\n"), { ok: true, value: "13192443" });
  assert.deepEqual(parseTid("7"), { ok: true, value: "7" });
  assert.deepEqual(parseTid("1".repeat(20)), { ok: true, value: "1".repeat(20) });
  assert.deepEqual(parseTid(` ${"9".repeat(20)} `), { ok: true, value: "9".repeat(20) });
});

test("a refused tid names the reason: not text, empty, too long, or not digits", () => {
  assert.deepEqual(parseTid(13192443), refused("tid", "not-text"));
  assert.deepEqual(parseTid(null), refused("tid", "not-text"));
  assert.deepEqual(parseTid(""), refused("tid", "empty"));
  assert.deepEqual(parseTid("  \n"), refused("tid", "empty"));
  assert.deepEqual(parseTid("1".repeat(21)), refused("tid", "too-long"));
  // Too long is judged before the characters: a pasted blob is "too long", whatever it holds.
  assert.deepEqual(parseTid("x".repeat(21)), refused("tid", "too-long"));
  for (const bad of ["1319 2443", "13192443a", "a13192443", "-5", "+5", "1.5", "１２３", "१२३"]) {
    assert.deepEqual(parseTid(bad), refused("tid", "not-digits"), bad);
  }
});

test("the initiator id is exactly 10 ASCII digits, trimmed", () => {
  assert.deepEqual(parseInitiatorId("9962981729"), { ok: true, value: "9962981729" });
  assert.deepEqual(parseInitiatorId(" 9962981729\n"), { ok: true, value: "9962981729" });
  assert.deepEqual(parseInitiatorId(9962981729), refused("initiatorId", "not-text"));
  for (const bad of ["", "996298172", "99629817290", "x9962981729", "9962981729x", "99629 81729", "९९६२९८१७२९"]) {
    assert.deepEqual(parseInitiatorId(bad), refused("initiatorId", "not-10-digits"), bad);
  }
});
