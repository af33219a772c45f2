import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { PinRefusal } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import { writeFileDurably } from "../fs/durable-file";
import { openCounterState, type CounterState } from "../fs/counter-state";
import type { KeyStore } from "../keychain/key-store";
import { DEFAULT_SCRYPT, hashPin, needsRehash, verifyPin, type ScryptParams } from "./pin-hash";

/**
 * Wrong-PIN count and wait, in the data folder and in the keychain, so neither closing the app nor
 * deleting one of the two resets them: the stricter of the two records applies. One record for the
 * counter: the window and every `refund-desk` process read and write it under the counter state's
 * OS lock, so tries made at once in several processes share one count.
 */
export const PIN_ATTEMPTS_FILE = "pin-attempts.json";

export interface PinWaits {
  /** Wrong PINs allowed before the first wait. */
  freeTries: number;
  firstWaitMs: number;
  /** Each further wrong PIN doubles the wait, up to this. */
  maxWaitMs: number;
}

export const PIN_WAITS: PinWaits = { freeTries: 3, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 };

interface Attempts {
  failures: number;
  /** Local epoch ms before which no PIN is looked at; null when there is no wait. */
  waitUntil: number | null;
}

/** Checks the admin PIN (kiosk exit, unlocking settings) and rate-limits wrong ones. */
export interface PinGate {
  check(pin: string): Promise<Result<void, PinRefusal>>;
  /** The wait still to run before a PIN is looked at again (0: none). */
  waitMs(): number;
}

export interface PinGateDeps {
  pinHash: string | null;
  dataDir: string;
  now: () => number;
  waits?: PinWaits;
  /** The keychain's copy of the record; without one, only the data folder's. */
  attemptsSlot?: KeyStore;
  /** The counter's state, whose lock every process takes to read and write the record; by default the data folder's. */
  state?: CounterState;
  /**
   * Called with a new hash at today's cost after a right PIN whose stored hash is older and
   * cheaper, for the store it came from (provisioning); absent where the hash is the admin's
   * (the machine policy), which the app cannot rewrite.
   */
  rehash?: { params?: ScryptParams; save: (pinHash: string) => Promise<void> };
}

