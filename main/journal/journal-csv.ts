import { setImmediate } from "node:timers/promises";
import type { JournalEntry } from "./journal";

/**
 * The first eight columns keep their order; later columns follow them: the amounts, then "chain"
 * (the line's link in the journal's hash chain; "broken" marks where the journal was changed).
 */
export const CSV_HEADER = [
  "time",
  "counter",
  "environment",
  "tid",
  "outcome",
  "eko status",
  "response type id",
  "otp ref tail",
  "refunded amount",
  "fee",
  "refund id",
  "transfer amount",
  "chain",
] as const;

/** ISO 8601 on this computer's clock with its offset ("2026-03-05T15:42:33+05:30"): what IT reads. */
export function localIsoTime(at: string): string {
  const date = new Date(at);
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted. */
export function journalCsv(entries: JournalEntry[], formatTime: (at: string) => string = localIsoTime): string {
  return [csvHeaderRow(), ...entries.map((entry) => csvRow(entry, formatTime))].join("");
}

/**
 * Entries read a month at a time as CSV, a few hundred rows a piece, with a turn of the event loop
 * between pieces: years in the memory of a month, and the window's calls answered meanwhile.
 */
export async function* journalCsvChunks(
  months: AsyncIterable<{ entries: JournalEntry[] }>,
  formatTime: (at: string) => string = localIsoTime,
): AsyncGenerator<string> {
  yield csvHeaderRow();
  for await (const { entries } of months)
    for (let i = 0; i < entries.length; i += CHUNK_ROWS) {
      yield entries
        .slice(i, i + CHUNK_ROWS)
        .map((entry) => csvRow(entry, formatTime))
        .join("");
      await setImmediate();
    }
}

const CHUNK_ROWS = 500;

function csvHeaderRow(): string {
  return csvLine(CSV_HEADER);
}

function csvRow(e: JournalEntry, formatTime: (at: string) => string): string {
  return csvLine([
    formatTime(e.at),
    e.counter ?? "",
    e.environment,
    e.tid,
    e.outcome,
    e.ekoStatus ?? "",
    e.responseTypeId ?? "",
    e.otpRefTail ?? "",
    e.refundedAmount ?? "",
    e.fee ?? "",
    e.refundTid ?? "",
    e.txAmount ?? "",
    e.chain ?? "",
  ]);
}

function csvLine(row: readonly (string | number)[]): string {
  return `${row.map((v) => csvField(String(v))).join(",")}\r\n`;
}

export function csvField(value: string): string {
  // Spreadsheets run a cell starting with = + - @ as a formula; a journal line can be hand-edited,
  // so such text gets a leading apostrophe. A negative number stays a number (of these characters
  // only - can begin one).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
