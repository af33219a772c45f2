import { test } from "node:test";
import assert from "node:assert/strict";
import { err } from "../../app/result";
import { openCounterState } from "../fs/counter-state";
import { tempDataDir } from "../test-support/temp-dir";
import { createTidLocks } from "./tid-locks";

const LEASE_MS = 60_000;
const START = 1_760_000_000_000;

test("one holder per tid: a second asker is refused until the first releases; other tids are free", () => {
  const locks = createTidLocks();
  const first = locks.acquire("13192443", LEASE_MS);
  assert.ok(first.ok);
  assert.deepEqual(locks.acquire("13192443", LEASE_MS), err({ kind: "busy", tid: "13192443" }));
  const other = locks.acquire("13192444", LEASE_MS);
  assert.ok(other.ok);
  other.value();
  assert.deepEqual(
    locks.acquire("13192443", LEASE_MS),
    err({ kind: "busy", tid: "13192443" }),
    "releasing another tid frees only that one",
  );
  first.value();
  assert.ok(locks.acquire("13192443", LEASE_MS).ok);
});

test("another holder of the same counter state is refused as elsewhere, until release or the lease runs out", () => {
  const dir = tempDataDir("tid-locks");
  const clock = { t: START };
  const window = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "window" });
  const cli = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "cli" });
  const held = window.acquire("13192443", LEASE_MS);
  assert.ok(held.ok);
  assert.deepEqual(cli.acquire("13192443", LEASE_MS), err({ kind: "tid-busy-elsewhere", tid: "13192443" }));
  held.value();
  const taken = cli.acquire("13192443", LEASE_MS);
  assert.ok(taken.ok, "free once released");

  clock.t += LEASE_MS - 1;
  assert.deepEqual(window.acquire("13192443", LEASE_MS), err({ kind: "tid-busy-elsewhere", tid: "13192443" }));
  clock.t += 1;
  assert.ok(window.acquire("13192443", LEASE_MS).ok, "a holder that stopped renewing lapses at its lease's end");
  taken.value();
  assert.deepEqual(
    cli.acquire("13192443", LEASE_MS),
    err({ kind: "tid-busy-elsewhere", tid: "13192443" }),
    "a lapsed holder's release does not free the lock another took since",
  );
});

test("the holder renews its lease while it works, and stops when it releases", (t) => {
  t.mock.timers.enable({ apis: ["setInterval"] });
  const dir = tempDataDir("tid-locks");
  const clock = { t: START };
  const lease = 30_000;
  const window = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "window" });
  const cli = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "cli" });
  const held = window.acquire("13192443", lease);
  assert.ok(held.ok);
  clock.t += lease * 10;
  t.mock.timers.tick(lease / 3);
  assert.deepEqual(cli.acquire("13192443", lease), err({ kind: "tid-busy-elsewhere", tid: "13192443" }));
  held.value();
  assert.ok(window.acquire("13192444", lease).ok);
  clock.t += lease;
  t.mock.timers.tick(lease);
  assert.ok(cli.acquire("13192443", lease).ok, "released: no renewal brings it back");
});

test("a state that cannot be opened refuses every lock with its cause", () => {
  const dir = tempDataDir("tid-locks");
  const locks = createTidLocks({ state: openCounterState(`${dir}/missing/folder`) });
  const refused = locks.acquire("13192443", LEASE_MS);
  assert.ok(!refused.ok && refused.error.kind === "counter-state-unavailable", JSON.stringify(refused));
});

test("a lease longer than any the app grants (the clock set back since) has lapsed", () => {
  const dir = tempDataDir("tid-locks");
  const clock = { t: START };
  const window = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "window" });
  const cli = createTidLocks({ state: openCounterState(dir), now: () => clock.t, holder: "cli" });
  assert.ok(window.acquire("13192443", 135_000).ok, "the longest: a 120 s timeout and the margin");
  assert.deepEqual(cli.acquire("13192443", 1_000), err({ kind: "tid-busy-elsewhere", tid: "13192443" }));
  assert.ok(window.acquire("13192444", LEASE_MS).ok);
  clock.t -= 3_600_000;
  assert.ok(cli.acquire("13192444", LEASE_MS).ok, "a holder that died before the clock went back an hour");
});
