/**
 * The catalogues' text by dotted key ("result.title"), for the renderer's screens: the same
 * `catalogue()` + `fill` that main and the CLI use through describeError, so both processes read
 * the text one way, with no i18n library in the first screen's bundle.
 */
import { catalogue, type Lang } from "./catalogues";
import { fill } from "./describe-error";
import type { MessageKey, Translate } from "./keys";

/** The text at a dotted key of one language's catalogue, or undefined when there is none. */
function lookUp(lang: Lang, key: string): string | undefined {
  let node: unknown = catalogue(lang);
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Whether the catalogues have text for a key built from data (a newer main may send more). */
export function hasText(key: string): key is MessageKey {
  return lookUp("en", key) !== undefined;
}

/**
 * `t` for one language, read from the catalogue at each call (so a language loaded later is
 * seen); the same function each time, so React memoisation holds. A key no catalogue has is a
 * bug: `onMissing` hears of it and the key itself is shown.
 */
export function translatorFor(onMissing: (key: string) => void): (lang: Lang) => Translate {
  const made = new Map<Lang, Translate>();
  return (lang) => {
    let translate = made.get(lang);
    if (!translate) {
      translate = (key, values) => {
        const text = lookUp(lang, key) ?? lookUp("en", key);
        if (text === undefined) {
          onMissing(key);
          return key;
        }
        return values ? fill(text, values) : text;
      };
      made.set(lang, translate);
    }
    return translate;
  };
}
