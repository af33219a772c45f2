import type { KeyValueStorage } from "./store/lang-store";

/** Reading `localStorage` or `sessionStorage` itself can throw when storage is disabled. */
export function storageOrNull(which: "localStorage" | "sessionStorage"): KeyValueStorage | null {
  try {
    return window[which];
  } catch {
    return null;
  }
}
