import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { bridge } from "./bridge";
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

const api = bridge();
const storage = localStorageOrNull();
const stores: Stores = {
  request: createRequestStore(api),
  settings: createSettingsStore(api),
  lang: createLangStore(storage),
  display: createDisplayStore(storage, kioskFromSearch(window.location.search)),
  desk: createDeskStore(api),
  history: createHistoryStore(api),
  print: createPrintStore(api),
  findMobile: createFindMobileStore(api),
};

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoresProvider value={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
