import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { err, ok } from "../../app/result";
import { tempDataDir } from "../test-support/temp-dir";
import { COUNTER_STATE_FILE, openCounterState } from "./counter-state";

test("a step's writes are kept when it returns and rolled back when it throws", () => {
  const state = openCounterState(tempDataDir("counter-state"));
  const insert = (tid: string) => (db: Parameters<Parameters<typeof state.locked>[0]>[0]) =>
    db.prepare("INSERT INTO unsettled_refunds (tid) VALUES (?)").run(tid);
  assert.ok(state.locked(insert("13192443")).ok);
  const failed = state.locked((db) => {
    insert("13192444")(db);
    throw new Error("the step failed half way");
  });
  assert.deepEqual(failed, err({ kind: "counter-state-unavailable", details: { cause: "the step failed half way" } }));
  const tids = state.locked((db) =>
    db
      .prepare("SELECT tid FROM unsettled_refunds")
      .all()
      .map((row) => row.tid),
  );
  assert.deepEqual(tids, ok(["13192443"]));
});

test("a file that is not a database, or a folder in its place, is unavailable with SQLite's words; put right, it opens", () => {
  const dir = tempDataDir("counter-state");
  const file = join(dir, COUNTER_STATE_FILE);
  writeFileSync(file, "junk ".repeat(1_000));
  assert.deepEqual(
    openCounterState(dir).locked(() => 1),
    err({ kind: "counter-state-unavailable", details: { cause: "counter-state.db: file is not a database" } }),
  );
  const other = tempDataDir("counter-state");
  mkdirSync(join(other, COUNTER_STATE_FILE));
  const state = openCounterState(other);
  assert.equal(state.locked(() => 1).ok, false);
  rmdirSync(join(other, COUNTER_STATE_FILE));
  assert.deepEqual(
    state.locked(() => 1),
    ok(1),
    "opened again on the next step",
  );
});

test("a process holding the lock too long makes the other wait its busy timeout, then say so", () => {
  const dir = tempDataDir("counter-state");
  const first = openCounterState(dir);
  const second = openCounterState(dir);
  assert.ok(second.locked(() => 1).ok);
  const nested = first.locked(() => second.locked(() => 1));
  assert.deepEqual(
    nested,
    ok(err({ kind: "counter-state-unavailable", details: { cause: "counter-state.db: database is locked" } })),
  );
});
