/**
 * Amounts, times and labelled rows in the command line's text, as the window and the receipt show
 * them: Indian digit grouping (₹1,00,000.00) and India's time, named ("7 Dec 2026, 2:05:09 pm IST")
 * whatever this computer's zone, since a terminal's text is pasted and read elsewhere. `--json`
 * keeps Eko's own forms.
 */
import { catalogue, type Lang } from "../../app/messages/describe-error";
import { formatDateTime, formatRupees } from "../../app/messages/format";

export function money(amount: string | null, lang: Lang): string {
  return amount === null ? catalogue(lang).transaction.notGiven : formatRupees(amount, lang);
}

export function when(iso: string | null, lang: Lang): string {
  return iso === null ? catalogue(lang).transaction.notGiven : formatDateTime(iso, lang, false);
}

/** Marks drawn on the letter before them (Devanagari's vowel signs below and above, the virama, joiners). */
const NO_COLUMN = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * The columns `text` takes in a terminal, as wcwidth counts them: a code point each, none for a
 * mark drawn on its letter. String length counts UTF-16 units: "राशि" is 4 of them, 3 columns.
 */
function columns(text: string): number {
  let width = 0;
  for (const point of text) if (!NO_COLUMN.test(point)) width += 1;
  return width;
}

/** `text` and spaces to fill `width` columns: padEnd by what the terminal shows. */
function padColumns(text: string, width: number): string {
  return `${text}${" ".repeat(Math.max(0, width - columns(text)))}`;
}

/** "label:   value" lines, the values in one column. */
export function rows(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([label]) => columns(label))) + 2;
  return pairs.map(([label, value]) => `${padColumns(`${label}:`, width)}${value}`).join("\n");
}
