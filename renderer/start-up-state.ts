/**
 * What shapes the first screen before main answers: what this machine remembers (the language,
 * the display choices, the last run's header: environment-hint.ts) and the page's address (kiosk).
 * Without storage and address it is a fresh install's: the screen the build prerenders into
 * index.html (scripts/prerender.mjs) and the one the page hydrates before its own (first-screen.tsx).
 */
import type { RefundDeskApi } from "../app/ipc";
import { readFirstFrameHint, type FirstFrameHint } from "./environment-hint";
import { FRESH_INSTALL, type Remembered } from "./first-frame-shape";
import { createDeskStore } from "./store/desk-store";
import { createDisplayStore, kioskFromSearch } from "./store/display-store";
import { createFindMobileStore } from "./store/find-mobile-store";
import { createHistoryStore } from "./store/history-store";
import { createLangStore, type Languages } from "./store/lang-store";
import { createPrintStore } from "./store/print-store";
import { createRequestStore } from "./store/request-store";
import { createSettingsStore } from "./store/settings-store";
import type { Stores } from "./stores";

/** The stores and the header hint a window renders with. */
export interface WindowState {
  stores: Stores;
  hint: FirstFrameHint;
}

/** The stores whose first state comes from what is remembered (the others start empty). */
function rememberedStores(remembered: Remembered, languages?: Languages): Pick<Stores, "lang" | "display"> {
  return {
    lang: createLangStore(remembered.local, "en", languages),
    display: createDisplayStore(remembered.local, kioskFromSearch(remembered.search)),
  };
}

export function createWindowState(api: RefundDeskApi, remembered: Remembered, languages?: Languages): WindowState {
  return {
    stores: {
      // The tid on screen lasts as long as the window (a reload keeps it, a restart does not).
      request: createRequestStore(api, Date.now, remembered.session),
      settings: createSettingsStore(api),
      desk: createDeskStore(api),
      history: createHistoryStore(api),
      print: createPrintStore(api),
      findMobile: createFindMobileStore(api),
      ...rememberedStores(remembered, languages),
    },
    hint: readFirstFrameHint(remembered.local),
  };
}

/** The same window as a fresh install starts it: what the prerendered screen shows. */
export function asFreshInstall(state: WindowState): WindowState {
  return { stores: { ...state.stores, ...rememberedStores(FRESH_INSTALL) }, hint: readFirstFrameHint(null) };
}
