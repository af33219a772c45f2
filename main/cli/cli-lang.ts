/**
 * The language of the command line's words: `--lang en|hi` wins; else the locale's variables in
 * POSIX order (LC_ALL, then LC_MESSAGES, then LANG), Hindi when the first one set starts with "hi".
 */
import { LANGS, type Lang } from "../../app/messages/catalogues";

type CliEnv = Readonly<Record<string, string | undefined>>;

const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

/** The language the locale asks for: "hi_IN.UTF-8" → hi; unset, "C", "en_IN" or another → en. */
export function localeLang(env: CliEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "") ?? "";
  return /^hi(?:[_.@-]|$)/i.test(locale) ? "hi" : "en";
}

/**
 * Takes `--lang <en|hi>` out of the arguments, wherever it stands. The value it names, or the
 * locale's language; a usage error (text) when the value is missing or not a language.
 */
export function takeLang(args: string[], env: CliEnv): { lang: Lang; rest: string[] } | string {
  const at = args.indexOf("--lang");
  if (at < 0) return { lang: localeLang(env), rest: args };
  const value = args[at + 1];
  if (value === undefined || !isLang(value)) return `--lang takes ${LANGS.join(" or ")}`;
  const rest = args.filter((_, i) => i !== at && i !== at + 1);
  if (rest.includes("--lang")) return "--lang is given twice";
  return { lang: value, rest };
}
