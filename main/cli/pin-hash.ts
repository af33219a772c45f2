/**
 * `refund-desk pin-hash [--json]`: reads an admin PIN from standard input and prints its salted
 * scrypt hash, for the machine-wide policy's adminPinHash (that file is readable by every user of
 * the computer, so it never holds the PIN itself). It also says how long an offline search of that
 * PIN would take at that cost on one core, timing the hash it just made (one scrypt) on this
 * machine: on standard error, so standard output stays the hash alone.
 */
import { offlineSearch } from "../admin/offline-search";
import { DEFAULT_SCRYPT, hashPin, pinStrengthProblem, type ScryptParams } from "../admin/pin-hash";
import { cliWords, type CliMessages } from "../../app/messages/cli-words";
import { fill } from "../../app/messages/describe-error";
import { readAll, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

export async function pinHashCommand(
  args: string[],
  json: boolean,
  io: CliIo,
  cost: ScryptParams = DEFAULT_SCRYPT,
  /** Milliseconds, for timing the hash (tests pass their own). */
  now: () => number = () => performance.now(),
): Promise<number> {
  const words: CliMessages = cliWords(io.lang ?? "en");
  if (args.length > 0) {
    io.stderr.write(`refund-desk pin-hash: ${words.pinHash.onlyStdin}\n`);
    return EXIT.usage;
  }
  const pin = (await readAll(io.stdin)).trim();
  const weak = pinStrengthProblem(pin);
  if (weak) {
    const error = { kind: "invalid-input", field: "adminPin", reason: weak };
    const message = words.pinHash.tooWeak;
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message } })}\n`);
    else io.stderr.write(`refund-desk pin-hash: ${message}\n`);
    return EXIT.usage;
  }
  const started = now();
  const adminPinHash = await hashPin(pin, cost);
  const search = offlineSearch(pin, cost, (now() - started) / 1000, words.pinHash);
  const { guesses, secondsPerGuess, seconds } = search;
  const value = { adminPinHash, offlineSearch: { guesses, secondsPerGuess, seconds } };
  io.stdout.write(json ? `${JSON.stringify({ ok: true, value })}\n` : `${adminPinHash}\n`);
  if (!json) io.stderr.write(`${fill(words.pinHash.offline, { text: search.text })}\n`);
  return EXIT.ok;
}
