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

/** "label:   value" lines, the values in one column. */
export function rows(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([label]) => label.length)) + 2;
  return pairs.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join("\n");
}
