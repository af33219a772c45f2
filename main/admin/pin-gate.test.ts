/**
 * The wrong-PIN record at its edges: what the data folder's and the keychain's copies may hold,
 * which of the two wins, and what a record that cannot be read or written does to the waits.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { err } from "../../app/result";
import type { KeyStore } from "../keychain/key-store";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { createPinGate, PIN_ATTEMPTS_FILE, type PinGateDeps } from "./pin-gate";
import { hashPin } from "./pin-hash";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** The cheapest cost the parser accepts: these tests are about the record, not the hash. */
const CHEAP = { ln: 12, r: 1, p: 1 };
const PIN = TEST_SECRETS.adminPins.pinGate;
const WRONG = TEST_SECRETS.adminPins.pinGateWrong;
const START = 1_760_000_000_000;
let cheapHash: Promise<string> | null = null;
const pinHash = () => (cheapHash ??= hashPin(PIN, CHEAP));

async function setup(options: { file?: string; slot?: KeyStore; extra?: Partial<PinGateDeps> } = {}) {
  const clock = { t: START };
  const dataDir = tempDataDir("pin-gate-edges");
  const file = join(dataDir, PIN_ATTEMPTS_FILE);
  if (options.file !== undefined) writeFileSync(file, options.file);
  const deps: PinGateDeps = {
    pinHash: await pinHash(),
    dataDir,
    now: () => clock.t,
    ...(options.slot ? { attemptsSlot: options.slot } : {}),
    ...options.extra,
  };
  const kept = () => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : null);
  return { clock, dataDir, file, kept, pins: createPinGate(deps) };
}

const wrongPin = (triesBeforeWait: number, retryAfterMs: number) => ({
  ok: false,
  error: { kind: "wrong-pin", triesBeforeWait, retryAfterMs },
});
const pinWait = (retryAfterMs: number) => ({ ok: false, error: { kind: "pin-wait", retryAfterMs } });
const record = (failures: number, waitUntil: number | null) => JSON.stringify({ failures, waitUntil });

test("a kept record is read as it stands: its count goes on, its wait runs out at its own time", async () => {
  const counted = await setup({ file: record(2, null) });
  assert.equal(counted.pins.waitMs(), 0);
  assert.deepEqual(await counted.pins.check(WRONG), wrongPin(0, 30_000), "the third wrong PIN in all");
  assert.deepEqual(counted.kept(), { failures: 3, waitUntil: START + 30_000 });

  const none = await setup({ file: record(0, null) });
  assert.deepEqual(await none.pins.check(WRONG), wrongPin(2, 0), "a zero count is a valid record");

  const waiting = await setup({ file: record(4, START + 45_000) });
  assert.equal(waiting.pins.waitMs(), 45_000);
  assert.deepEqual(await waiting.pins.check(PIN), pinWait(45_000));
  waiting.clock.t += 45_000;
  assert.deepEqual(await waiting.pins.check(WRONG), wrongPin(0, 120_000), "the fifth wrong PIN");
});

test("a damaged record starts with the first wait and is rewritten: bad counts, bad waits, not an object", async () => {
  for (const text of [
    '{"failures":"2","waitUntil":null}',
    '{"failures":1.5,"waitUntil":null}',
    '{"failures":-1,"waitUntil":null}',
    '{"waitUntil":null}',
    '{"failures":1}',
    '{"failures":1,"waitUntil":"soon"}',
    '{"failures":1,"waitUntil":1e400}',
    "null",
    "",
  ]) {
    const { pins, kept } = await setup({ file: text });
    assert.equal(pins.waitMs(), 30_000, text);
    assert.deepEqual(kept(), { failures: 3, waitUntil: START + 30_000 }, text);
  }
});

test("a record that cannot be read (a folder in its place) starts with the first wait too", async () => {
  const clock = { t: START };
  const dataDir = tempDataDir("pin-gate-unreadable");
  mkdirSync(join(dataDir, PIN_ATTEMPTS_FILE));
  const pins = createPinGate({ pinHash: await pinHash(), dataDir, now: () => clock.t });
  assert.equal(pins.waitMs(), 30_000);
  assert.deepEqual(await pins.check(PIN), pinWait(30_000));
});

test("a try that cannot be counted is not looked at: the right PIN is refused until the record can be written", async () => {
  const { pins, file } = await setup({ file: record(1, null) });
  // The durable write goes through a temporary file beside it: a folder in its place fails it.
  mkdirSync(`${file}.${process.pid}.tmp`);
  const refused = await pins.check(PIN);
  assert.ok(!refused.ok && refused.error.kind === "counter-state-unavailable", JSON.stringify(refused));
  assert.match(JSON.stringify(refused), /pin-attempts\.json/);
  rmdirSync(`${file}.${process.pid}.tmp`);
  assert.deepEqual(await pins.check(WRONG), wrongPin(1, 0), "the count goes on from the record");
});

