import { test } from "node:test";
import assert from "node:assert/strict";
import { createTidLocks } from "./tid-locks";

test("one holder per tid: a second asker is refused until the first releases; other tids are free", () => {
  const locks = createTidLocks();
  const release = locks.acquire("13192443");
  assert.equal(typeof release, "function");
  assert.equal(locks.acquire("13192443"), null);
  const other = locks.acquire("13192444");
  assert.notEqual(other, null);
  other?.();
  assert.equal(locks.acquire("13192443"), null, "releasing another tid frees only that one");
  release?.();
  assert.notEqual(locks.acquire("13192443"), null);
});
