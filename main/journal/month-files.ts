/**
 * The journal's month files as they lie in its folder: `YYYY-MM.jsonl`, or `YYYY-MM.jsonl.gz` once
 * a closed month is compressed (retention.ts). Read a line at a time, so years of journal are
 * read in the memory of one line, and each chunk read gives the event loop a turn.
 */
import {
  closeSync,
  createReadStream,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip, gunzipSync } from "node:zlib";

const MONTH_FILE = /^(\d{4}-\d{2})\.jsonl(\.gz)?$/;

export interface MonthFile {
  /** "YYYY-MM" */
  month: string;
  /** The file's name in the journal folder. */
  name: string;
  compressed: boolean;
}

/** Oldest first. A month both plain and compressed (compression stopped before it removed the plain file): the plain one. */
export function monthFiles(folder: string): MonthFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const byMonth = new Map<string, MonthFile>();
  for (const name of names) {
    const match = MONTH_FILE.exec(name);
    if (!match) continue;
    const month = match[1] as string;
    const compressed = match[2] !== undefined;
    if (compressed && byMonth.has(month)) continue;
    byMonth.set(month, { month, name, compressed });
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** The month file's lines (without the empty text after the last line end), one at a time. */
export async function* monthLines(folder: string, file: MonthFile): AsyncGenerator<string> {
  const stream = createReadStream(join(folder, file.name));
  const text = file.compressed ? stream.pipe(createGunzip()) : stream;
  if (file.compressed) stream.on("error", (error) => text.destroy(error));
  const lines = createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line !== "") yield line;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** Journal lines are a few hundred bytes: a plain file's last one is within its last 64 KiB. */
const TAIL_BYTES = 64 * 1024;

/**
 * The month file's last line, or null when it has none: a plain file's from its tail, a
 * compressed one's by reading it whole (once a month, when the month after it starts).
 */
export function lastLineSync(folder: string, file: MonthFile): string | null {
  const path = join(folder, file.name);
  if (file.compressed) return lastOf(gunzipSync(readFileSync(path)).toString("utf8"));
  const fd = openSync(path, "r");
  try {
    return lastLineOf(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** The last line of the open file `fd` of `size` bytes, or null when it has none. */
function lastLineOf(fd: number, size: number): string | null {
  return lastLinesOf(fd, size).at(-1) ?? null;
}

/** The lines of the open file's last 64 KiB (the first may be cut at the start), oldest first. */
export function lastLinesOf(fd: number, size: number): string[] {
  // Stryker disable next-line ConditionalExpression: a zero-length read gives no lines, none either way
  if (size === 0) return [];
  const length = Math.min(size, TAIL_BYTES);
  const tail = Buffer.alloc(length);
  readSync(fd, tail, 0, length, size - length);
  return tail
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "");
}

function lastOf(text: string): string | null {
  const lines = text.split("\n").filter((line) => line !== "");
  return lines.at(-1) ?? null;
}

/** A new, renamed or removed file's folder entry is only safe once the folder is on disk too (POSIX; Windows cannot open folders). */
export function syncFolder(folder: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
