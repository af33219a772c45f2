/**
 * The catalogue's keys as dotted paths ("result.title", "errors.busy.action"), derived from the
 * English catalogue: a key that does not exist fails `tsc`, and every key in the code is a plain
 * string that `grep` (and key-usage.test.ts) can find.
 */
import type { Messages } from "./en";

type LeafPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = LeafPaths<Messages>;

/** Values for a text's `{name}` placeholders. */
type MessageValues = Record<string, string | number>;

/** A catalogue lookup bound to one language (translate.ts). */
export type Translate = (key: MessageKey, values?: MessageValues) => string;
