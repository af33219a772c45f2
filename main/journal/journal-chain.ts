/**
 * The journal's hash chain. Each line ends with "h": SHA-256 over the digest of the line before it
 * and the line's own text, so an edited, removed, inserted or reordered line no longer matches.
 * Across month files: a file's first line is anchored to the last line of the month before it (or
 * to nothing, for the first file; or to the head a retention cut names, journal-marks.ts). A line
 * without "h" (written before the chain, or torn by a crash or a full disk) still links: its
 * digest is the SHA-256 of its text, and the writer seals the next line to it.
 *
 * Nothing on the counter is secret, so someone who rewrites every line after an edit can make a
 * new chain: `journal verify` prints the head digest for IT to note, and a rewrite changes it.
 */
import { createHash } from "node:crypto";
import { markOf } from "./journal-marks";
import { lastLineSync, monthFiles, monthLines, type MonthFile } from "./month-files";

const SEAL = /,"h":"([0-9a-f]{64})"\}$/;
const SEAL_ANYWHERE = /,"h":"[0-9a-f]{64}"\}/;

export type LinkState = "ok" | "broken" | "unsealed";

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The line for `body` (a JSON object's text, with at least one field), sealed to the line before it. */
export function sealLine(previousDigest: string, body: string): string {
  const h = sha256(`${previousDigest}\n${body}`);
  return `${body.slice(0, -1)},"h":"${h}"}`;
}

/** What the next line links to: a sealed line's "h", otherwise the hash of the line's text. */
export function lineDigest(raw: string): string {
  return SEAL.exec(raw)?.[1] ?? sha256(raw);
}

function checkLine(previousDigest: string, raw: string): LinkState {
  const seal = SEAL.exec(raw);
  if (!seal) return "unsealed";
  const body = `${raw.slice(0, seal.index)}}`;
  return sha256(`${previousDigest}\n${body}`) === seal[1] ? "ok" : "broken";
}

/**
 * A write cut short (a crash, a full disk): not a whole JSON text, and no seal anywhere in it. A
 * whole line without its seal, or text added after a seal, is not torn: it was written so.
 */
function isTorn(raw: string): boolean {
  if (SEAL_ANYWHERE.test(raw)) return false;
  try {
    JSON.parse(raw);
    return false;
  } catch {
    return true;
  }
}

/** The lines of a file's text, without the empty one after the last newline. */
export function journalLines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

/** The journal's lines of the month file `file`, as its lines link, from the head before it. */
export async function* linkedLines(folder: string, file: MonthFile): AsyncGenerator<{ raw: string; state: LinkState }> {
  let previous: string | null = null;
  for await (const raw of monthLines(folder, file)) {
    if (previous === null) {
      // The month's first line names the head before it; a month written before it did: the month before's last line.
      const mark = markOf(raw);
      previous = mark?.journal === "month" ? mark.previous : headBefore(folder, file.month);
    }
    const state = checkLine(previous, raw);
    previous = lineDigest(raw);
    yield { raw, state };
  }
}

/** The chain's head before `month` (YYYY-MM): the last line of the newest earlier file that has one, or "". */
export function headBefore(folder: string, month: string): string {
  const earlier = monthFiles(folder).filter((other) => other.month < month);
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const last = lastLineSync(folder, earlier[i] as MonthFile);
    if (last !== null) return lineDigest(last);
  }
  return "";
}

export interface ChainReport {
  files: number;
  /** Requests' lines (the journal's own marks are not counted). */
  lines: number;
  /** Lines before the first sealed one: the journal from before the chain, not covered by it. */
  unsealedBefore: number;
  /** The first line that does not link (1-based within its file); null when the chain holds. */
  firstBreak: { file: string; line: number; state: LinkState } | null;
  /**
   * Writes cut short inside the chain (isTorn): no record, and no break when the writer's next line
   * is the torn mark naming the head before them (journal-marks.ts), or when one ends the journal;
   * counted, and the first named, for IT to see. Without that mark (a line replaced by junk, a
   * record removed before it, a version before the mark) it is a break.
   */
  torn: { count: number; first: { file: string; line: number } | null };
  /** The last line's digest: noted by IT, it shows a later rewrite of the whole chain. */
  head: string;
  /** The month the journal is kept from, when a retention cut removed the months before it. */
  keptFrom: string | null;
}

/**
 * Checks the month files from `fromMonth` to `toMonth` (YYYY-MM, inclusive), anchored to the file
 * before, a line at a time. The journal's earliest file is anchored to nothing, or to a retention
 * cut's head: a cut is written after the months it removed, so that first line is judged once
 * the cuts are known.
 */
