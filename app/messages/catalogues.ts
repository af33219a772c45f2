/**
 * The catalogues of text, by language. English is always here (it is the fallback); Hindi is
 * loaded on first use, so a window in English never parses it before its first paint.
 */
import { en, type Messages } from "./en";

export type Lang = "en" | "hi";
export const LANGS: readonly Lang[] = ["en", "hi"];

const loaded: Partial<Record<Lang, Messages>> = { en };

/** The language's text once loaded; English until then. */
export function catalogue(lang: Lang): Messages {
  return loaded[lang] ?? en;
}

export function hasCatalogue(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Loads a language's catalogue (a chunk of its own in the window); at once when it is in. */
export async function loadCatalogue(lang: Lang): Promise<Messages> {
  const ready = loaded[lang];
  if (ready) return ready;
  const { hi } = await import("./hi");
  loaded.hi = hi;
  return hi;
}
