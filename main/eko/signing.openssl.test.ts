/**
 * The signer checked against implementations that are not the app's: OpenSSL's HMAC run as a
 * separate program, and the simulator's own reading of the recipe. Non-ASCII keys catch a key
 * read as latin1 (or any encoding but UTF-8) before it is base64-encoded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { expectedSecretKey } from "../simulator/eko-signature";
import { signTimestamp } from "./signing";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** OpenSSL's HMAC-SHA256 of `message` with `hmacKey` (a text key, as Eko's recipe uses), in base64. */
function opensslHmac(hmacKey: string, message: string): string {
  const digest = execFileSync("openssl", ["dgst", "-sha256", "-hmac", hmacKey, "-binary"], { input: message });
  return digest.toString("base64");
}

const base64Utf8 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const KEYS: Array<[string, string]> = [
  ["an ASCII key", TEST_SECRETS.accessKeys.signing],
  ["Eko's published UAT key", "d2fe1d99-6298-4af2-8cc5-d97dcf46df30"],
  ["a key with Latin-1 letters", TEST_SECRETS.accessKeys.latin1Letters],
  ["a key in Devanagari", TEST_SECRETS.accessKeys.devanagari],
];
const TIMESTAMPS = ["1700000000000", "1764460800123", "0000000000001"];

for (const [name, key] of KEYS) {
  for (const timestamp of TIMESTAMPS) {
    test(`${name} at ${timestamp}: signTimestamp agrees with openssl dgst -sha256 -hmac <base64 key>`, () => {
      const reference = opensslHmac(base64Utf8(key), timestamp);
      assert.match(reference, /^[A-Za-z0-9+/]{43}=$/);
      assert.equal(signTimestamp(key, timestamp), reference);
      assert.equal(expectedSecretKey(key, timestamp), reference);
    });
  }
}

test("a non-ASCII key signs differently when read as latin1, so the tests above tell the two apart", () => {
  for (const key of [TEST_SECRETS.accessKeys.latin1Letters, TEST_SECRETS.accessKeys.devanagari]) {
    const latin1 = opensslHmac(Buffer.from(key, "latin1").toString("base64"), TIMESTAMPS[0] ?? "");
    assert.notEqual(latin1, opensslHmac(base64Utf8(key), TIMESTAMPS[0] ?? ""));
  }
});

test("the published vectors, through openssl and the simulator's signer", () => {
  const vectors = [
    [TEST_SECRETS.unsought.signingVector, "1700000000000", "88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo="],
    [TEST_SECRETS.unsought.signingVectorUpper, "1700000000000", "u30ak/iOGwKCaspqCeiYng8fd98QDx7kF3DBBOadQHk="],
  ] as const;
  for (const [key, timestamp, secretKey] of vectors) {
    assert.equal(opensslHmac(base64Utf8(key), timestamp), secretKey);
    assert.equal(expectedSecretKey(key, timestamp), secretKey);
  }
});

test("the three wrong constructions each differ from signTimestamp's answer", () => {
  const key = TEST_SECRETS.accessKeys.signing;
  const timestamp = "1700000000000";
  const right = signTimestamp(key, timestamp);
  const rawKey = opensslHmac(key, timestamp);
  const swapped = opensslHmac(timestamp, base64Utf8(key));
  const seconds = opensslHmac(base64Utf8(key), "1700000000");
  for (const wrong of [rawKey, swapped, seconds]) assert.notEqual(right, wrong);
  assert.notEqual(signTimestamp(key, "1700000000"), right);
});
