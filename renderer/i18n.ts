/**
 * The UI's text through i18next core, one catalogue per language (app/messages/en.ts, hi.ts).
 * react-i18next is left out on purpose (bundle budget): the language lives in the zustand lang
 * store and `useT` in stores.tsx binds the two. package.json holds i18next at ~26.0 for the same
 * budget: the later 26.x releases add 2.7 KB (gzip) of development warnings to the bundle.
 * English is in the first screen's bundle (it is the fallback); Hindi comes from its own chunk,
 * loaded before a window in Hindi first paints, or on the first switch (prefetched when idle).
 */
import i18next from "i18next";
import { catalogue, hasCatalogue, LANGS, loadCatalogue, type Lang } from "../app/messages/catalogues";
import type { MessageKey, Translate } from "../app/messages/keys";

const i18n = i18next.createInstance();

void i18n.init({
  resources: { en: { translation: catalogue("en") } },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGS],
  // English is in the bundle: ready at once, no backend, no network.
  initAsync: false,
  // Keys contain no namespaces; "{name}" is the catalogues' placeholder (the same as `fill`).
  nsSeparator: false,
  // React escapes what it renders; escaping here too would show "&amp;" in the UI.
  interpolation: { escapeValue: false, prefix: "{", suffix: "}" },
  // A key no catalogue has is a bug: the console error fails the e2e run (fixtures/app.ts).
  saveMissing: true,
  missingKeyHandler: (_langs, _ns, key) => console.error(`refund-desk: no text for "${key}"`),
});

/** Whether a language's text is in, so a switch to it shows no fallback English. */
export function hasLanguage(lang: Lang): boolean {
  return i18n.hasResourceBundle(lang, "translation");
}

/** Loads a language's catalogue (its chunk, once) and hands it to i18next. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (hasLanguage(lang)) return;
  const messages = hasCatalogue(lang) ? catalogue(lang) : await loadCatalogue(lang);
  i18n.addResourceBundle(lang, "translation", messages);
}

const translators = new Map<Lang, Translate>();

/** `t` for one language; the same function each time, so React memoisation holds. */
export function translator(lang: Lang): Translate {
  let translate = translators.get(lang);
  if (!translate) {
    const t = i18n.getFixedT(lang);
    // `replace` keeps placeholder names apart from i18next's own options (count, lng, ns…).
    translate = (key, values) => t(key, values ? { replace: values } : undefined);
    translators.set(lang, translate);
  }
  return translate;
}

/** Whether the catalogues have text for a key built from data (a newer main may send more). */
export function hasText(key: string): key is MessageKey {
  return i18n.exists(key);
}
