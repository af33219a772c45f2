/**
 * Every amount and time a printed page shows goes through here, so the paper's formatting can be
 * switched in one place. Times on paper are India's (Asia/Kolkata) whatever this computer's zone,
 * and say so ("IST").
 */
import type { Lang } from "../../app/messages/describe-error";
import { formatRupees, LOCALES } from "../../app/messages/format";

export function printMoney(amount: string, lang: Lang): string {
  return formatRupees(amount, lang);
}

const made = new Map<string, Intl.DateTimeFormat>();

function istFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let format = made.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: "medium", timeStyle: "short" }
      : { dateStyle: "medium" };
    format = new Intl.DateTimeFormat(LOCALES[lang] ?? LOCALES.en, { ...options, timeZone: "Asia/Kolkata" });
    made.set(key, format);
  }
  return format;
}

/** "30 Nov 2026, 10:15 am" on India's clock (the caller adds "IST"); the raw text if it is not a time. */
export function printTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : istFormat(lang, true).format(date);
}

/** "30 Nov 2026" on India's calendar. */
export function printDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : istFormat(lang, false).format(date);
}
