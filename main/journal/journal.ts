import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { JournalEntry } from "../../app/history";
import type { Environment } from "../../app/settings";
import { writeAll } from "../fs/durable-file";
import { createAppendLock } from "./append-lock";
import { createGroupCommit, type Durability, type GroupCommitOptions } from "./group-commit";
import { headBefore, lineDigest, linkedLines, sealLine } from "./journal-chain";
import { markOf, monthOpening, retentionCut, tornMark } from "./journal-marks";
import { lastLinesOf, monthFiles, monthLines, syncFolder, type MonthFile } from "./month-files";
import type { WitnessRecord } from "./os-log/witness-record";

/**
 * An append-only record of each request, one JSON line per request, for "was an OTP requested
 * for tid X, when, and from which counter?". It holds no key and no OTP; the otp_ref_id is cut
 * to its last 6 characters, enough to match a support ticket. One file per month
 * (journal/YYYY-MM.jsonl, by the UTC month of the request); files are only ever appended to.
 * The entry type is app/history.ts's, shared with the History screen.
 */
export type { JournalEntry };

/** What a request hands the journal; the journal adds the counter. */
export type JournalRecord = Omit<JournalEntry, "counter">;

export interface JournalRead {
  /** Oldest first. */
  entries: JournalEntry[];
  /** Lines that were torn (a crash mid-write) or are not journal entries; skipped, not fatal. */
  skipped: number;
}

export interface Journal {
  /**
   * Writes the line before returning; "now" also flushes it to disk before returning (a refund),
   * "group" within GROUP_COMMIT_MS. False when the line could not be written; the request's
   * answer still reaches the agent.
   */
  append(entry: JournalRecord, durability?: Durability): boolean;
  /** Entries with fromMs <= time < toMs, read a line at a time (other work goes on meanwhile). */
  read(fromMs: number, toMs: number): Promise<JournalRead>;
  /** The same a few hundred entries at a time, oldest first: years are read in the memory of a piece. */
  pieces(fromMs: number, toMs: number): AsyncGenerator<JournalRead>;
  /**
   * Writes a retention cut (journal-marks.ts), flushed to disk before returning, before the months
   * before `keptFrom` are removed: the chain then verifies from `keptFrom`, whose first line links
   * to `anchor`. False when it could not be written (nothing may be removed then).
   */
  cut(at: string, keptFrom: string, anchor: string): boolean;
  /** Flushes what is not yet on disk and closes the file (the app quitting). */
  close(): void;
}

export const JOURNAL_FOLDER = "journal";
const OTP_REF_TAIL = 6;

export function shortRef(otpRefId: string): string {
  return otpRefId.slice(-OTP_REF_TAIL);
}

export interface JournalOptions extends GroupCommitOptions {
  /** Writes a line's bytes to the month file (durable-file's writeAll); tests pass one that fails (ENOSPC). */
  write?: (fd: number, data: Buffer) => void;
}

