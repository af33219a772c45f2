import type { RefundDeskError } from "../../app/errors";
import { adviceLine, describeError, fill, type Lang, type WaitedStep } from "../../app/messages/describe-error";
import type { Result } from "../../app/result";
import type { ScryptParams } from "../admin/pin-hash";
import type { KeyStore } from "../keychain/key-store";
import type { MachineDeps } from "../launch/machine-deps";
import { didYouMean } from "./did-you-mean";
import { EXIT } from "./exit-codes";
import { cliWords, forCli, type CliMessages } from "../../app/messages/cli-words";

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The language of the words for people (runCli chooses it); English when absent. */
  lang?: Lang;
}

export interface CliDeps {
  fetch: typeof fetch;
  keyStore: KeyStore;
  /** The keychain entry of the token's user PIN (signer pkcs11). */
  tokenPinStore?: KeyStore;
  dataDir: string;
  /** Development and tests: one policy.json as the machine-wide policy; absent or null: none is read. */
  machinePolicyPath?: string | null;
  /** The real machine's policy sources, keychain records and elevation check; tests leave it out. */
  machine?: MachineDeps;
  /** Whose journal the data folder's is in the OS log (journal/os-log/witness-account.ts); by default the machine's, else any. */
  witnessAccount?: string;
  /** Whether this process is elevated (tests); by default the machine's check, else not. */
  isElevated?: () => Promise<boolean>;
  /** The scrypt cost for new PIN hashes; tests pass a cheap one, the default is DEFAULT_SCRYPT. */
  pinCost?: ScryptParams;
  /** The refund flow's waits (GET retries, the pause before inquiring a lost refund); tests skip them. */
  sleep?: (ms: number) => Promise<void>;
  /** The process's environment, for the locale's language (LC_ALL, LC_MESSAGES, LANG); none: English. */
  env?: Readonly<Record<string, string | undefined>>;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string>;
}

/** `--name value` and `--flag` options, each at most once; anything else is a usage error (text). */
export function parseOptions(
  args: string[],
  spec: { flags?: readonly string[]; values?: readonly string[] },
  lang: Lang = "en",
): ParsedOptions | string {
  const words: CliMessages = cliWords(lang);
  const m = words.options;
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const name = arg.replace(/^--/, "");
    if (!arg.startsWith("--")) return fill(m.unexpected, { arg });
    if (flags.has(name) || values.has(name)) return fill(m.givenTwice, { arg });
    if (spec.flags?.includes(name)) flags.add(name);
    else if (spec.values?.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) return fill(m.needsValue, { arg });
      values.set(name, value);
      i += 1;
    } else {
      const meant = didYouMean(name, [...(spec.flags ?? []), ...(spec.values ?? [])]);
      return fill(m.unknown, { arg }) + (meant ? fill(m.meantOption, { meant }) : "");
    }
  }
  return { flags, values };
}

/**
 * Prints a result for people (stderr on failure: the title and the action each on its own line) or
 * as JSON, and returns the exit code. `step` names the request waited for, for a timeout's advice.
 */
export function report<T>(
  result: Result<T, RefundDeskError>,
  json: boolean,
  io: CliIo,
  text: (value: T) => string,
  step?: WaitedStep,
): number {
  const lang = io.lang ?? "en";
  const advice = (error: RefundDeskError) => describeError(error, lang, forCli(lang, step));
  if (json) {
    io.stdout.write(
      `${JSON.stringify(result.ok ? result : { ok: false, error: { ...result.error, message: adviceLine(advice(result.error), lang) } })}\n`,
    );
  } else if (result.ok) {
    io.stdout.write(`${text(result.value)}\n`);
  } else {
    const { title, action } = advice(result.error);
    io.stderr.write(`${title}\n${action}\n(${result.error.kind})\n`);
  }
  if (result.ok) return EXIT.ok;
  return result.error.kind === "invalid-input" ? EXIT.usage : EXIT.failed;
}

/** How long a command may wait on Eko before it says it is still waiting. */
const PROGRESS_EVERY_MS = 2_000;
/** How often a terminal's spinner turns, once shown. */
const SPIN_EVERY_MS = 120;
/** Plain ASCII: every console font has it. */
const SPINNER = ["|", "/", "-", "\\"];
/** Back to the start of the line and clear it: the spinner leaves nothing behind. */
const CLEAR_LINE = "\r\u001b[K";

/**
 * Says on standard error that the command is still waiting for Eko once it has waited 2 s (a
 * refund whose answer was lost waits up to 20 s for the inquiry that settles it): on a terminal as
 * one spinner line, turning, cleared before the answer prints; elsewhere (a log, a pipe) as a plain
 * line every 2 s. Standard output stays the answer alone.
 */
export async function withProgress<T>(
  work: Promise<T>,
  io: CliIo,
  everyMs = PROGRESS_EVERY_MS,
  spinMs = SPIN_EVERY_MS,
): Promise<T> {
  const words = cliWords(io.lang ?? "en").stillWaiting;
  const waiting = (ms: number) => `refund-desk: ${fill(words, { seconds: Math.round(ms / 1000) })}`;
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let spinner: ReturnType<typeof setInterval> | undefined;
  let spun = 0;
  let waited = 0;
  const timer = setInterval(() => {
    waited += everyMs;
    if (!tty) {
      io.stderr.write(`${waiting(waited)}\n`);
      return;
    }
    clearInterval(timer);
    const spin = () => {
      io.stderr.write(`${CLEAR_LINE}${SPINNER[spun % SPINNER.length]} ${waiting(waited + spun * spinMs)}`);
      spun += 1;
    };
    spin();
    spinner = setInterval(spin, spinMs);
  }, everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    clearInterval(spinner);
    if (spun > 0) io.stderr.write(CLEAR_LINE);
  }
}