test("a record replaced by a folder after start: every try waits, none is looked at", async () => {
  const { pins, file, clock } = await setup();
  mkdirSync(file);
  assert.deepEqual(await pins.check(PIN), pinWait(30_000));
  clock.t += 30_000;
  assert.deepEqual(await pins.check(PIN), pinWait(30_000), "it cannot be read, so the wait starts again");
  rmdirSync(file);
  assert.deepEqual(await pins.check(PIN), { ok: true, value: undefined });
});

test("a free wrong PIN sets no wait, so a clock set back afterwards does not make one", async () => {
  const { pins, clock, kept } = await setup();
  assert.deepEqual(await pins.check(WRONG), wrongPin(2, 0));
  assert.deepEqual(kept(), { failures: 1, waitUntil: null });
  clock.t -= 3_600_000;
  assert.equal(pins.waitMs(), 0);
  assert.deepEqual(await pins.check(PIN), { ok: true, value: undefined });
});

test("the waits can be set: free tries, first wait and cap", async () => {
  const waits = { freeTries: 1, firstWaitMs: 1_000, maxWaitMs: 5_000 };
  const { pins, clock } = await setup({ extra: { waits } });
  const seen: unknown[] = [];
  for (let i = 0; i < 5; i += 1) {
    const result = await pins.check(WRONG);
    seen.push(result);
    if (!result.ok && result.error.kind === "wrong-pin") clock.t += result.error.retryAfterMs;
  }
  assert.deepEqual(seen, [
    wrongPin(0, 1_000),
    wrongPin(0, 2_000),
    wrongPin(0, 4_000),
    wrongPin(0, 5_000),
    wrongPin(0, 5_000),
  ]);
  const damaged = await setup({ file: "{ torn", extra: { waits } });
  assert.equal(damaged.pins.waitMs(), 1_000);
  damaged.clock.t += 1_000;
  assert.deepEqual(await damaged.pins.check(WRONG), wrongPin(0, 2_000), "the damaged record counts as the free tries");
  const stretched = await setup({ file: record(1, START + 60_000), extra: { waits } });
  assert.equal(stretched.pins.waitMs(), 5_000, "the cap is the one set");
});

test("the keychain's copy: written with each wrong PIN, removed by the right one, untouched without wrong ones", async () => {
  const slot = memoryKeyStore();
  const calls: string[] = [];
  const counting: KeyStore = {
    get: () => slot.get(),
    set: (value) => (calls.push("set"), slot.set(value)),
    remove: () => (calls.push("remove"), slot.remove()),
  };
  const { pins, clock } = await setup({ slot: counting });
  assert.deepEqual(await pins.check(PIN), { ok: true, value: undefined });
  assert.deepEqual(calls, [], "a right PIN with no wrong ones before writes nothing");
  await pins.check(WRONG);
  assert.deepEqual(JSON.parse(slot.value ?? "null"), { failures: 1, waitUntil: null });
  await pins.check(WRONG);
  await pins.check(WRONG);
  assert.deepEqual(JSON.parse(slot.value ?? "null"), { failures: 3, waitUntil: START + 30_000 });
  clock.t += 30_000;
  assert.ok((await pins.check(PIN)).ok);
  assert.equal(slot.value, null);
  assert.deepEqual(calls, ["set", "set", "set", "remove"]);
});

