/** The stores the screens share, handed down through context so the components stay testable. */
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { Lang } from "../app/messages/describe-error";
import type { Translate } from "../app/messages/keys";
import { translator } from "./i18n";
import type { DeskState, DeskStore } from "./store/desk-store";
import type { DisplayState, DisplayStore } from "./store/display-store";
import type { FindMobileState, FindMobileStore } from "./store/find-mobile-store";
import type { HistoryState, HistoryStore } from "./store/history-store";
import type { LangState, LangStore } from "./store/lang-store";
import type { PrintState, PrintStore } from "./store/print-store";
import type { RequestState, RequestStore } from "./store/request-store";
import type { SettingsState, SettingsStore } from "./store/settings-store";

export interface Stores {
  request: RequestStore;
  settings: SettingsStore;
  lang: LangStore;
  display: DisplayStore;
  desk: DeskStore;
  history: HistoryStore;
  print: PrintStore;
  findMobile: FindMobileStore;
}

const StoresContext = createContext<Stores | null>(null);

export const StoresProvider = StoresContext.Provider;

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error("StoresProvider is missing");
  return stores;
}

export function useRequest<T>(selector: (state: RequestState) => T): T {
  return useStore(useStores().request, selector);
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, selector);
}

export function useLangState<T>(selector: (state: LangState) => T): T {
  return useStore(useStores().lang, selector);
}

export function useDisplay<T>(selector: (state: DisplayState) => T): T {
  return useStore(useStores().display, selector);
}

export function useDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(useStores().desk, selector);
}

export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(useStores().history, selector);
}

export function usePrint<T>(selector: (state: PrintState) => T): T {
  return useStore(useStores().print, selector);
}

export function useFindMobile<T>(selector: (state: FindMobileState) => T): T {
  return useStore(useStores().findMobile, selector);
}

export function useLang(): Lang {
  return useLangState((s) => s.lang);
}

/** The text of the agent's language; components re-render when it is switched. */
export function useT(): Translate {
  return translator(useLang());
}
