import { test } from "node:test";
import assert from "node:assert/strict";
import { percentile, slope, summary } from "./stats";

test("percentiles use the nearest rank", () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(samples, 50), 50);
  assert.equal(percentile(samples, 99), 99);
  assert.equal(percentile(samples, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test("a summary keeps the median and the spread of the rounds", () => {
  assert.deepEqual(summary([3, 1, 2]), { median: 2, min: 1, max: 3, rounds: 3 });
});

test("a slope is the least-squares line's, through noise", () => {
  assert.equal(slope([0, 10, 20, 30], [100, 120, 140, 160]), 2);
  assert.equal(slope([0, 1, 2, 3], [5, 7, 3, 5]), -0.4);
  assert.equal(slope([0, 1, 2], [4, 4, 4]), 0);
  assert.ok(Number.isNaN(slope([1], [1])));
});