export function createJournal(
  dataDir: string,
  counter: string | null = null,
  commit: JournalOptions = {},
  /** Gets each line as written (os-log/): called after the line is on its way to disk, never failing it. */
  witness: (record: WitnessRecord) => void = () => undefined,
): Journal {
  const folder = join(dataDir, JOURNAL_FOLDER);
  const group = createGroupCommit(commit);
  const writeBytes = commit.write ?? writeAll;
  const appendLock = createAppendLock(dataDir);
  // The month file stays open between lines: opening and closing it per line cost more than the write.
  let open: { name: string; fd: number } | null = null;

  function closeOpen(): void {
    appendLock.close();
    if (!open) return;
    group.flush();
    closeSync(open.fd);
    open = null;
  }

  function fileFor(name: string): number {
    // A file removed while open (its folder, or the data folder, deleted mid-run) would take lines
    // that no one can ever read: it is opened again by its name.
    if (open?.name === name && fstatSync(open.fd).nlink > 0) return open.fd;
    closeOpen();
    // The data folder itself is not made again here: gone, the line cannot be written.
    makeFolder(folder);
    const file = join(folder, name);
    const created = !existsSync(file);
    const fd = openSync(file, "a+", 0o600);
    // A new month's file is only safe once its folder entry is on disk too.
    if (created) syncFolder(folder);
    open = { name, fd };
    return fd;
  }

  /**
   * Seals `body` to the file's last line (a new month's file first gets its opening line) and writes
   * it. After a torn last line, a mark sealed to it first names the head before it, so the lines
   * before a write cut short stay held by the chain (journal-marks.ts).
   */
  function write(month: string, body: string, durability: Durability): string {
    const fd = fileFor(`${month}.jsonl`);
    let sealed = "";
    // Read the last line and write the next as one step against other processes' appends.
    appendLock.hold(() =>
      appendLine(fd, writeBytes, (tail) => {
        if (tail.lastLine === null) {
          sealTornTail(folder, month, writeBytes);
          const previous = headBefore(folder, month);
          const opening = sealLine(previous, monthOpening(month, previous));
          sealed = sealLine(lineDigest(opening), body);
          return `${opening}\n${sealed}`;
        }
        if (!tail.torn) return (sealed = sealLine(lineDigest(tail.lastLine), body));
        const mark = tornMarkAfter(folder, month, tail.lastLine, tail.lineBefore);
        sealed = sealLine(lineDigest(mark), body);
        return `${mark}\n${sealed}`;
      }),
    );
    group.written(fd, durability);
    return sealed;
  }

  function witnessing(record: WitnessRecord): void {
    try {
      witness(record);
    } catch {
      // The witness is reported by doctor when it cannot be written; the line stands.
    }
  }

  function failed(): false {
    // A file that failed once is opened afresh for the next line.
    try {
      closeOpen();
    } catch {
      open = null;
    }
    return false;
  }

  return {
    append(record, durability = "group") {
      try {
        const { at, ...rest } = record;
        const sealed = write(at.slice(0, 7), JSON.stringify({ at, counter, ...rest }), durability);
        witnessing(witnessOf({ ...record, counter }, lineDigest(sealed)));
        return true;
      } catch {
        return failed();
      }
    },
    cut(at, keptFrom, anchor) {
      try {
        const sealed = write(at.slice(0, 7), retentionCut(at, counter, keptFrom, anchor), "now");
        witnessing({
          at,
          kind: "journal",
          outcome: "retention-cut",
          tid: "",
          amount: null,
          counter,
          head: lineDigest(sealed),
          keptFrom,
        });
        return true;
      } catch {
        return failed();
      }
    },
    close: closeOpen,
    pieces,
    async read(fromMs, toMs) {
      const entries: JournalEntry[] = [];
      let skipped = 0;
      for await (const month of pieces(fromMs, toMs)) {
        entries.push(...month.entries);
        skipped += month.skipped;
      }
      return { entries, skipped };
    },
  };

  async function* pieces(fromMs: number, toMs: number): AsyncGenerator<JournalRead> {
    const wanted = new Set(monthsBetween(fromMs, toMs));
    for (const file of monthFiles(folder)) {
      if (!wanted.has(file.month)) continue;
      try {
        // Times come from the corrected clock, so a file's lines can be a little out of order (never
        // across months): such a month is read whole and sorted; one in order, the usual, is passed on as read.
        if (await inOrder(file)) yield* asRead(file, fromMs, toMs);
        else yield await sorted(file, fromMs, toMs);
      } catch {
        // A month that cannot be read (gone meanwhile, a damaged compressed file) is passed over, as a missing one is.
        continue;
      }
    }
  }

  async function inOrder(file: MonthFile): Promise<boolean> {
    let last = Number.NEGATIVE_INFINITY;
    for await (const raw of monthLines(folder, file)) {
      const ms = timeOf(raw);
      if (ms < last) return false;
      if (!Number.isNaN(ms)) last = ms;
    }
    return true;
  }

  /** The month's entries in the range with their link states, a piece at a time. */
  async function* asRead(file: MonthFile, fromMs: number, toMs: number): AsyncGenerator<JournalRead> {
    let piece: JournalRead = { entries: [], skipped: 0 };
    for await (const { raw, state } of linkedLines(folder, file)) {
      if (raw.trim() === "" || markOf(raw)) continue;
      const entry = parseEntry(raw);
      if (!entry) piece.skipped += 1;
      else if (Date.parse(entry.at) >= fromMs && Date.parse(entry.at) < toMs)
        piece.entries.push({ ...entry, chain: state });
      if (piece.entries.length === PIECE_ENTRIES) {
        yield piece;
        piece = { entries: [], skipped: 0 };
      }
    }
    if (piece.entries.length > 0 || piece.skipped > 0) yield piece;
  }

  async function sorted(file: MonthFile, fromMs: number, toMs: number): Promise<JournalRead> {
    const whole: JournalRead = { entries: [], skipped: 0 };
    for await (const piece of asRead(file, fromMs, toMs)) {
      whole.entries.push(...piece.entries);
      whole.skipped += piece.skipped;
    }
    const timed = whole.entries.map((entry) => ({ ms: Date.parse(entry.at), entry }));
    timed.sort((a, b) => a.ms - b.ms);
    return { entries: timed.map(({ entry }) => entry), skipped: whole.skipped };
  }
}

