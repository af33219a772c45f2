/**
 * The UI's text: the catalogues (app/messages/en.ts, hi.ts) read by dotted key through
 * `translatorFor` and filled with `fill`, the same path main and the CLI use. The language lives in
 * the zustand lang store and `useT` in stores.tsx binds the two. English is in the first screen's
 * bundle (it is the fallback); Hindi comes from its own chunk, loaded before a window in Hindi
 * shows its first screen, or on the first switch (prefetched when idle).
 */
import { hasCatalogue, loadCatalogue, type Lang } from "../app/messages/catalogues";
import { translatorFor } from "../app/messages/translate";

export { hasText } from "../app/messages/translate";

/** Whether a language's text is in, so a switch to it shows no fallback English. */
export function hasLanguage(lang: Lang): boolean {
  return hasCatalogue(lang);
}

/** Loads a language's catalogue (its chunk, once). */
export async function loadLanguage(lang: Lang): Promise<void> {
  await loadCatalogue(lang);
}

/** `t` for one language. A key no catalogue has is a bug: the console error fails the e2e run (fixtures/app.ts). */
export const translator = translatorFor((key) => console.error(`refund-desk: no text for "${key}"`));
