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

export type DeskAction = "load" | "unlock" | "lock" | "exit";

export interface DeskState {
  desk: DeskView | null;
  pending: DeskAction | null;
  /** Why the desk could not be read; the app then runs as on a machine without a policy. */
  error: RefundDeskError | null;
  load(): Promise<void>;
  /** Opens locked settings; resolves to why the PIN was refused, or null when they are open. */
  unlock(pin: string): Promise<RefundDeskError | null>;
  lock(): Promise<void>;
  /** Asks main to quit the kiosk; resolves to why it was refused, or null when main is quitting. */
  exitKiosk(pin: string): Promise<RefundDeskError | null>;
  /** The unlock ran out, or main refused a change as settings-locked: show them locked, then ask main. */
  unlockEnded(): Promise<void>;
}

export type DeskStore = StoreApi<DeskState>;

type DeskApi = Pick<RefundDeskApi, "getDesk" | "unlockSettings" | "lockSettings" | "exitKiosk">;

const busy: RefundDeskError = { kind: "internal", details: { cause: "desk-busy" } };

/** Whether the settings may be changed at `nowMs`: not locked, or unlocked until later than that. */
export function settingsOpen(desk: DeskView | null, nowMs: number): boolean {
  if (!desk?.settingsLocked) return true;
  return desk.unlockedUntil !== null && Date.parse(desk.unlockedUntil) > nowMs;
}

export function createDeskStore(api: DeskApi): DeskStore {
  return createStore<DeskState>()((set, get) => {
    async function run(action: DeskAction, call: () => ReturnType<DeskApi["getDesk"]>): Promise<RefundDeskError | null> {
      if (get().pending) return busy;
      set({ pending: action });
      const result = await safeCall(call);
      set(result.ok ? { pending: null, desk: result.value, error: null } : { pending: null });
      return result.ok ? null : result.error;
    }

    return {
      desk: null,
      pending: null,
      error: null,

      async load() {
        const error = await run("load", () => api.getDesk({}));
        if (error) set({ error });
      },

      unlock: (pin) => run("unlock", () => api.unlockSettings({ pin })),

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

      async unlockEnded() {
        const desk = get().desk;
        // Show the locked view at once; then learn what main says now.
        if (desk) set({ desk: { ...desk, unlockedUntil: null } });
        await get().load();
      },
    };
  });
}
