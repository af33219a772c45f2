import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskApi } from "../../app/ipc";
import type { DeskView } from "../../app/policy";
import { err, ok } from "../../app/result";
import { createDeskStore, relockWhenUnlockEnds, settingsOpen, type Timers } from "./desk-store";
import { deferred, unusedApi } from "./test-helpers";

const LOCKED: DeskView = {
  counterName: "Counter 7",
  kioskMode: true,
  settingsLocked: true,
  unlockedUntil: null,
  adminPinSet: true,
  source: "machine",
  problem: null,
  notices: [],
};
const UNTIL = "2030-01-01T10:10:00.000Z";
const PIN = "4826";

/** A fake main with the real lock's rules: the right PIN opens until UNTIL; lock closes. */
function fakeApi(overrides: Partial<RefundDeskApi> = {}) {
  const calls: { method: string; request: unknown }[] = [];
  let desk: DeskView = { ...LOCKED };
  const api: RefundDeskApi = {
    ...unusedApi(),
    async getDesk(request) {
      calls.push({ method: "getDesk", request });
      return ok(desk);
    },
    async unlockSettings(request) {
      calls.push({ method: "unlockSettings", request });
      if (request.pin !== PIN) return err({ kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 });
      desk = { ...desk, unlockedUntil: UNTIL };
      return ok(desk);
    },
    async lockSettings(request) {
      calls.push({ method: "lockSettings", request });
      desk = { ...desk, unlockedUntil: null };
      return ok(desk);
    },
    async exitKiosk(request) {
      calls.push({ method: "exitKiosk", request });
      return request.pin === PIN ? ok({ exiting: true as const }) : err({ kind: "pin-wait", retryAfterMs: 30_000 });
    },
    ...overrides,
  };
  return { api, calls };
}

test("load reads the desk with an empty request", async () => {
  const { api, calls } = fakeApi();
  const store = createDeskStore(api);
  assert.equal(store.getState().desk, null);
  await store.getState().load();
  assert.deepEqual(calls, [{ method: "getDesk", request: {} }]);
  assert.deepEqual(store.getState().desk, LOCKED);
  assert.equal(store.getState().error, null);
});

test("a failed load keeps no desk and says why; a later load clears the error", async () => {
  let fail = true;
  const { api } = fakeApi();
  const store = createDeskStore({
    ...api,
    getDesk: async (request) => (fail ? err({ kind: "internal", details: { cause: "x" } }) : api.getDesk(request)),
  });
  await store.getState().load();
  assert.equal(store.getState().desk, null);
  assert.equal(store.getState().error?.kind, "internal");
  fail = false;
  await store.getState().load();
  assert.equal(store.getState().error, null);
  assert.ok(store.getState().desk);
});

test("a wrong PIN is returned and changes nothing; the right one opens the settings", async () => {
  const { api, calls } = fakeApi();
  const store = createDeskStore(api);
  await store.getState().load();
  const refused = await store.getState().unlock("1111");
  assert.deepEqual(refused, { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 });
  assert.equal(store.getState().desk?.unlockedUntil, null);
  assert.equal(await store.getState().unlock(PIN), null);
  assert.equal(store.getState().desk?.unlockedUntil, UNTIL);
  assert.deepEqual(calls.at(-1), { method: "unlockSettings", request: { pin: PIN } });
  await store.getState().lock();
  assert.equal(store.getState().desk?.unlockedUntil, null);
  assert.deepEqual(calls.at(-1), { method: "lockSettings", request: {} });
});

test("the PIN is never kept in the store's state", async () => {
  const { api } = fakeApi();
  const store = createDeskStore(api);
  await store.getState().load();
  const seen: string[] = [];
  store.subscribe((state) => seen.push(JSON.stringify(state)));
  await store.getState().unlock("918273");
  await store.getState().unlock(PIN);
  await store.getState().exitKiosk("564738");
  await store.getState().exitKiosk(PIN);
  assert.ok(seen.length > 0);
  for (const snapshot of seen) {
    assert.doesNotMatch(snapshot, /918273|564738/);
    assert.doesNotMatch(snapshot, new RegExp(`"${PIN}"`));
  }
});

test("one action at a time: a second PIN try while one is checked is refused without calling main", async () => {
  const gate = deferred<Awaited<ReturnType<RefundDeskApi["unlockSettings"]>>>();
  const { api, calls } = fakeApi({
    unlockSettings: async (request) => {
      calls.push({ method: "unlockSettings", request });
      return gate.promise;
    },
  });
  const store = createDeskStore(api);
  const first = store.getState().unlock(PIN);
  assert.equal(store.getState().pending, "unlock");
  const second = await store.getState().exitKiosk(PIN);
  assert.equal(second?.kind, "internal");
  assert.equal(calls.filter((c) => c.method === "exitKiosk").length, 0);
  gate.resolve(ok({ ...LOCKED, unlockedUntil: UNTIL }));
  assert.equal(await first, null);
  assert.equal(store.getState().pending, null);
});

test("kiosk exit: refusals come back as values; success answers null", async () => {
  const { api } = fakeApi();
  const store = createDeskStore(api);
  assert.deepEqual(await store.getState().exitKiosk("0000"), { kind: "pin-wait", retryAfterMs: 30_000 });
  assert.equal(await store.getState().exitKiosk(PIN), null);
  const throwing = createDeskStore({ ...api, exitKiosk: () => Promise.reject(new Error("boom")) });
  assert.equal((await throwing.getState().exitKiosk(PIN))?.kind, "internal");
  assert.equal(throwing.getState().pending, null);
});

