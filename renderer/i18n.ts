/**
 * The UI's text through i18next core, one catalogue per language (app/messages/en.ts, hi.ts).
 * react-i18next is left out on purpose (bundle budget): the language lives in the zustand lang
 * store and `useT` in stores.tsx binds the two. package.json holds i18next at ~26.0 for the same
 * budget: the later 26.x releases add 2.7 KB (gzip) of development warnings to the bundle.
 */
import i18next from "i18next";
import { LANGS, type Lang } from "../app/messages/describe-error";
import { en } from "../app/messages/en";
import { hi } from "../app/messages/hi";
import type { MessageKey, Translate } from "../app/messages/keys";

const i18n = i18next.createInstance();

void i18n.init({
  resources: { en: { translation: en }, hi: { translation: hi } },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGS],
  // The resources are in the bundle: ready at once, no backend, no network.
  initAsync: false,
  // Keys contain no namespaces; "{name}" is the catalogues' placeholder (the same as `fill`).
  nsSeparator: false,
  // React escapes what it renders; escaping here too would show "&amp;" in the UI.
  interpolation: { escapeValue: false, prefix: "{", suffix: "}" },
  // A key no catalogue has is a bug: the console error fails the e2e run (fixtures/app.ts).
  saveMissing: true,
  missingKeyHandler: (_langs, _ns, key) => console.error(`refund-desk: no text for "${key}"`),
});

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
