/**
 * When batched journal lines reach the disk, on a mocked clock: the edges of the flush interval,
 * one flush per burst, every burst flushed, and a failing flush that neither throws nor stops the rest.
 */
import { afterEach, mock, test } from "node:test";
import assert from "node:assert/strict";
import { createGroupCommit } from "./group-commit";

afterEach(() => mock.timers.reset());

function recorded(options: { intervalMs?: number; fail?: number[] } = {}) {
  const synced: number[] = [];
  const group = createGroupCommit({
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    fsync: (fd) => {
      if (options.fail?.includes(fd)) throw new Error(`EIO on ${fd}`);
      synced.push(fd);
    },
  });
  return { group, synced };
}

test("by default a batched line reaches the disk 200 ms after it was written, not sooner", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded();
  group.written(3, "group");
  mock.timers.tick(199);
  assert.deepEqual(synced, []);
  mock.timers.tick(1);
  assert.deepEqual(synced, [3]);
});

test("the interval counts from the first line of a burst; later lines of the burst ride along", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded({ intervalMs: 50 });
  group.written(3, "group");
  mock.timers.tick(30);
  group.written(3, "group");
  group.written(4, "group");
  mock.timers.tick(19);
  assert.deepEqual(synced, []);
  mock.timers.tick(1);
  assert.deepEqual(synced, [3, 4]);
  mock.timers.tick(500);
  assert.deepEqual(synced, [3, 4], "nothing left to flush");
});

test("every burst is flushed, not only the first", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded({ intervalMs: 50 });
  group.written(3, "group");
  mock.timers.tick(50);
  group.written(3, "group");
  mock.timers.tick(49);
  assert.deepEqual(synced, [3]);
  mock.timers.tick(1);
  assert.deepEqual(synced, [3, 3]);
});

test("after a flush on demand, the next line waits its own full interval", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded({ intervalMs: 50 });
  group.written(3, "group");
  mock.timers.tick(10);
  group.written(3, "group");
  mock.timers.tick(10);
  group.flush();
  assert.deepEqual(synced, [3]);
  mock.timers.tick(10);
  group.written(3, "group");
  mock.timers.tick(49);
  assert.deepEqual(synced, [3], "the first burst's timer is gone with its flush");
  mock.timers.tick(1);
  assert.deepEqual(synced, [3, 3]);
});

test("'now' flushes at once, and a file flushed that way is not flushed again for the same lines", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded({ intervalMs: 50 });
  group.written(3, "group");
  group.written(3, "now");
  assert.deepEqual(synced, [3]);
  mock.timers.tick(50);
  group.flush();
  assert.deepEqual(synced, [3]);
});

test("a flush that fails on one file still flushes the others and does not throw", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  const { group, synced } = recorded({ intervalMs: 50, fail: [3] });
  group.written(3, "group");
  group.written(4, "group");
  group.flush();
  assert.deepEqual(synced, [4]);
  group.written(5, "group");
  assert.doesNotThrow(() => mock.timers.tick(50));
  assert.deepEqual(synced, [4, 5], "the failed file is not retried by itself");
});

test("a pending flush does not keep the process alive (a CLI command exits at once)", () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
  const before = timers();
  const { group, synced } = recorded({ intervalMs: 60_000 });
  group.written(3, "group");
  try {
    assert.equal(timers(), before);
  } finally {
    group.flush();
  }
  assert.deepEqual(synced, [3]);
});
