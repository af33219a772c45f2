import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { PinRefusal } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import { writeFileDurably } from "../fs/durable-file";
import type { KeyStore } from "../keychain/key-store";
import { DEFAULT_SCRYPT, hashPin, needsRehash, verifyPin, type ScryptParams } from "./pin-hash";

/**
 * Wrong-PIN count and wait, in the data folder and in the keychain, so neither closing the app nor
 * deleting one of the two resets them: the stricter of the two records applies.
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
  // Memory is the record while the app runs; the file carries it to the next start. A file that
  // cannot be written then still leaves the waits in force for this run.
  let attempts: Attempts = { failures: 0, waitUntil: null };
  attempts = load();
  let pinHash = deps.pinHash;
  // The keychain's record joins before the first check is looked at.
  let queue: Promise<unknown> = loadKeychain();

  async function loadKeychain(): Promise<void> {
    if (!deps.attemptsSlot) return;
    const stored = await deps.attemptsSlot.get();
    if (!stored.ok || stored.value === null) return;
    const kept = parseAttempts(stored.value) ?? {
      failures: waits.freeTries,
      waitUntil: deps.now() + waits.firstWaitMs,
    };
    // Both copies take the stricter record, so the weaker one (a write that failed, a damaged
    // keychain entry) does not come back if the other is deleted.
    save({
      failures: Math.max(kept.failures, attempts.failures),
      waitUntil: maxOrNull(kept.waitUntil, attempts.waitUntil),
    });
  }

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
    save(damaged);
    return damaged;
  }

  function save(next: Attempts): void {
    attempts = next;
    // Best effort, like the file: memory holds the record for this run either way.
    if (deps.attemptsSlot)
      void (next.failures === 0 ? deps.attemptsSlot.remove() : deps.attemptsSlot.set(JSON.stringify(next))).catch(
        () => undefined,
      );
    try {
      if (next.failures === 0) rmSync(file, { force: true });
      else writeFileDurably(file, `${JSON.stringify(next)}\n`);
    } catch {
      // Kept in memory; see above.
    }
  }

  function remaining(): number {
    if (attempts.waitUntil === null) return 0;
    const left = attempts.waitUntil - deps.now();
    if (left > waits.maxWaitMs) {
      // The clock was set back: that must not stretch a wait beyond its cap.
      save({ ...attempts, waitUntil: deps.now() + waits.maxWaitMs });
      return waits.maxWaitMs;
    }
    return Math.max(0, left);
  }

  async function checkNow(pin: string): Promise<Result<void, PinRefusal>> {
    if (!pinHash) return err({ kind: "no-admin-pin" });
    const left = remaining();
    if (left > 0) return err({ kind: "pin-wait", retryAfterMs: left });
    if (await verifyPin(pin, pinHash)) {
      if (attempts.failures > 0) save({ failures: 0, waitUntil: null });
      const params = deps.rehash?.params ?? DEFAULT_SCRYPT;
      if (deps.rehash && needsRehash(pinHash, params)) {
        const upgraded = await hashPin(pin, params);
        await deps.rehash.save(upgraded);
        pinHash = upgraded;
      }
      return ok(undefined);
    }
    const failures = attempts.failures + 1;
    const wait =
      failures < waits.freeTries ? 0 : Math.min(waits.firstWaitMs * 2 ** (failures - waits.freeTries), waits.maxWaitMs);
    save({ failures, waitUntil: wait > 0 ? deps.now() + wait : null });
    return err({ kind: "wrong-pin", triesBeforeWait: Math.max(0, waits.freeTries - failures), retryAfterMs: wait });
  }

  return {
    check(pin) {
      // One check at a time, so two quick tries cannot both pass the wait before either is counted.
      const run = queue.then(() => checkNow(pin));
      queue = run.catch(() => undefined);
      return run;
    },
    waitMs: remaining,
  };
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
