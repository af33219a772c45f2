import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { LANGS } from "../app/messages/catalogues";
import { enableActionMarks } from "./action-marks";
import { App } from "./App";
import { bridge } from "./bridge";
import { readFirstFrameHint, rememberFirstFrame } from "./environment-hint";
import { FirstFrame } from "./held-space";
import { hasLanguage, loadLanguage } from "./i18n";
import { ANSWER_PARTS, LATER_PARTS, type LazyPartList } from "./lazy-parts";
import { startUp } from "./start-up";
import { createDeskStore } from "./store/desk-store";
import { createDisplayStore, kioskFromSearch } from "./store/display-store";
import { createFindMobileStore } from "./store/find-mobile-store";
import { createHistoryStore } from "./store/history-store";
import { createLangStore, type KeyValueStorage } from "./store/lang-store";
import { createPrintStore } from "./store/print-store";
import { createRequestStore } from "./store/request-store";
import { createSettingsStore } from "./store/settings-store";
import { StoresProvider, type Stores } from "./stores";

/** Reading `localStorage` itself can throw when storage is disabled. */
function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function preload(parts: LazyPartList): void {
  for (const part of parts) part.preload().catch(() => undefined);
}

/**
 * After the first frame: the Refund screen's answer panels at once (so the focus an answer moves
 * lands on them), then, when nothing else runs, the other screens and the other language.
 */
function prefetchAfterFirstFrame(): void {
  requestAnimationFrame(() => setTimeout(() => preload(ANSWER_PARTS), 0));
  const later = () => {
    preload(LATER_PARTS);
    for (const lang of LANGS) loadLanguage(lang).catch(() => undefined);
  };
  if ("requestIdleCallback" in window) window.requestIdleCallback(later, { timeout: 2_000 });
  else setTimeout(later, 500);
}

const search = new URLSearchParams(window.location.search);
// The benchmark opens the page with ?bench=1 to read the renderer's own time per action.
enableActionMarks(search.get("bench") === "1");

const api = bridge();
const storage = localStorageOrNull();
const stores: Stores = {
  request: createRequestStore(api),
  settings: createSettingsStore(api),
  lang: createLangStore(storage, "en", { has: hasLanguage, load: loadLanguage }),
  display: createDisplayStore(storage, kioskFromSearch(window.location.search)),
  desk: createDeskStore(api),
  history: createHistoryStore(api),
  print: createPrintStore(api),
  findMobile: createFindMobileStore(api),
};

// The next start holds the space of this header and screen before main answers.
const firstFrame = readFirstFrameHint(storage);
const seen = { ...firstFrame };
function remember(): void {
  const environment = stores.settings.getState().view?.environment ?? seen.environment;
  const desk = stores.desk.getState().desk;
  const counterName = desk ? desk.counterName : seen.counterName;
  if (environment === seen.environment && counterName === seen.counterName) return;
  Object.assign(seen, { environment, counterName });
  rememberFirstFrame(storage, seen);
}
stores.settings.subscribe(remember);
stores.desk.subscribe(remember);
startUp(stores);

async function start(root: HTMLElement): Promise<void> {
  // A window last used in Hindi waits for its text (one local file) rather than flash English.
  const lang = stores.lang.getState().lang;
  if (!hasLanguage(lang)) await loadLanguage(lang).catch(() => stores.lang.getState().setLang("en"));
  createRoot(root).render(
    <StrictMode>
      <StoresProvider value={stores}>
        <FirstFrame.Provider value={firstFrame}>
          <App />
        </FirstFrame.Provider>
      </StoresProvider>
    </StrictMode>,
  );
  prefetchAfterFirstFrame();
}

const root = document.getElementById("root");
if (root) void start(root);