export async function verifyChain(folder: string, fromMonth = "", toMonth = "9999-99"): Promise<ChainReport> {
  const all = monthFiles(folder);
  const files = all.filter(({ month }) => month >= fromMonth && month <= toMonth);
  const report: ChainReport = {
    files: files.length,
    lines: 0,
    unsealedBefore: 0,
    firstBreak: null,
    torn: { count: 0, first: null },
    // Stryker disable next-line StringLiteral: overwritten with the last digest before the report is returned
    head: "",
    keptFrom: null,
  };
  const first = files[0];
  const fromStart = first !== undefined && first === all[0];
  let previous = first && !fromStart ? headBefore(folder, first.month) : "";
  let sealedSeen = previous !== "";
  let opening: { file: string; raw: string } | null = null;
  const cuts = new Map<string, string>();
  // A torn line waiting for the line after it: the head before it, and where it is.
  let torn: { before: string; file: string; line: number } | null = null;
  const tornHeld = (at: { file: string; line: number }) => {
    report.torn.count += 1;
    report.torn.first ??= { file: at.file, line: at.line };
  };
  for (const file of files) {
    let line = 0;
    for await (const raw of monthLines(folder, file)) {
      line += 1;
      const mark = markOf(raw);
      let state = checkLine(previous, raw);
      if (state === "unsealed" && sealedSeen && isTorn(raw) && torn === null) {
        torn = { before: previous, file: file.name, line };
        previous = lineDigest(raw);
        continue;
      }
      if (torn !== null) {
        const held = mark?.journal === "torn" && state === "ok" && mark.previous === torn.before;
        if (held) tornHeld(torn);
        else if (report.firstBreak === null)
          report.firstBreak = { file: torn.file, line: torn.line, state: "unsealed" };
        torn = null;
      }
      if (!mark) report.lines += 1;
      if (mark?.journal === "month" && mark.previous !== previous) state = "broken";
      if (mark?.journal === "retention-cut" && state === "ok") cuts.set(mark.anchor, mark.keptFrom);
      if (fromStart && file === first && line === 1 && state === "broken") {
        // Judged at the end, against the cuts.
        opening = { file: file.name, raw };
        state = "ok";
      }
      previous = lineDigest(raw);
      if (state === "unsealed" && !sealedSeen) {
        report.unsealedBefore += 1;
        continue;
      }
      // A sealed line, even one that no longer links, starts the chain.
      sealedSeen = true;
      if (state !== "ok" && report.firstBreak === null) report.firstBreak = { file: file.name, line, state };
    }
  }
  // A torn line that ends the journal is no weaker than a cut tail: the head is the line before it.
  if (torn !== null) tornHeld(torn);
  report.head = torn?.before ?? previous;
  if (opening) {
    const start = opening;
    const vouches = () => [...cuts].find(([anchor]) => opensAfter(anchor, start.raw));
    // A cut is written after the months it removed: past the range checked, when the range stops short.
    const later = all.filter(({ month }) => month > toMonth);
    if (!vouches() && later.length > 0)
      for (const [anchor, keptFrom] of await cutsAfter(folder, later, previous)) cuts.set(anchor, keptFrom);
    const cut = vouches();
    if (cut) report.keptFrom = cut[1];
    // The earliest line there is: before any other break.
    else report.firstBreak = { file: start.file, line: 1, state: "broken" };
  }
  return report;
}

/** Whether `raw` is a first line sealed to `anchor` (and, a month's first line, naming it). */
function opensAfter(anchor: string, raw: string): boolean {
  const mark = markOf(raw);
  return checkLine(anchor, raw) === "ok" && (mark?.journal !== "month" || mark.previous === anchor);
}

/** The retention cuts in `files` that link where they stand, the chain followed on from `head`. */
async function cutsAfter(folder: string, files: MonthFile[], head: string): Promise<Map<string, string>> {
  const cuts = new Map<string, string>();
  let previous = head;
  for (const file of files)
    for await (const raw of monthLines(folder, file)) {
      const mark = markOf(raw);
      if (mark?.journal === "retention-cut" && checkLine(previous, raw) === "ok") cuts.set(mark.anchor, mark.keptFrom);
      previous = lineDigest(raw);
    }
  return cuts;
}

/**
 * Every line of the journal but the months' first lines, oldest file first, with the chain's head
 * after it (os-log/witness-check.ts). A retention cut is one of them: the OS log witnessed it.
 */
export async function* chainLinks(folder: string): AsyncGenerator<{ file: string; line: number; digest: string }> {
  for (const file of monthFiles(folder)) {
    let line = 0;
    for await (const raw of monthLines(folder, file)) {
      line += 1;
      if (markOf(raw)?.journal === "month") continue;
      yield { file: file.name, line, digest: lineDigest(raw) };
    }
  }
}
