/**
 * The app's keyboard shortcuts: Alt plus a letter. Ctrl+Shift+C would clash with Chromium's
 * inspect-element key (which kiosk mode swallows); Alt+C, N, S and P mean nothing to Chromium,
 * Electron or Windows once the app has no menu bar.
 */
import { useEffect, useLayoutEffect, useRef } from "react";

/** C copies the otp_ref_id, N starts a new request, S sends the OTP, P prints the receipt. */
export type ShortcutLetter = "C" | "N" | "S" | "P";

/**
 * The physical key decides, so the shortcut works with a Hindi (InScript) layout active and with
 * Option on a Mac, where the letter typed is "ç"; the typed letter counts too, for other layouts.
 */
export function isAltShortcut(
  event: Pick<KeyboardEvent, "altKey" | "ctrlKey" | "metaKey" | "shiftKey" | "code" | "key">,
  letter: ShortcutLetter,
): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  return event.code === `Key${letter}` || event.key.toUpperCase() === letter;
}

const MAC = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

/** What the keys are called on this computer's keyboard: "Alt+C", or "⌥C" on a Mac. */
export function shortcutLabel(letter: ShortcutLetter): string {
  return MAC ? `⌥${letter}` : `Alt+${letter}`;
}

/** The aria-keyshortcuts value (the ARIA spec calls Option "Alt" too). */
export function ariaShortcut(letter: ShortcutLetter): string {
  return `Alt+${letter}`;
}

/** Runs `action` on Alt+letter anywhere on the page while `enabled`. */
export function useAltShortcut(letter: ShortcutLetter, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useLayoutEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isAltShortcut(event, letter)) return;
      // On a Mac, Option+letter would also type a character into the focused field.
      event.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [letter, enabled]);
}
