/**
 * Whether a window's first screen is the one the build prerendered (a fresh install's), read from
 * what the window's address and this machine's storage say. A file of its own, apart from the
 * stores: index.html's blocking gate (first-frame-gate.ts) runs it before the page paints.
 */
import { readFirstFrameHint } from "./environment-hint";
import { kioskFromSearch, rememberedDisplay } from "./store/display-store";
import { rememberedLang, type KeyValueStorage } from "./store/lang-store";

/** What the window's address and this machine's storage say; nulls and "" for a fresh install. */
export interface Remembered {
  local: KeyValueStorage | null;
  session: KeyValueStorage | null;
  search: string;
}

export const FRESH_INSTALL: Remembered = { local: null, session: null, search: "" };

/**
 * The parts of the first screen that what is remembered can change, read as the stores read them
 * but without making them: the first-frame gate runs this before the page paints.
 */
function firstScreenShape(remembered: Remembered): unknown {
  return {
    lang: rememberedLang(remembered.local),
    ...rememberedDisplay(remembered.local),
    kiosk: kioskFromSearch(remembered.search),
    ...readFirstFrameHint(remembered.local),
  };
}

/** Set on <html> by first-frame-gate.ts when the prerendered screen is not this window's: hidden until its own. */
export const FIRST_FRAME_ATTRIBUTE = "data-first-frame";

/** Whether this window's first screen is the prerendered one, so it may be shown before the script runs. */
export function startsAsPrerendered(remembered: Remembered): boolean {
  return JSON.stringify(firstScreenShape(remembered)) === JSON.stringify(firstScreenShape(FRESH_INSTALL));
}