export function createPinGate(deps: PinGateDeps): PinGate {
  const file = join(deps.dataDir, PIN_ATTEMPTS_FILE);
  const waits = deps.waits ?? PIN_WAITS;
  const state = deps.state ?? openCounterState(deps.dataDir);
  let pinHash = deps.pinHash;
  // The keychain's record joins before the first check is looked at.
  let queue: Promise<unknown> = keychainRecord().then((kept) => {
    if (kept) state.locked(() => save(stricter(load(), kept)));
  });

  /** The keychain's copy; a damaged one counts as the free tries used up. */
  async function keychainRecord(): Promise<Attempts | null> {
    if (!deps.attemptsSlot) return null;
    const stored = await deps.attemptsSlot.get();
    if (!stored.ok || stored.value === null) return null;
    return parseAttempts(stored.value) ?? { failures: waits.freeTries, waitUntil: deps.now() + waits.firstWaitMs };
  }

  /** The data folder's record as it is now; read inside a locked step only. */
  function load(): Attempts {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { failures: 0, waitUntil: null };
      return failClosed();
    }
    return parseAttempts(text) ?? failClosed();
  }

  /** A damaged record cannot say how many wrong PINs there were: start with the first wait, not none. */
  function failClosed(): Attempts {
    const damaged = { failures: waits.freeTries, waitUntil: deps.now() + waits.firstWaitMs };
    try {
      save(damaged);
    } catch {
      // Still the wait for this try; the next one reads the damage again.
    }
    return damaged;
  }

  /** Writes the data folder's record (inside a locked step); throws when it cannot. */
  function save(next: Attempts): void {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: force hides only ENOENT, and every caller ignores a failed removal
    if (next.failures === 0) rmSync(file, { force: true });
    else writeFileDurably(file, `${JSON.stringify(next)}\n`);
  }

  /** Best effort: the data folder's record is the one every process reads; this copy outlives its deletion. */
  function copyToKeychain(next: Attempts): void {
    if (deps.attemptsSlot)
      void (next.failures === 0 ? deps.attemptsSlot.remove() : deps.attemptsSlot.set(JSON.stringify(next))).catch(
        () => undefined,
      );
  }

  /** The wait still to run on `record`, and the record with a wait a clock set back stretched cut to the cap. */
  function remaining(record: Attempts): { left: number; record: Attempts } {
    if (record.waitUntil === null) return { left: 0, record };
    const left = record.waitUntil - deps.now();
    // Stryker disable next-line EqualityOperator: at exactly the cap both save the same end time and return the same wait
    if (left > waits.maxWaitMs)
      return { left: waits.maxWaitMs, record: { ...record, waitUntil: deps.now() + waits.maxWaitMs } };
    return { left: Math.max(0, left), record };
  }

  /**
   * One locked step: the record as every process left it (and the keychain's, the stricter of the
   * two); a wait still running refuses the try unlooked; otherwise the try is counted as wrong
   * before the PIN is looked at, so tries made at once in other processes each find it counted.
   */
  function takeTurn(kept: Attempts | null) {
    return state.locked(() => {
      const before = load();
      const current = kept ? stricter(before, kept) : before;
      const { left, record } = remaining(current);
      if (left > 0) {
        try {
          if (!sameRecord(record, before)) save(record);
        } catch {
          // Nothing is looked at while waiting: a record that cannot be written changes nothing.
        }
        return { waiting: left, before: record, charged: record, wait: 0 };
      }
      const failures = record.failures + 1;
      const wait =
        failures < waits.freeTries
          ? 0
          : Math.min(waits.firstWaitMs * 2 ** (failures - waits.freeTries), waits.maxWaitMs);
      const charged = { failures, waitUntil: wait > 0 ? deps.now() + wait : null };
      // A try that cannot be counted is not looked at: this throws, and the step fails.
      save(charged);
      return { waiting: 0, before: record, charged, wait };
    });
  }

  async function checkNow(pin: string): Promise<Result<void, PinRefusal>> {
    if (!pinHash) return err({ kind: "no-admin-pin" });
    const turn = takeTurn(await keychainRecord());
    if (!turn.ok) return turn;
    const { waiting, before, charged, wait } = turn.value;
    if (waiting > 0) {
      copyToKeychain(before);
      return err({ kind: "pin-wait", retryAfterMs: waiting });
    }
    if (await verifyPin(pin, pinHash)) {
      // The right PIN: the try counted in advance goes, with every wrong one before it.
      state.locked(() => save({ failures: 0, waitUntil: null }));
      if (before.failures > 0) copyToKeychain({ failures: 0, waitUntil: null });
      const params = deps.rehash?.params ?? DEFAULT_SCRYPT;
      if (deps.rehash && needsRehash(pinHash, params)) {
        const upgraded = await hashPin(pin, params);
        await deps.rehash.save(upgraded);
        pinHash = upgraded;
      }
      return ok(undefined);
    }
    copyToKeychain(charged);
    return err({
      kind: "wrong-pin",
      triesBeforeWait: Math.max(0, waits.freeTries - charged.failures),
      retryAfterMs: wait,
    });
  }

  return {
    check(pin) {
      // One check at a time in this process, so its own quick tries queue rather than fail on the lock.
      const run = queue.then(() => checkNow(pin));
      queue = run.catch(() => undefined);
      return run;
    },
    waitMs() {
      const looked = state.locked(() => {
        const before = load();
        const { left, record } = remaining(before);
        if (!sameRecord(record, before)) save(record);
        return left;
      });
      return looked.ok ? looked.value : 0;
    },
  };
}

function stricter(a: Attempts, b: Attempts): Attempts {
  return { failures: Math.max(a.failures, b.failures), waitUntil: maxOrNull(a.waitUntil, b.waitUntil) };
}

function sameRecord(a: Attempts, b: Attempts): boolean {
  return a.failures === b.failures && a.waitUntil === b.waitUntil;
}

function maxOrNull(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function parseAttempts(text: string): Attempts | null {
  try {
    const value = JSON.parse(text) as Partial<Attempts>;
    const failures = value.failures;
    const waitUntil = value.waitUntil;
    if (typeof failures !== "number" || !Number.isInteger(failures) || failures < 0) return null;
    if (waitUntil !== null && (typeof waitUntil !== "number" || !Number.isFinite(waitUntil))) return null;
    return { failures, waitUntil };
  } catch {
    return null;
  }
}
