import { test } from "node:test";
import assert from "node:assert/strict";
import { clockOffsetToMention } from "./clock-offset";

test("a clock offset is mentioned past 30 s either way, not at 30 s or below, nor when unknown", () => {
  assert.equal(clockOffsetToMention(null), null);
  assert.equal(clockOffsetToMention(0), null);
  assert.equal(clockOffsetToMention(30_000), null);
  assert.equal(clockOffsetToMention(-30_000), null);
  assert.equal(clockOffsetToMention(30_001), 30_001);
  assert.equal(clockOffsetToMention(-30_001), -30_001);
  assert.equal(clockOffsetToMention(7_200_000), 7_200_000);
});
