/**
 * The policy in force as the window may know it (app/policy.ts DeskView): the counter name, kiosk
 * mode, and whether the settings are locked or unlocked now. The admin PIN only passes through
 * `unlock` and `exitKiosk` to the api: it is never kept in state.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import type { DeskView } from "../../app/policy";
import { safeCall } from "./safe-call";

type DeskAction = "load" | "unlock" | "lock" | "exit";

export interface DeskState {
  desk: DeskView | null;
  /** Whether settings changes are refused now; kept with `desk`, so no screen reads the clock. */
  locked: boolean;
  pending: DeskAction | null;
  /** A change main refused because the unlock had run out: shown with the lock until the next unlock. */
  lockedError: RefundDeskError | null;
  /** Why the desk could not be read; the app then runs as on a machine without a policy. */
  error: RefundDeskError | null;
  load: () => Promise<void>;
  /** Opens locked settings; resolves to why the PIN was refused, or null when they are open. */
  unlock: (pin: string) => Promise<RefundDeskError | null>;
  lock: () => Promise<void>;
  /** Asks main to quit the kiosk; resolves to why it was refused, or null when main is quitting. */
  exitKiosk: (pin: string) => Promise<RefundDeskError | null>;
  /** The unlock ran out, or main refused a change as settings-locked: show them locked, then ask main. */
  unlockEnded: (refused?: RefundDeskError) => Promise<void>;
  /** Leaving Settings locks them again at once, rather than when the unlock's time is up. */
  leaveSettings: () => Promise<void>;
}

export type DeskStore = StoreApi<DeskState>;

type DeskApi = Pick<RefundDeskApi, "getDesk" | "unlockSettings" | "lockSettings" | "exitKiosk">;

const busy: RefundDeskError = { kind: "internal", details: { cause: "desk-busy" } };

/** Whether the settings may be changed at `nowMs`: not locked, or unlocked until later than that. */
export function settingsOpen(desk: DeskView | null, nowMs: number): boolean {
  if (!desk?.settingsLocked) return true;
  return desk.unlockedUntil !== null && Date.parse(desk.unlockedUntil) > nowMs;
}

export function createDeskStore(api: DeskApi, now: () => number = () => Date.now()): DeskStore {
  return createStore<DeskState>()((set, get) => {
    const shown = (desk: DeskView) => ({ desk, locked: !settingsOpen(desk, now()) });

    async function run(
      action: DeskAction,
      call: () => ReturnType<DeskApi["getDesk"]>,
    ): Promise<RefundDeskError | null> {
      if (get().pending) return busy;
      set({ pending: action });
      const result = await safeCall(call);
      set(result.ok ? { pending: null, ...shown(result.value), error: null } : { pending: null });
      return result.ok ? null : result.error;
    }

    return {
      desk: null,
      locked: false,
      pending: null,
      lockedError: null,
      error: null,

      async load() {
        const error = await run("load", () => api.getDesk({}));
        if (error) set({ error });
      },

      async unlock(pin) {
        const refused = await run("unlock", () => api.unlockSettings({ pin }));
        if (!refused) set({ lockedError: null });
        return refused;
      },

      async lock() {
        await run("lock", () => api.lockSettings({}));
      },

      async exitKiosk(pin) {
        if (get().pending) return busy;
        set({ pending: "exit" });
        const result = await safeCall(() => api.exitKiosk({ pin }));
        set({ pending: null });
        return result.ok ? null : result.error;
      },

      async unlockEnded(refused) {
        const desk = get().desk;
        // Show the locked view at once; then learn what main says now.
        if (desk) set(shown({ ...desk, unlockedUntil: null }));
        if (refused) set({ lockedError: refused });
        await get().load();
      },

      async leaveSettings() {
        const desk = get().desk;
        set({ lockedError: null });
        if (desk?.settingsLocked && desk.unlockedUntil) await get().lock();
      },
    };
  });
}

/** The timers relockWhenUnlockEnds uses: the real ones in the window, a hand-driven pair in tests. */
export interface Timers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** setTimeout runs a longer wait at once; a later end is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Shows the settings locked again when the unlock's time is up, even if nobody touches the
 * screen, and asks main. Returns the function that stops watching.
 */
export function relockWhenUnlockEnds(store: DeskStore, timers: Timers = realTimers): () => void {
  let timer: unknown = null;
  let watched: string | null = null;
  // The end already acted on: main may still call it open (its clock a moment behind), and asking
  // again would go round forever; the desk shows locked by this clock meanwhile.
  let ended: string | null = null;

  function wait(until: string): void {
    const left = Date.parse(until) - timers.now();
    if (left > 0) {
      timer = timers.setTimeout(() => wait(until), Math.min(left, LONGEST_TIMER_MS));
      return;
    }
    timer = null;
    if (until === ended) return;
    ended = until;
    void store.getState().unlockEnded();
  }

  function follow(desk: DeskView | null): void {
    const until = desk?.settingsLocked ? desk.unlockedUntil : null;
    if (until === watched) return;
    watched = until;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (until !== null) wait(until);
  }

  follow(store.getState().desk);
  const unsubscribe = store.subscribe((state) => follow(state.desk));
  return () => {
    unsubscribe();
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
}
