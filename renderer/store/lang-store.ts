/** The UI language, remembered across restarts. Storage is passed in (localStorage in the app). */
import { createStore, type StoreApi } from "zustand/vanilla";
import { LANGS, type Lang } from "../../app/messages/describe-error";

export const LANG_STORAGE_KEY = "refund-desk.lang";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

export interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
  toggle: () => void;
}

export type LangStore = StoreApi<LangState>;

function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

/** Storage may be missing or throw (disabled, full): the language then lasts for this run only. */
export function createLangStore(storage: KeyValueStorage | null, fallback: Lang = "en"): LangStore {
  let initial: Lang = fallback;
  try {
    const saved = storage?.getItem(LANG_STORAGE_KEY);
    if (isLang(saved)) initial = saved;
  } catch {
    // Keep the fallback.
  }
  return createStore<LangState>()((set, get) => ({
    lang: initial,
    setLang(lang) {
      set({ lang });
      try {
        storage?.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        // Not remembered; still switched.
      }
    },
    toggle() {
      get().setLang(get().lang === "en" ? "hi" : "en");
    },
  }));
}
