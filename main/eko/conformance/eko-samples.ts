/**
 * Eko's published sample replies, kept in fixtures/ exactly as Eko wrote them, with where each
 * came from (fixtures/sources.json: repository, path, entry, scenario, commit).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES_DIR = join(__dirname, "fixtures");

export interface SampleSource {
  file: string;
  repository: string;
  path: string;
  commit: string;
  entry: string;
  scenario: string;
  /** The HTTP status Eko gives with the sample; absent for a table. */
  httpStatus?: number;
  /** For a table: the lines of the file it was taken from. */
  lines?: string;
}

export function sampleSources(): SampleSource[] {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, "sources.json"), "utf8")) as SampleSource[];
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name !== "sources.json")
    .sort();
}

/** A sample's body as text, byte for byte, as the client would receive it. */
export function sampleBody(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), "utf8");
}

/** The rows of a markdown table (cells trimmed, header and rule left out). */
export function tableRows(file: string): string[][] {
  const rows = sampleBody(file)
    .split("\n")
    .filter((line) => line.trim().startsWith("|"))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim()),
    );
  return rows.slice(2);
}
