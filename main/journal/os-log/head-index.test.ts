/** The journal's heads, found by position through years of lines and the table's growth. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { HeadIndex } from "./head-index";

const head = (n: number) => createHash("sha256").update(String(n)).digest("hex");

test("every head added is found at its position, across the table's and the buffer's growth", () => {
  const index = new HeadIndex();
  for (let n = 0; n < 100_000; n += 1) index.add(head(n));
  assert.equal(index.size, 100_000);
  for (const n of [0, 1, 1023, 1024, 2047, 2048, 65_535, 99_999]) assert.equal(index.positionOf(head(n)), n);
  assert.equal(index.positionOf(head(100_000)), undefined);
  assert.equal(index.positionOf("not a head"), undefined);
});

test("heads that share their first bytes are told apart by the rest", () => {
  const index = new HeadIndex();
  const a = `00000000${"1".repeat(56)}`;
  const b = `00000000${"2".repeat(56)}`;
  const c = `00000000${"3".repeat(56)}`;
  index.add(a);
  index.add(b);
  assert.equal(index.positionOf(a), 0);
  assert.equal(index.positionOf(b), 1);
  assert.equal(index.positionOf(c), undefined);
});

test("a head seen twice is found at its latest line; every line counts", () => {
  const index = new HeadIndex();
  index.add(head(1));
  index.add(head(2));
  index.add(head(1));
  assert.equal(index.size, 3);
  assert.equal(index.positionOf(head(1)), 2);
  assert.throws(() => index.add("short"), TypeError);
});

test("only a whole head is found: not a longer text that starts like one, nor the empty space past the last", () => {
  const index = new HeadIndex();
  for (let n = 0; n < 5_000; n += 1) index.add(head(n));
  assert.equal(index.positionOf(`${head(7)}00`), undefined);
  assert.equal(index.positionOf("0".repeat(64)), undefined);
  assert.throws(() => index.add(`${head(1)}ab`), /not a head/);
});
