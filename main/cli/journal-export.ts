/**
 * `refund-desk journal export --from YYYY-MM-DD --to YYYY-MM-DD [--out file] [--json]`: the
 * journal's requests between two days (inclusive, on this computer's calendar) as CSV, for IT.
 * On a kiosk counter it needs the admin PIN, read from standard input, as the window's export does.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { summarizeDay } from "../../app/day-summary";
import type { RefundDeskError } from "../../app/errors";
import { adviceLine, describeError } from "../../app/messages/describe-error";
import type { RefundDesk } from "../refund-desk";
import { createJournal } from "../journal/journal";
import { journalCsvChunks } from "../journal/journal-csv";
import { rangeToMs } from "../journal/journal-range";
import { parseOptions, readAll, type CliDeps, type CliIo } from "./cli-common";
import { COMMAND_OPTIONS } from "./cli-options";
import { EXIT } from "./exit-codes";
import { journalVerify } from "./journal-verify";
import { cliWords, forCli, type CliMessages } from "../../app/messages/cli-words";
import { fill } from "../../app/messages/describe-error";
import { money, rows } from "./cli-format";

const JOURNAL_USAGE =
  "usage: refund-desk journal export --from YYYY-MM-DD --to YYYY-MM-DD [--out file] [--json]\n" +
  "       refund-desk journal verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]\n" +
  "       refund-desk journal verify --against-os-log [--os-log-file <path>] [--os-log-account <id>] [--json]\n" +
  "       refund-desk journal summary --date YYYY-MM-DD [--json]";

export async function journalCommand(
  args: string[],
  json: boolean,
  io: CliIo,
  deps: CliDeps,
  openDesk: () => Promise<RefundDesk>,
): Promise<number> {
  const fail = (message: string) => {
    if (json)
      io.stdout.write(
        `${JSON.stringify({ ok: false, error: { kind: "invalid-input", field: "arguments", reason: "usage", message } })}\n`,
      );
    else io.stderr.write(`refund-desk journal: ${message}\n${JOURNAL_USAGE}\n`);
    return EXIT.usage;
  };
  const words: CliMessages = cliWords(io.lang ?? "en");
  const [action, ...rest] = args;
  if (action === "verify") return journalVerify(rest, json, io, deps, fail, openDesk);
  if (action === "summary") return summaryCommand(rest, json, io, deps, fail);
  if (action !== "export") return fail(fill(words.journal.unknownCommand, { name: action ?? "" }));
  const options = parseOptions(rest, COMMAND_OPTIONS["journal export"], io.lang);
  if (typeof options === "string") return fail(options);
  // No length limit here: IT may export years at once; the screen's export stops at a year.
  const window = rangeToMs(
    { from: options.values.get("from") ?? "", to: options.values.get("to") ?? "" },
    Number.POSITIVE_INFINITY,
  );
  if (!window.ok)
    return fail(
      window.error.kind === "invalid-input" && window.error.reason === "before-from"
        ? words.journal.fromAfterTo
        : words.journal.datesFormat,
    );
  const out = options.values.get("out");
  // Standard output carries either the CSV or the JSON report, not both.
  if (json && !out) return fail(words.journal.jsonNeedsOut);
  const refused = await kioskRefusal(io, openDesk);
  if (refused) return refusePin(refused, json, io);

  // Reading only (each line carries its own counter name), a month at a time, written as it is read.
  const { fromMs, toMs } = window.value;
  const counts = { rows: 0, skipped: 0 };
  async function* counted() {
    for await (const month of createJournal(deps.dataDir).pieces(fromMs, toMs)) {
      counts.rows += month.entries.length;
      counts.skipped += month.skipped;
      yield month;
    }
  }
  const csv = journalCsvChunks(counted());
  if (out) {
    try {
      await writeOut(createWriteStream(out, { mode: 0o600 }), csv, true);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown";
      if (json)
        io.stdout.write(
          `${JSON.stringify({ ok: false, error: { kind: "internal", details: { cause: code }, message: fill(words.journal.cannotWrite, { out, code }) } })}\n`,
        );
      else io.stderr.write(`refund-desk journal: ${fill(words.journal.cannotWrite, { out, code })}\n`);
      return EXIT.failed;
    }
  } else await writeOut(io.stdout, csv, false);
  const { rows, skipped } = counts;
  if (json) io.stdout.write(`${JSON.stringify({ ok: true, value: { rows, skipped, out } })}\n`);
  else
    io.stderr.write(
      `${fill(words.journal.exported, {
        rows,
        to: out ? fill(words.journal.exportedTo, { out }) : "",
        skipped: skipped > 0 ? fill(words.journal.damagedSkipped, { n: skipped }) : "",
      })}\n`,
    );
  return EXIT.ok;
}

/** Writes the pieces as the stream takes them (its buffer stays small); a file is closed and its errors thrown. */
async function writeOut(stream: NodeJS.WritableStream, chunks: AsyncIterable<string>, close: boolean): Promise<void> {
  const failed = once(stream, "error").then(([error]) => Promise.reject(error as Error));
  // Seen here or by `finished`, never unhandled.
  failed.catch(() => undefined);
  for await (const chunk of chunks) if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), failed]);
  if (!close) return;
  stream.end();
  await Promise.race([finished(stream), failed]);
}

