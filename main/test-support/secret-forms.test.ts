/**
 * The leak checks' finder finds: each form of a secret, wherever it sits in a longer text, inside
 * any part of a value; and a digit secret only as a value of its own.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { secretsIn, type SoughtSecret } from "./secret-forms";
import { TEST_SECRETS } from "./test-secrets";

const KEY = TEST_SECRETS.accessKeys.leakCheck;
const PIN = TEST_SECRETS.adminPins.leakCheck;
const key: SoughtSecret = { name: "key", value: KEY, type: "access-key" };
const pin: SoughtSecret = { name: "pin", value: PIN, type: "digits" };
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

test("an access key is found as typed, in UTF-16LE, as the HMAC key, and base64 from any starting byte", () => {
  assert.deepEqual(secretsIn(`key=${KEY};`, [key]), ["key (utf8)"]);
  assert.deepEqual(secretsIn(Buffer.from(`key=${KEY};`, "utf16le"), [key]), ["key (utf16le)"]);
  for (const before of ["", "k", "k=", "k=x"]) {
    assert.deepEqual(secretsIn(b64(`${before}${KEY};`), [key]), ["key (base64)"], `after ${before.length} bytes`);
  }
  // The HMAC key is base64(key) as text, so it is the base64 form too; in UTF-16LE it is its own.
  assert.deepEqual(secretsIn(`hmac=${b64(KEY)}`, [key]).sort(), ["key (base64)", "key (hmac-key)"]);
  assert.deepEqual(secretsIn(Buffer.from(b64(KEY), "utf16le"), [key]), ["key (hmac-key-utf16le)"]);
});

test("what the key only signed is not a finding: the signature and other keys' forms", () => {
  const signature = createHmac("sha256", b64(KEY)).update("1700000000000").digest("base64");
  assert.deepEqual(secretsIn({ signature, other: TEST_SECRETS.accessKeys.signing }, [key]), []);
});

test("inside a value: nested fields, a buffer, a non-enumerable property, a Map", () => {
  assert.deepEqual(secretsIn({ details: { list: [{ cause: `was ${KEY}` }] } }, [key]), ["key (utf8)"]);
  assert.deepEqual(secretsIn({ raw: Buffer.from(KEY) }, [key]), ["key (utf8)"]);
  const hidden = {};
  Object.defineProperty(hidden, "kept", { value: KEY, enumerable: false });
  assert.deepEqual(secretsIn(hidden, [key]), ["key (utf8)"]);
  assert.deepEqual(secretsIn(new Map([["k", KEY]]), [key]), ["key (utf8)"]);
});

test("a digit secret as a value of its own, not inside a longer number or a hex id", () => {
  assert.deepEqual(secretsIn(`{"pin":"${PIN}"}`, [pin]), ["pin (utf8)"]);
  assert.deepEqual(secretsIn(`pin ${PIN}.`, [pin]), ["pin (utf8)"]);
  assert.deepEqual(secretsIn(`1${PIN} ${PIN}9 a${PIN} ${PIN}f`, [pin]), []);
  assert.deepEqual(secretsIn(Buffer.from(PIN, "utf16le"), [pin]), ["pin (utf16le)"]);
  assert.deepEqual(secretsIn(b64(`pin=${PIN}`), [pin]), ["pin (base64)"]);
});
