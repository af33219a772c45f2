/**
 * The journal's upkeep, in the background: months closed before last month are compressed (gzip;
 * read, exported and verified as they were), and with `journal-retention-months` set the months
 * before the kept ones are removed, after a retention cut (journal-marks.ts) is written, flushed
 * and witnessed: the chain then verifies from the cut, and the OS log says what was removed.
 */
import { createReadStream, createWriteStream, fsyncSync, openSync, closeSync, rmSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { createHash } from "node:crypto";
import { headBefore } from "./journal-chain";
import type { Journal } from "./journal";
import { monthFiles, monthLines, syncFolder, type MonthFile } from "./month-files";

export interface JournalUpkeep {
  /** Months compressed this time. */
  compressed: string[];
  /** Months removed by the retention cut this time. */
  removed: string[];
}

export async function keepJournal(
  folder: string,
  journal: Pick<Journal, "cut">,
  options: { now: Date; retentionMonths: number | null },
): Promise<JournalUpkeep> {
  const current = options.now.toISOString().slice(0, 7);
  const removed = cutBefore(folder, journal, current, options);
  const compressed: string[] = [];
  // Last month may still get a line stamped a little before midnight: it stays as it is.
  const closedBefore = monthPlus(current, -1);
  for (const file of monthFiles(folder))
    if (!file.compressed && file.month < closedBefore) {
      await compress(folder, file);
      compressed.push(file.month);
    }
  return { compressed, removed };
}

/** The retention cut: written first, then the months before the kept ones removed. */
function cutBefore(
  folder: string,
  journal: Pick<Journal, "cut">,
  current: string,
  options: { now: Date; retentionMonths: number | null },
): string[] {
  if (options.retentionMonths === null) return [];
  const keptFrom = monthPlus(current, 1 - options.retentionMonths);
  const files = monthFiles(folder);
  const old = files.filter(({ month }) => month < keptFrom);
  if (old.length === 0) return [];
  // The first kept month's first line links to the head before it (the cut itself may start this month's file).
  const firstKept = files.find(({ month }) => month >= keptFrom)?.month ?? current;
  if (!journal.cut(options.now.toISOString(), keptFrom, headBefore(folder, firstKept))) return [];
  for (const file of old) rmSync(join(folder, file.name), { force: true });
  syncFolder(folder);
  return old.map(({ month }) => month);
}

/**
 * A month file as YYYY-MM.jsonl.gz, put in place only once it reads back the same as the plain
 * file, which is removed after it: a stop midway leaves the plain file, which readers prefer.
 */
async function compress(folder: string, file: MonthFile): Promise<void> {
  const plain = join(folder, file.name);
  const gz = `${plain}.gz`;
  const temporary = `${gz}.${process.pid}.tmp`;
  try {
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(temporary, { mode: 0o600 }));
    const fd = openSync(temporary, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const original = await digestOf(monthLines(folder, file));
    const packed = await digestOf(
      monthLines(folder, { ...file, name: `${file.name}.gz.${process.pid}.tmp`, compressed: true }),
    );
    if (original !== packed) throw new Error(`${file.name} did not read back the same compressed`);
    await rename(temporary, gz);
    syncFolder(folder);
    await rm(plain);
    syncFolder(folder);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function digestOf(lines: AsyncIterable<string>): Promise<string> {
  const hash = createHash("sha256");
  for await (const line of lines) hash.update(`${line}\n`);
  return hash.digest("hex");
}

/** "YYYY-MM" moved by `months`. */
export function monthPlus(month: string, months: number): string {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const total = year * 12 + index - 1 + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}