/**
 * The kiosk rule of the window's export (main/history/kiosk-export-gate.ts), with the policy in
 * force: on a kiosk the admin PIN comes on standard input, as `set-key` reads the key, and goes
 * through the same PIN gate and its wrong-PIN waits. Elsewhere standard input is not read.
 */
async function kioskRefusal(io: CliIo, openDesk: () => Promise<RefundDesk>): Promise<RefundDeskError | null> {
  const desk = await openDesk();
  try {
    if (!desk.exportGate.needsPin) return null;
    const pin = (await readAll(io.stdin)).replace(/\r?\n$/, "");
    const allowed = await desk.exportGate.allow(pin);
    return allowed.ok ? null : allowed.error;
  } finally {
    await desk.close();
  }
}

function refusePin(error: RefundDeskError, json: boolean, io: CliIo): number {
  const lang = io.lang ?? "en";
  const words: CliMessages = cliWords(lang);
  const advice =
    error.kind === "invalid-input"
      ? words.journal.kioskNeedsPin
      : adviceLine(describeError(error, lang, forCli(lang)), lang);
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { ...error, message: advice } })}\n`);
  else io.stderr.write(`refund-desk journal: ${fill(words.journal.nothingExported, { advice, kind: error.kind })}\n`);
  return EXIT.adminPin;
}

/** The day's close for IT: the same counts as the History screen's totals (app/day-summary.ts). */
async function summaryCommand(
  args: string[],
  json: boolean,
  io: CliIo,
  deps: CliDeps,
  fail: (message: string) => number,
): Promise<number> {
  const options = parseOptions(args, COMMAND_OPTIONS["journal summary"], io.lang);
  if (typeof options === "string") return fail(options);
  const day = options.values.get("date") ?? "";
  const window = rangeToMs({ from: day, to: day }, 1);
  const lang = io.lang ?? "en";
  const words: CliMessages = cliWords(lang);
  if (!window.ok) return fail(words.journal.dateFormat);
  const { entries, skipped } = await createJournal(deps.dataDir).read(window.value.fromMs, window.value.toMs);
  const summary = summarizeDay(day, entries);
  if (json) {
    io.stdout.write(`${JSON.stringify({ ok: true, value: { ...summary, skipped } })}\n`);
    return EXIT.ok;
  }
  const m = words.journal.summary;
  const failures = Object.entries(summary.failures).map(([kind, n]) => `  ${kind}: ${n}`);
  const withoutAmount =
    summary.refundsWithoutAmount > 0 ? fill(m.withoutAmount, { n: summary.refundsWithoutAmount }) : "";
  const lines = [
    rows([
      [m.day, summary.day],
      [m.refunds, String(summary.refunds)],
      [m.refundedTotal, `${money(summary.refundedTotal, lang)}${withoutAmount}`],
      [m.fees, money(summary.feeTotal, lang)],
      [m.otpsSent, String(summary.otpsSent)],
      [m.checks, String(summary.checks)],
      [m.reprints, String(summary.reprints)],
      [m.lookups, String(summary.lookups)],
      [m.failures, failures.length === 0 ? m.none : ""],
    ]),
    ...failures,
  ];
  if (skipped > 0) lines.push(fill(words.journal.damagedLines, { n: skipped }));
  io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