/** Entries handed on at a time: a piece of CSV, and what stays in memory while it is read. */
const PIECE_ENTRIES = 100;
const AT_FIRST = /^\{"at":"([^"]{1,40})"/;

/** A line's time, from its start as the app writes it (no parse for the order check); NaN when it has none. */
function timeOf(raw: string): number {
  const at = AT_FIRST.exec(raw)?.[1];
  if (at !== undefined) return Date.parse(at);
  try {
    const value = (JSON.parse(raw) as { at?: unknown } | null)?.at;
    return typeof value === "string" ? Date.parse(value) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** What the OS log keeps of a line: no secret, no full mobile (the line holds none either). */
function witnessOf(entry: JournalEntry, head: string): WitnessRecord {
  const colon = entry.outcome.indexOf(":");
  return {
    at: entry.at,
    kind: colon === -1 ? entry.outcome : entry.outcome.slice(0, colon),
    outcome: entry.outcome,
    tid: entry.tid,
    amount: entry.refundedAmount ?? entry.txAmount ?? null,
    counter: entry.counter,
    head,
  };
}

/**
 * Writes one line to the OS, which keeps it through a crash of the app. A torn last line (a process
 * died mid-write, or the disk filled) is ended first, so the new line is not glued to it and both
 * stay readable apart. `line` gets the file's last line (null: none), the one before it, and
 * whether the last was cut short, to seal the new one to them (journal-chain.ts).
 */
function appendLine(fd: number, write: (fd: number, data: Buffer) => void, line: (tail: Tail) => string): void {
  const tail = tailOf(fd);
  const text = `${line(tail)}\n`;
  write(fd, Buffer.from(tail.torn ? `\n${text}` : text, "utf8"));
}

/** What an append reads of a file's end: its last line, the one before, and whether the last was cut short. */
interface Tail {
  lastLine: string | null;
  lineBefore: string | null;
  torn: boolean;
}

function tailOf(fd: number): Tail {
  const { size } = fstatSync(fd);
  let torn = false;
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    torn = last[0] !== 0x0a;
  }
  const lines = lastLinesOf(fd, size);
  return { lastLine: lines.at(-1) ?? null, lineBefore: lines.at(-2) ?? null, torn };
}

/** The mark after the torn line `torn` of `month`: sealed to it, naming the head before it. */
function tornMarkAfter(folder: string, month: string, torn: string, lineBefore: string | null): string {
  const before = lineBefore === null ? headBefore(folder, month) : lineDigest(lineBefore);
  return sealLine(lineDigest(torn), tornMark(before));
}

/**
 * A new month's file is anchored to the month before's last line: when that line was cut short,
 * the mark naming the head before it goes there first (as the next line in that month would), so
 * the new month is not anchored to a torn line alone. A compressed month is closed: left as it is.
 */
function sealTornTail(folder: string, month: string, write: (fd: number, data: Buffer) => void): void {
  const earlier = monthFiles(folder).filter((file) => file.month < month);
  const last = earlier.at(-1);
  if (!last || last.compressed) return;
  const fd = openSync(join(folder, last.name), "a+", 0o600);
  try {
    const tail = tailOf(fd);
    if (!tail.torn || tail.lastLine === null) return;
    write(fd, Buffer.from(`\n${tornMarkAfter(folder, last.month, tail.lastLine, tail.lineBefore)}\n`, "utf8"));
    // On disk before the new month names it as its head.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Another process may make it at the same moment. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/** "YYYY-MM" for every UTC month that the range touches. */
function monthsBetween(fromMs: number, toMs: number): string[] {
  if (!(toMs > fromMs)) return [];
  const months: string[] = [];
  const at = new Date(fromMs);
  let year = at.getUTCFullYear();
  let month = at.getUTCMonth();
  const end = new Date(toMs - 1);
  while (year < end.getUTCFullYear() || (year === end.getUTCFullYear() && month <= end.getUTCMonth())) {
    months.push(`${year}-${String(month + 1).padStart(2, "0")}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

/** Only the known fields, each of its type: a hand-edited line cannot add columns to an export. */
function parseEntry(line: string): JournalEntry | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (value === null) return null;
  // Stryker disable next-line ConditionalExpression: any other JSON value has none of the fields, and the at check refuses it
  if (typeof value !== "object") return null;
  const { at, counter, tid, environment, outcome, ekoStatus, responseTypeId, otpRefTail, listed } = value;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return null;
  if (typeof tid !== "string" || typeof environment !== "string" || typeof outcome !== "string") return null;
  return {
    at,
    counter: typeof counter === "string" ? counter : null,
    tid,
    environment: environment as Environment,
    outcome,
    ...(typeof ekoStatus === "number" ? { ekoStatus } : {}),
    ...(typeof responseTypeId === "number" ? { responseTypeId } : {}),
    ...(typeof otpRefTail === "string" ? { otpRefTail: shortRef(otpRefTail) } : {}),
    ...refundFields(value),
    ...(typeof listed === "number" && Number.isSafeInteger(listed) && listed >= 0 ? { listed } : {}),
  };
}

const RUPEES = /^-?\d{1,15}\.\d{2}$/;
const SHORT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const LAST4 = /^[A-Za-z0-9*]{1,4}$/;

/** A refund line's facts, each only in its own shape: a hand-edited line cannot print anything else. */
function refundFields(value: Record<string, unknown>): Partial<JournalEntry> {
  const fields: Partial<JournalEntry> = {};
  const take = (
    name: "refundedAmount" | "fee" | "refundTid" | "txAmount" | "txTime" | "accountLast4" | "agentCode" | "mobileLast4",
    shape: (text: string) => boolean,
  ) => {
    const raw = value[name];
    if (typeof raw === "string" && shape(raw)) fields[name] = raw;
  };
  const rupees = (text: string) => RUPEES.test(text);
  take("refundedAmount", rupees);
  take("fee", rupees);
  take("txAmount", rupees);
  take("refundTid", (text) => SHORT_ID.test(text));
  take("agentCode", (text) => SHORT_ID.test(text));
  take("txTime", (text) => !Number.isNaN(Date.parse(text)) && text.length <= 40);
  take("accountLast4", (text) => LAST4.test(text));
  take("mobileLast4", (text) => /^[0-9]{4}$/.test(text));
  return fields;
}
