/**
 * The command line's words, by language: main and the CLI read them; the window never imports
 * this file, so its first screen does not carry them.
 */
import type { Lang } from "./catalogues";
import { cliEn, type CliMessages } from "./cli-en";
import { cliHi } from "./cli-hi";
import type { CliReader, WaitedStep } from "./describe-error";

export type { CliMessages } from "./cli-en";

export function cliWords(lang: Lang): CliMessages {
  return lang === "hi" ? cliHi : cliEn;
}

/** describeError's reader on the command line: its own words, and the request it waited for. */
export function forCli(lang: Lang, step?: WaitedStep): CliReader {
  const words = cliWords(lang);
  return step ? { surface: "cli", words, step } : { surface: "cli", words };
}
