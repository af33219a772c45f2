/**
 * Numbers, money and times in Indian style for each UI language (en-IN, hi-IN): lakh grouping
 * (1,00,000) and rupees with paise (₹1,00,000.00). Intl only, so the CLI can use it too.
 */
import { isCalendarDay } from "../history";
import type { Lang } from "./catalogues";

export const LOCALES: Readonly<Record<Lang, string>> = { en: "en-IN", hi: "hi-IN" };

/** Built once per language: Intl formatters are costly to create and these run on every render. */
function perLang<T>(make: (locale: string) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let formatter = made.get(lang);
    // Stryker disable next-line ConditionalExpression: a formatter made on every call prints the same, only slower
    if (!formatter) {
      formatter = make(LOCALES[lang] ?? LOCALES.en);
      made.set(lang, formatter);
    }
    return formatter;
  };
}

const numberFormat = perLang((locale) => new Intl.NumberFormat(locale));
const rupeeFormat = perLang((locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "INR" }));
/**
 * Dates and times in one script per language, chosen here once for every screen and the receipt:
 * English "25 Nov 2025, 1:43:05 pm"; Hindi with Devanagari month names, Latin digits and a 24-hour
 * clock ("25 नवंबर 2025, 13:43:05"), since hi-IN's own "am"/"pm" and abbreviated months ("नव॰")
 * mix scripts.
 */
const DATE_PARTS: Readonly<Record<Lang, Intl.DateTimeFormatOptions>> = {
  en: { day: "numeric", month: "short", year: "numeric" },
  hi: { day: "numeric", month: "long", year: "numeric", numberingSystem: "latn" },
};
const TIME_PARTS: Readonly<Record<Lang, Intl.DateTimeFormatOptions>> = {
  en: { hour: "numeric", minute: "2-digit", second: "2-digit", hour12: true },
  hi: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", numberingSystem: "latn" },
};

/** Like perLang, with the language's own date and time parts. */
function perLangParts(make: (locale: string, lang: Lang) => Intl.DateTimeFormat): (lang: Lang) => Intl.DateTimeFormat {
  const made = new Map<Lang, Intl.DateTimeFormat>();
  return (lang) => {
    const known: Lang = Object.hasOwn(LOCALES, lang) ? lang : "en";
    let formatter = made.get(known);
    // Stryker disable next-line ConditionalExpression: a formatter made on every call prints the same, only slower
    if (!formatter) {
      formatter = make(LOCALES[known], known);
      made.set(known, formatter);
    }
    return formatter;
  };
}

const dateTimeFormat = perLangParts(
  (locale, lang) => new Intl.DateTimeFormat(locale, { ...DATE_PARTS[lang], ...TIME_PARTS[lang] }),
);

/** 125000 → "1,25,000". */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}

/**
 * Eko's amounts are decimal strings ("100000.00", app/transaction.ts `Rupees`); Intl formats the
 * string itself, so paise are never rounded through a float, and a rare amount with more places
 * than paise keeps them all. "₹1,00,000.00"; the raw text if it is not a number.
 */
export function formatRupees(amount: string, lang: Lang): string {
  const text = amount.trim();
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text);
  if (!match) return amount;
  const places = match[1]?.length ?? 0;
  const locale = LOCALES[lang] ?? LOCALES.en;
  const format =
    // Stryker disable next-line EqualityOperator: at 2 places the new formatter prints what the cached one prints
    places > 2
      ? new Intl.NumberFormat(locale, { style: "currency", currency: "INR", maximumFractionDigits: places })
      : rupeeFormat(lang);
  return format.format(text as `${number}`);
}

/** Eko's times are India's; a computer in another zone shows them in India's, named ("IST"). */
const INDIA_TIME_ZONE = "Asia/Kolkata";
const INDIA_ZONES: ReadonlySet<string> = new Set([INDIA_TIME_ZONE, "Asia/Calcutta"]);

/** True when this computer's own time zone is India's. */
export function computerZoneIsIndia(zone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): boolean {
  return INDIA_ZONES.has(zone);
}

const indiaDateTimeFormat = perLangParts(
  (locale, lang) =>
    new Intl.DateTimeFormat(locale, {
      ...DATE_PARTS[lang],
      ...TIME_PARTS[lang],
      timeZone: INDIA_TIME_ZONE,
      timeZoneName: "short",
    }),
);

/**
 * "25 Nov 2025, 1:43:05 pm" on a computer set to India's time zone; elsewhere (a kiosk left on UTC)
 * the same moment in India's time, marked: "25 Nov 2025, 1:43:05 pm IST", so a wrong zone cannot
 * mislead the agent or the customer. The raw text if it is not a date.
 */
export function formatDateTime(iso: string, lang: Lang, india: boolean = computerZoneIsIndia()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (india ? dateTimeFormat(lang) : indiaDateTimeFormat(lang)).format(date);
}

const timeFormat = perLangParts((locale, lang) => new Intl.DateTimeFormat(locale, TIME_PARTS[lang]));

/** "1:43:05 pm" in this computer's time zone, for lists of one day; the raw text if it is not a date. */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return timeFormat(lang).format(date);
}

const dayFormat = perLangParts((locale, lang) => new Intl.DateTimeFormat(locale, DATE_PARTS[lang]));

/** A calendar day written YYYY-MM-DD as people read it ("5 Mar 2026"); the raw text otherwise. */
export function formatDay(day: string, lang: Lang): string {
  if (!isCalendarDay(day)) return day;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return dayFormat(lang).format(new Date(year, month - 1, date));
}
