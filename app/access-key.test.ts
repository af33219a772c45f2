import { test } from "node:test";
import assert from "node:assert/strict";
import { ACCESS_KEY_MAX_LENGTH, accessKeyFrom } from "./access-key";

test("an access key loses the whitespace of a paste and a file's byte-order mark, nothing inside", () => {
  assert.deepEqual(accessKeyFrom("  d2fe1d99-6298 \r\n"), { ok: true, value: "d2fe1d99-6298" });
  assert.deepEqual(accessKeyFrom("\uFEFFd2fe1d99\n"), { ok: true, value: "d2fe1d99" });
  assert.deepEqual(accessKeyFrom("a b"), { ok: true, value: "a b" });
});

test("an empty or oversized access key is refused with the reason", () => {
  assert.deepEqual(accessKeyFrom(" \t\n"), {
    ok: false,
    error: { kind: "invalid-input", field: "accessKey", reason: "empty" },
  });
  assert.deepEqual(accessKeyFrom("\uFEFF"), {
    ok: false,
    error: { kind: "invalid-input", field: "accessKey", reason: "empty" },
  });
  assert.equal(accessKeyFrom("k".repeat(ACCESS_KEY_MAX_LENGTH)).ok, true);
  assert.deepEqual(accessKeyFrom("k".repeat(ACCESS_KEY_MAX_LENGTH + 1)), {
    ok: false,
    error: { kind: "invalid-input", field: "accessKey", reason: "too-long" },
  });
});

test("byte-order marks and whitespace go from both ends only, however many", () => {
  assert.deepEqual(accessKeyFrom("\uFEFF\uFEFF key \uFEFF\n"), { ok: true, value: "key" });
  assert.deepEqual(accessKeyFrom("ke\uFEFFy"), { ok: true, value: "ke\uFEFFy" });
});
