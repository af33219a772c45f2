/**
 * How the screen is shown: large text (the agent's choice, remembered on this machine), kiosk
 * mode (touch-sized targets; set by whoever starts the window or by the policy, not by the agent),
 * whether the agent has used the app (the Refund screen's intro sentence then goes) and whether
 * the Practice list is folded away (both remembered on this machine).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { KeyValueStorage } from "./lang-store";

const LARGE_TEXT_STORAGE_KEY = "refund-desk.large-text";
const USED_STORAGE_KEY = "refund-desk.used";
const PRACTICE_FOLDED_STORAGE_KEY = "refund-desk.practice-folded";

export interface DisplayState {
  largeText: boolean;
  kiosk: boolean;
  /** A transaction was checked on this machine once: the field's label and hint say the rest. */
  used: boolean;
  practiceFolded: boolean;
  toggleLargeText: () => void;
  markUsed: () => void;
  togglePracticeFolded: () => void;
  /** The policy in force says kiosk: on for the rest of this run (only the admin PIN leaves it). */
  enterKiosk: () => void;
}

export type DisplayStore = StoreApi<DisplayState>;

/** The choices this machine remembers; all off where storage is missing or throws. */
export function rememberedDisplay(
  storage: KeyValueStorage | null,
): Pick<DisplayState, "largeText" | "used" | "practiceFolded"> {
  const read = (key: string) => {
    try {
      return storage?.getItem(key) === "1";
    } catch {
      return false;
    }
  };
  return {
    largeText: read(LARGE_TEXT_STORAGE_KEY),
    used: read(USED_STORAGE_KEY),
    practiceFolded: read(PRACTICE_FOLDED_STORAGE_KEY),
  };
}

/** Storage may be missing or throw (disabled, full): the choice then lasts for this run only. */
export function createDisplayStore(storage: KeyValueStorage | null, kiosk: boolean): DisplayStore {
  const remember = (key: string, on: boolean) => {
    try {
      storage?.setItem(key, on ? "1" : "0");
    } catch {
      // Not remembered; still switched.
    }
  };
  return createStore<DisplayState>()((set, get) => ({
    ...rememberedDisplay(storage),
    kiosk,
    toggleLargeText() {
      const next = !get().largeText;
      set({ largeText: next });
      remember(LARGE_TEXT_STORAGE_KEY, next);
    },
    markUsed() {
      if (get().used) return;
      set({ used: true });
      remember(USED_STORAGE_KEY, true);
    },
    togglePracticeFolded() {
      const next = !get().practiceFolded;
      set({ practiceFolded: next });
      remember(PRACTICE_FOLDED_STORAGE_KEY, next);
    },
    enterKiosk() {
      if (!get().kiosk) set({ kiosk: true });
    },
  }));
}

/**
 * Kiosk mode from the page's address (`?kiosk=1`): main opens the window with it when the
 * machine's policy says kiosk (main/window-policy/kiosk-options.ts).
 */
export function kioskFromSearch(search: string): boolean {
  return new URLSearchParams(search).get("kiosk") === "1";
}
