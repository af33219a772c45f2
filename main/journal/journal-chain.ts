/**
 * The journal's hash chain. Each line ends with "h": SHA-256 over the digest of the line before it
 * and the line's own text, so an edited, removed, inserted or reordered line no longer matches.
 * Per monthly file; a file's first line is anchored to the last line of the month before it
 * (or to nothing, for the first file). A line without "h" (written before the chain, or torn by a
 * crash) still links: its digest is the SHA-256 of its text.
 *
 * Nothing on the counter is secret, so someone who rewrites every line after an edit can make a
 * new chain: `journal verify` prints the head digest for IT to note, and a rewrite changes it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SEAL = /,"h":"([0-9a-f]{64})"\}$/;
const MONTH_FILE = /^\d{4}-\d{2}\.jsonl$/;

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

/** The lines of a file's text, without the empty one after the last newline. */
export function journalLines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

function monthFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => MONTH_FILE.test(name))
      .sort();
  } catch {
    return [];
  }
}

/** The digest a month's first line is anchored to: the last line of the newest earlier file, or "". */
export function anchorBefore(folder: string, file: string): string {
  const earlier = monthFiles(folder).filter((name) => name < file);
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const lines = journalLines(readFileSync(join(folder, earlier[i] as string), "utf8"));
    const last = lines.at(-1);
    if (last !== undefined) return lineDigest(last);
  }
  return "";
}

/** Each line's link state in one file's text, from the anchor. */
export function linkStates(anchor: string, text: string): { raw: string; state: LinkState }[] {
  let previous = anchor;
  return journalLines(text).map((raw) => {
    const state = checkLine(previous, raw);
    previous = lineDigest(raw);
    return { raw, state };
  });
}

export interface ChainReport {
  files: number;
  lines: number;
  /** Lines before the first sealed one: the journal from before the chain, not covered by it. */
  unsealedBefore: number;
  /** The first line that does not link (1-based within its file); null when the chain holds. */
  firstBreak: { file: string; line: number; state: LinkState } | null;
  /** The last line's digest: noted by IT, it shows a later rewrite of the whole chain. */
  head: string;
}

/** Checks the files from `fromFile` to `toFile` (names YYYY-MM.jsonl, inclusive), anchored to the file before. */
export function verifyChain(folder: string, fromFile = "", toFile = "9999-99.jsonl"): ChainReport {
  const files = monthFiles(folder).filter((name) => name >= fromFile && name <= toFile);
  const report: ChainReport = { files: files.length, lines: 0, unsealedBefore: 0, firstBreak: null, head: "" };
  let previous = files[0] ? anchorBefore(folder, files[0]) : "";
  let sealedSeen = previous !== "";
  for (const file of files) {
    journalLines(readFileSync(join(folder, file), "utf8")).forEach((raw, index) => {
      report.lines += 1;
      const state = checkLine(previous, raw);
      previous = lineDigest(raw);
      if (state === "unsealed" && !sealedSeen) {
        report.unsealedBefore += 1;
        return;
      }
      // A sealed line, even one that no longer links, starts the chain.
      sealedSeen = true;
      if (state !== "ok" && report.firstBreak === null) report.firstBreak = { file, line: index + 1, state };
    });
  }
  report.head = previous;
  return report;
}

/** Every line of the journal, oldest file first, with the chain's head after it (os-log/witness-check.ts). */
export function chainLinks(folder: string): { file: string; line: number; digest: string }[] {
  return monthFiles(folder).flatMap((file) =>
    journalLines(readFileSync(join(folder, file), "utf8")).map((raw, index) => ({
      file,
      line: index + 1,
      digest: lineDigest(raw),
    })),
  );
}
