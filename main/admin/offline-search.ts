import type { CliMessages } from "../../app/messages/cli-words";
import { fill } from "../../app/messages/describe-error";
import type { ScryptParams } from "./pin-hash";

type Words = CliMessages["pinHash"];

/**
 * How long an offline search of an admin PIN takes with its hash in hand (a copied policy or
 * keychain entry): every candidate hashed at the hash's own cost, one after another on one core.
 *
 * A PIN of digits: 10^digits candidates. A passphrase: the app knows only its length and which
 * kinds of character it uses, so it is judged as random characters of those kinds (digits 10,
 * a–z 26, A–Z 26, space and ASCII punctuation 33, any other character 128), kinds^length. That
 * is the most the search can take; a phrase of words, or a known one, falls far sooner.
 */
export interface OfflineSearch {
  guesses: number;
  secondsPerGuess: number;
  seconds: number;
  /** For people: "a 6-digit PIN at ln=17: about 1,000,000 × 0.25 s = 2.9 days on one core". */
  text: string;
}

const KINDS: readonly { size: number; test: RegExp }[] = [
  { size: 10, test: /[0-9]/u },
  { size: 26, test: /[a-z]/u },
  { size: 26, test: /[A-Z]/u },
  { size: 33, test: /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/u },
  { size: 128, test: /[^\x20-\x7e]/u },
];

/** `words`: the command line's, in the reader's language (cli-words.ts). */
export function offlineSearch(pin: string, cost: ScryptParams, secondsPerGuess: number, words: Words): OfflineSearch {
  const length = [...pin].length;
  const digits = /^[0-9]+$/.test(pin);
  const alphabet = KINDS.filter((kind) => kind.test.test(pin)).reduce((sum, kind) => sum + kind.size, 0);
  const guesses = digits ? 10 ** length : alphabet ** length;
  const seconds = guesses * secondsPerGuess;
  const what = digits ? fill(words.digitsPin, { length }) : fill(words.passphrase, { length, alphabet });
  return {
    guesses,
    secondsPerGuess,
    seconds,
    text: fill(words.search, {
      what,
      ln: cost.ln,
      guesses: count(guesses),
      perGuess: perGuess(secondsPerGuess, words),
      duration: duration(seconds, words),
      tail: digits ? "" : words.phraseTail,
    }),
  };
}

/** Exact with thousands separators while it fits in a line; then "5.8 × 10^25". */
function count(n: number): string {
  if (n < 1e15) return Math.round(n).toLocaleString("en-US");
  const exponent = Math.floor(Math.log10(n));
  return `${(n / 10 ** exponent).toFixed(1)} × 10^${exponent}`;
}

function perGuess(seconds: number, words: Words): string {
  return seconds >= 0.1
    ? fill(words.seconds, { n: seconds.toFixed(2) })
    : fill(words.milliseconds, { n: (seconds * 1000).toFixed(1) });
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

function duration(seconds: number, words: Words): string {
  if (seconds < 2 * MINUTE) return fill(words.seconds, { n: seconds.toFixed(1) });
  if (seconds < 2 * HOUR) return fill(words.minutes, { n: (seconds / MINUTE).toFixed(1) });
  if (seconds < 2 * DAY) return fill(words.hours, { n: (seconds / HOUR).toFixed(1) });
  if (seconds < YEAR) return fill(words.days, { n: (seconds / DAY).toFixed(1) });
  const years = seconds / YEAR;
  return fill(words.years, { n: years < 1e6 ? years.toFixed(1) : count(years) });
}
