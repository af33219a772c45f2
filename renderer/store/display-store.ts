/**
 * How the screen is shown: large text (the agent's choice, remembered on this machine) and kiosk
 * mode (touch-sized targets; set by whoever starts the window or by the policy, not by the agent).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { KeyValueStorage } from "./lang-store";

export const LARGE_TEXT_STORAGE_KEY = "refund-desk.large-text";

export interface DisplayState {
  largeText: boolean;
  kiosk: boolean;
  toggleLargeText(): void;
  /** The policy in force says kiosk: on for the rest of this run (only the admin PIN leaves it). */
  enterKiosk(): void;
}

export type DisplayStore = StoreApi<DisplayState>;

/** Storage may be missing or throw (disabled, full): the choice then lasts for this run only. */
export function createDisplayStore(storage: KeyValueStorage | null, kiosk: boolean): DisplayStore {
  let largeText = false;
  try {
    largeText = storage?.getItem(LARGE_TEXT_STORAGE_KEY) === "1";
  } catch {
    // Keep normal text.
  }
  return createStore<DisplayState>()((set, get) => ({
    largeText,
    kiosk,
    toggleLargeText() {
      const next = !get().largeText;
      set({ largeText: next });
      try {
        storage?.setItem(LARGE_TEXT_STORAGE_KEY, next ? "1" : "0");
      } catch {
        // Not remembered; still switched.
      }
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
