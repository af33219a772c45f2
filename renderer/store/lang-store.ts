/** The UI language, remembered across restarts. Storage is passed in (localStorage in the app). */
import { createStore, type StoreApi } from "zustand/vanilla";
import { LANGS, type Lang } from "../../app/messages/catalogues";

export const LANG_STORAGE_KEY = "refund-desk.lang";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  toggle: () => void;
}

export type LangStore = StoreApi<LangState>;

function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

/** Where each language's text comes from (renderer/i18n.ts); by default every one is in. */
export interface Languages {
  has: (lang: Lang) => boolean;
  load: (lang: Lang) => Promise<void>;
}

const ALL_IN: Languages = { has: () => true, load: async () => undefined };

/** The language this machine remembers, or `fallback` where storage has none, or is missing or throws. */
export function rememberedLang(storage: KeyValueStorage | null, fallback: Lang = "en"): Lang {
  try {
    const saved = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(saved) ? saved : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Storage may be missing or throw (disabled, full): the language then lasts for this run only.
 * A switch to a language whose text is not in yet happens once it has loaded.
 */
export function createLangStore(
  storage: KeyValueStorage | null,
  fallback: Lang = "en",
  languages: Languages = ALL_IN,
): LangStore {
  const initial = rememberedLang(storage, fallback);
  // The language last asked for: a press while the other one loads counts from it.
  let wanted: Lang = initial;
  return createStore<LangState>()((set, get) => {
    function switchTo(lang: Lang): void {
      set({ lang });
      try {
        storage?.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        // Not remembered; still switched.
      }
    }
    return {
      lang: initial,
      setLang(lang) {
        wanted = lang;
        if (languages.has(lang)) {
          switchTo(lang);
          return;
        }
        // A failed load leaves the screen in the language it was in; the next press tries again.
        languages.load(lang).then(
          () => {
            if (wanted === lang) switchTo(lang);
          },
          () => {
            wanted = get().lang;
          },
        );
      },
      toggle() {
        get().setLang(wanted === "en" ? "hi" : "en");
      },
    };
  });
}
