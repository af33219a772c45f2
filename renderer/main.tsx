import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { bridge } from "./bridge";
import { createDeskStore } from "./store/desk-store";
import { createDisplayStore, kioskFromSearch } from "./store/display-store";
import { createHistoryStore } from "./store/history-store";
import { createLangStore, type KeyValueStorage } from "./store/lang-store";
import { createRequestStore } from "./store/request-store";
import { createSettingsStore } from "./store/settings-store";
import { StoresProvider, type Stores } from "./stores";

/** Reading `localStorage` or `sessionStorage` itself can throw when storage is disabled. */
function storageOrNull(which: "localStorage" | "sessionStorage"): KeyValueStorage | null {
  try {
    return window[which];
  } catch {
    return null;
  }
}

const api = bridge();
const storage = storageOrNull("localStorage");
const stores: Stores = {
  // The tid on screen lasts as long as the window (a reload keeps it, a restart does not).
  request: createRequestStore(api, Date.now, storageOrNull("sessionStorage")),
  settings: createSettingsStore(api),
  lang: createLangStore(storage),
  display: createDisplayStore(storage, kioskFromSearch(window.location.search)),
  desk: createDeskStore(api),
  history: createHistoryStore(api),
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