test("when the unlock ends the locked view returns at once, then main's view is read", async () => {
  const { api, calls } = fakeApi();
  const store = createDeskStore(api);
  await store.getState().load();
  await store.getState().unlock(PIN);
  const ended = store.getState().unlockEnded();
  assert.equal(store.getState().desk?.unlockedUntil, null);
  await ended;
  assert.equal(calls.at(-1)?.method, "getDesk");
});

test("settingsOpen: unlocked settings close when their time passes", () => {
  const until = Date.parse(UNTIL);
  assert.equal(settingsOpen(null, 0), true);
  assert.equal(settingsOpen({ ...LOCKED, settingsLocked: false }, 0), true);
  assert.equal(settingsOpen(LOCKED, 0), false);
  assert.equal(settingsOpen({ ...LOCKED, unlockedUntil: UNTIL }, until - 1), true);
  assert.equal(settingsOpen({ ...LOCKED, unlockedUntil: UNTIL }, until), false);
});

/** Timers the test moves by hand: `advance` runs what falls due, in order. */
function handTimers(start: number) {
  let now = start;
  let next = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout(run, ms) {
      next += 1;
      due.set(next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const [id, first] = [...due].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !first) break;
      due.delete(id);
      now = first.at;
      first.run();
    }
    now = end;
  }
  return { timers, advance, pending: () => due.size };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("locked follows the desk and the time it was read at: no screen reads the clock", async () => {
  const until = Date.parse(UNTIL);
  let now = until - 60_000;
  const { api } = fakeApi();
  const store = createDeskStore(api, () => now);
  assert.equal(store.getState().locked, false);
  await store.getState().load();
  assert.equal(store.getState().locked, true);
  await store.getState().unlock(PIN);
  assert.equal(store.getState().locked, false);
  now = until;
  await store.getState().load();
  assert.equal(store.getState().locked, true);
});

test("the settings show locked again when the unlock's time is up, with nobody touching the screen", async () => {
  const until = Date.parse(UNTIL);
  const { api, calls } = fakeApi();
  // Asked again and again, this main gives up calling it open, so a loop ends and is counted.
  const getDesk = api.getDesk;
  api.getDesk = async (request) => {
    const reply = await getDesk(request);
    return calls.length > 12 && reply.ok ? ok({ ...reply.value, unlockedUntil: null }) : reply;
  };
  const hand = handTimers(until - 10 * 60_000);
  const store = createDeskStore(api, () => hand.timers.now());
  const stop = relockWhenUnlockEnds(store, hand.timers);
  await store.getState().load();
  assert.equal(hand.pending(), 0);
  await store.getState().unlock(PIN);
  assert.equal(hand.pending(), 1);
  hand.advance(10 * 60_000 - 1);
  assert.equal(store.getState().locked, false);
  assert.equal(calls.filter((c) => c.method === "getDesk").length, 1);
  hand.advance(1);
  assert.equal(store.getState().locked, true);
  assert.equal(store.getState().desk?.unlockedUntil, null);
  await settle();
  assert.equal(calls.filter((c) => c.method === "getDesk").length, 2);
  // This fake main still calls the unlock open (as a main whose clock is behind would): the
  // desk stays locked by this clock and is not asked again and again.
  await settle();
  assert.equal(calls.filter((c) => c.method === "getDesk").length, 2);
  assert.equal(store.getState().locked, true);
  stop();
  assert.equal(hand.pending(), 0);
});

test("an unlock ending beyond the longest timer is waited for in steps, not at once", async () => {
  const until = Date.parse(UNTIL);
  const { api } = fakeApi();
  const hand = handTimers(until - 30 * 24 * 3_600_000);
  const store = createDeskStore(api, () => hand.timers.now());
  relockWhenUnlockEnds(store, hand.timers);
  await store.getState().load();
  await store.getState().unlock(PIN);
  hand.advance(2 ** 31);
  assert.equal(store.getState().desk?.unlockedUntil, UNTIL);
  hand.advance(until - hand.timers.now());
  assert.equal(store.getState().desk?.unlockedUntil, null);
});

test("leaving Settings locks an unlocked desk at once, and leaves a locked or unlocked-by-policy desk alone", async () => {
  const { api, calls } = fakeApi();
  const store = createDeskStore(api);
  await store.getState().load();
  await store.getState().leaveSettings();
  assert.equal(
    calls.some((c) => c.method === "lockSettings"),
    false,
  );
  await store.getState().unlock(PIN);
  await store.getState().leaveSettings();
  assert.deepEqual(calls.at(-1), { method: "lockSettings", request: {} });
  assert.equal(store.getState().locked, true);

  const open = fakeApi({ getDesk: async () => ok({ ...LOCKED, settingsLocked: false }) });
  const unlockedStore = createDeskStore(open.api);
  await unlockedStore.getState().load();
  await unlockedStore.getState().leaveSettings();
  assert.equal(
    open.calls.some((c) => c.method === "lockSettings"),
    false,
  );
});

test("a change refused as settings-locked is kept to show with the lock until the next unlock", async () => {
  const { api } = fakeApi();
  const store = createDeskStore(api);
  await store.getState().load();
  await store.getState().unlock(PIN);
  await store.getState().unlockEnded({ kind: "settings-locked" });
  assert.deepEqual(store.getState().lockedError, { kind: "settings-locked" });
  assert.equal((await store.getState().unlock("0000"))?.kind, "wrong-pin");
  assert.deepEqual(store.getState().lockedError, { kind: "settings-locked" });
  assert.equal(await store.getState().unlock(PIN), null);
  assert.equal(store.getState().lockedError, null);
  await store.getState().unlockEnded({ kind: "settings-locked" });
  await store.getState().leaveSettings();
  assert.equal(store.getState().lockedError, null);
});
