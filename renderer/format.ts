import type { Lang } from "../app/messages/describe-error";

const LOCALES: Record<Lang, string> = { en: "en-IN", hi: "hi-IN" };

/** "25 Nov 2025, 1:43:05 pm" in the agent's time zone; the raw text if it is not a date. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: "medium", timeStyle: "medium" }).format(date);
}