test("the stricter of the keychain's and the data folder's records applies, count and wait each", async () => {
  const cases: { keychain: string; file?: string; wait: number; next: ReturnType<typeof wrongPin> }[] = [
    // Only the keychain's: its wait, and its count for the next wrong PIN.
    { keychain: record(4, START + 60_000), wait: 60_000, next: wrongPin(0, 120_000) },
    { keychain: record(2, null), wait: 0, next: wrongPin(0, 30_000) },
    // The data folder's count with the keychain's wait, and the other way round.
    { keychain: record(1, START + 20_000), file: record(3, null), wait: 20_000, next: wrongPin(0, 60_000) },
    { keychain: record(3, null), file: record(1, START + 20_000), wait: 20_000, next: wrongPin(0, 60_000) },
    // Both waiting: the later end.
    { keychain: record(3, START + 10_000), file: record(3, START + 20_000), wait: 20_000, next: wrongPin(0, 60_000) },
    { keychain: record(3, START + 20_000), file: record(3, START + 10_000), wait: 20_000, next: wrongPin(0, 60_000) },
    // The data folder's stricter on both counts.
    { keychain: record(3, START + 10_000), file: record(4, START + 20_000), wait: 20_000, next: wrongPin(0, 120_000) },
  ];
  for (const { keychain, file, wait, next } of cases) {
    const label = `keychain ${keychain}, file ${file ?? "none"}`;
    const slot = memoryKeyStore(keychain);
    const { pins, clock, kept } = await setup({ slot, ...(file ? { file } : {}) });
    // Each check waits for the keychain's record to be read.
    const first = await pins.check(wait > 0 ? PIN : WRONG);
    assert.deepEqual(first, wait > 0 ? pinWait(wait) : next, label);
    assert.deepEqual(JSON.parse(slot.value ?? "null"), kept(), `${label}: both copies hold the stricter record`);
    if (wait === 0) continue;
    assert.equal(pins.waitMs(), wait, label);
    if (file === undefined) assert.deepEqual(kept(), JSON.parse(keychain), `${label}: copied to the data folder`);
    clock.t += wait;
    assert.deepEqual(await pins.check(WRONG), next, label);
  }
});

test("a damaged keychain record starts with the first wait; an empty or unreadable keychain adds nothing", async () => {
  const torn = memoryKeyStore("{ torn");
  const damaged = await setup({ slot: torn });
  assert.deepEqual(await damaged.pins.check(PIN), pinWait(30_000));
  assert.deepEqual(damaged.kept(), { failures: 3, waitUntil: START + 30_000 });
  assert.deepEqual(JSON.parse(torn.value ?? "null"), { failures: 3, waitUntil: START + 30_000 }, "replaced");

  const empty = await setup({ slot: memoryKeyStore(null) });
  assert.deepEqual(await empty.pins.check(WRONG), wrongPin(2, 0));

  const locked = await setup({ slot: memoryKeyStore(null, true), file: record(1, null) });
  assert.deepEqual(await locked.pins.check(WRONG), wrongPin(1, 0), "the data folder's count alone");
  assert.deepEqual(await locked.pins.check(WRONG), wrongPin(0, 30_000), "and a keychain that refuses writes");
});

test("a keychain that throws on writing does not stop the count or the right PIN", async () => {
  const throwing: KeyStore = {
    get: async () => err({ kind: "keychain-unavailable", details: { cause: "locked" } }),
    set: () => Promise.reject(new Error("keychain gone")),
    remove: () => Promise.reject(new Error("keychain gone")),
  };
  const { pins, clock } = await setup({ slot: throwing });
  for (let i = 0; i < 3; i += 1) await pins.check(WRONG);
  assert.deepEqual(await pins.check(PIN), pinWait(30_000));
  clock.t += 30_000;
  assert.deepEqual(await pins.check(PIN), { ok: true, value: undefined });
  // Let the rejected writes settle inside the test: an unhandled one would fail it.
  await new Promise((resolve) => setImmediate(resolve));
});

test("a rehash that cannot be saved fails that check only; the next right PIN tries again", async () => {
  const saved: string[] = [];
  let failNext = true;
  const { pins } = await setup({
    extra: {
      rehash: {
        params: { ln: 13, r: 1, p: 1 },
        save: async (hash) => {
          if (failNext) {
            failNext = false;
            throw new Error("disk full");
          }
          saved.push(hash);
        },
      },
    },
  });
  await assert.rejects(pins.check(PIN), /disk full/);
  assert.deepEqual(await pins.check(WRONG), wrongPin(2, 0), "later checks still run");
  assert.deepEqual(await pins.check(PIN), { ok: true, value: undefined });
  assert.equal(saved.length, 1, "the old hash was still in use, so it was upgraded now");
  assert.match(saved[0] as string, /^\$scrypt\$ln=13,r=1,p=1\$/);
});

test("a hash already at the rehash cost is not rewritten", async () => {
  const saved: string[] = [];
  const { pins } = await setup({ extra: { rehash: { params: CHEAP, save: async (h) => void saved.push(h) } } });
  assert.ok((await pins.check(PIN)).ok);
  assert.deepEqual(saved, []);
});

test("the record deleted while the gate runs: the next try reads the keychain's copy again, and still waits", async () => {
  const slot = memoryKeyStore();
  const { pins, file } = await setup({ slot });
  for (let i = 0; i < 3; i += 1) await pins.check(WRONG);
  rmSync(file);
  assert.deepEqual(await pins.check(PIN), pinWait(30_000));
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { failures: 3, waitUntil: START + 30_000 }, "put back");
});
