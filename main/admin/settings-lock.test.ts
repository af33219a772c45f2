import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DeskPolicy } from "../../app/policy";
import { ok } from "../../app/result";
import { tempDataDir } from "../test-support/temp-dir";
import { createPinGate, PIN_ATTEMPTS_FILE, type PinGate } from "./pin-gate";
import { hashPin } from "./pin-hash";
import { createSettingsLock } from "./settings-lock";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** How long an unlock lasts, as the README promises: a literal, not the production constant. */
const TEN_MINUTES_MS = 600_000;

/** The lowest cost the hash parser accepts: these tests are about the lock, not the hash. */
const FAST = { ln: 12, r: 8, p: 1 };
const PIN = TEST_SECRETS.adminPins.deskAdmin;
const START = Date.parse("2026-03-05T10:00:00.000Z");

const LOCKED: DeskPolicy = {
  source: "machine",
  counterName: "Counter 4",
  kioskMode: true,
  settingsLocked: true,
  adminPinSet: true,
  problem: null,
  notices: [],
};

async function lockWithPin(policy: DeskPolicy = LOCKED, pin: string | null = PIN) {
  const clock = { t: START };
  const dataDir = tempDataDir("settings-lock");
  const gate = createPinGate({ pinHash: pin === null ? null : await hashPin(pin, FAST), dataDir, now: () => clock.t });
  return { clock, dataDir, lock: createSettingsLock(policy, gate, () => clock.t) };
}

test("locked settings open only with the right PIN, until ten minutes from then", async () => {
  const { lock, clock } = await lockWithPin();
  assert.equal(lock.isLocked(), true);
  assert.equal(lock.view().unlockedUntil, null);

  const wrong = await lock.unlock(TEST_SECRETS.adminPins.deskAdminWrong);
  assert.equal(wrong.ok, false);
  assert.equal(lock.isLocked(), true, "a wrong PIN leaves them locked");

  clock.t += 1_000;
  const opened = await lock.unlock(PIN);
  const until = new Date(START + 1_000 + TEN_MINUTES_MS).toISOString();
  assert.deepEqual(
    opened,
    ok({
      counterName: "Counter 4",
      kioskMode: true,
      settingsLocked: true,
      unlockedUntil: until,
      adminPinSet: true,
      source: "machine",
      problem: null,
      notices: [],
    }),
  );
  assert.equal(lock.isLocked(), false);
  assert.equal(lock.view().unlockedUntil, until);
});

test("the unlock runs out on the clock: open a millisecond before, locked at the end", async () => {
  const { lock, clock } = await lockWithPin();
  assert.ok((await lock.unlock(PIN)).ok);
  clock.t = START + TEN_MINUTES_MS - 1;
  assert.equal(lock.isLocked(), false);
  clock.t = START + TEN_MINUTES_MS;
  assert.equal(lock.isLocked(), true);
  assert.equal(lock.view().unlockedUntil, null, "an expired unlock is not shown as open");
});

test("lock() closes them at once and says so", async () => {
  const { lock } = await lockWithPin();
  assert.ok((await lock.unlock(PIN)).ok);
  const view = lock.lock();
  assert.equal(view.unlockedUntil, null);
  assert.equal(view.settingsLocked, true);
  assert.equal(lock.isLocked(), true);
});

test("without a lock in the policy, unlock is a no-op: no PIN is looked at or counted", async () => {
  const checked: string[] = [];
  const gate: PinGate = {
    check: async (pin) => {
      checked.push(pin);
      return ok(undefined);
    },
    waitMs: () => 0,
  };
  const open: DeskPolicy = {
    source: "none",
    counterName: null,
    kioskMode: false,
    settingsLocked: false,
    adminPinSet: false,
    problem: null,
    notices: [],
  };
  const lock = createSettingsLock(open, gate, () => START);
  assert.equal(lock.isLocked(), false);
  const result = await lock.unlock("whatever");
  assert.deepEqual(
    result,
    ok({
      counterName: null,
      kioskMode: false,
      settingsLocked: false,
      unlockedUntil: null,
      adminPinSet: false,
      source: "none",
      problem: null,
      notices: [],
    }),
  );
  assert.deepEqual(checked, []);
  assert.equal(lock.isLocked(), false);
});

test("a refused PIN comes through as the error union's own kinds: wrong-pin, pin-wait, no-admin-pin", async () => {
  const { lock, dataDir } = await lockWithPin();
  assert.deepEqual(await lock.unlock("1111"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 },
  });
  assert.deepEqual(await lock.unlock("1111"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 1, retryAfterMs: 0 },
  });
  assert.deepEqual(await lock.unlock("1111"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 0, retryAfterMs: 30_000 },
  });
  // During the wait even the right PIN is refused, and the settings stay locked.
  assert.deepEqual(await lock.unlock(PIN), { ok: false, error: { kind: "pin-wait", retryAfterMs: 30_000 } });
  assert.equal(lock.isLocked(), true);
  assert.ok(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)), "the wrong PINs were counted by the shared gate");

  const { lock: noPin } = await lockWithPin({ ...LOCKED, adminPinSet: false }, null);
  assert.deepEqual(await noPin.unlock(PIN), { ok: false, error: { kind: "no-admin-pin" } });
  assert.equal(noPin.isLocked(), true);
});

test("a clock set back while unlocked closes the settings rather than stretching the unlock", async () => {
  const { lock, clock } = await lockWithPin();
  assert.ok((await lock.unlock(PIN)).ok);
  clock.t -= 60 * 60_000;
  assert.equal(lock.isLocked(), true);
  assert.equal(lock.view().unlockedUntil, null);
});
