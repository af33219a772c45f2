import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { signTimestamp } from "./signing";
import { TEST_SECRETS } from "../test-support/test-secrets";

// The test vectors Eko publishes with its signing recipe.
const VECTORS = [
  {
    accessKey: TEST_SECRETS.unsought.signingVector,
    timestamp: "1700000000000",
    secretKey: "88lqTf9ew69XbVbeczjxVL8/B4vibfp1MvTi1mIj2Xo=",
  },
  {
    accessKey: TEST_SECRETS.unsought.signingVectorUpper,
    timestamp: "1700000000000",
    secretKey: "u30ak/iOGwKCaspqCeiYng8fd98QDx7kF3DBBOadQHk=",
  },
];

const hmac = (key: string | Buffer, message: string) => createHmac("sha256", key).update(message).digest("base64");

for (const v of VECTORS) {
  test(`signs the published vector for ${v.accessKey}`, () => {
    assert.equal(signTimestamp(v.accessKey, v.timestamp), v.secretKey);
  });

  test(`the three wrong variants do not match the vector for ${v.accessKey}`, () => {
    const encoded = Buffer.from(v.accessKey).toString("base64");
    const rawKey = hmac(v.accessKey, v.timestamp);
    const swapped = hmac(v.timestamp, encoded);
    const seconds = hmac(encoded, String(Number(v.timestamp) / 1000));
    for (const wrong of [rawKey, swapped, seconds]) assert.notEqual(wrong, v.secretKey);
    // And the correct construction, spelled out independently, does match.
    assert.equal(hmac(encoded, v.timestamp), v.secretKey);
  });
}

test("a fresh timestamp gives a different signature", () => {
  assert.notEqual(signTimestamp("k", "1700000000000"), signTimestamp("k", "1700000000001"));
});
