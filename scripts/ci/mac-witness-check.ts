/**
 * The packaged macOS app's own OS-log writer, checked on a Mac: in the bundle's resources, one
 * binary for Apple silicon and Intel, signed with the app; and the witness of the journal's last line
 * in the unified log under the app's subsystem and category, as a default message (kept on disk),
 * written by that writer, not by logger. Read with `log show`, whatever else the log holds.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { journalLines, lineDigest } from "../../main/journal/journal-chain";
import { MAC_OS_LOG_WRITER, OS_LOG_SUBSYSTEM } from "../../main/journal/os-log/platform-os-log";
import { witnessedIn } from "../../main/journal/os-log/witness-record";

/** log show can take a while to show a message just written. */
const ATTEMPTS = 6;
const PAUSE_MS = 5_000;
/** How far back log show looks: the witness was written moments before. */
const LOOK_BACK = "15m";

/** One entry of `log show --style json`, as far as these checks read it. */
export interface UnifiedLogEntry {
  subsystem?: string;
  category?: string;
  messageType?: string;
  processImagePath?: string;
  eventMessage?: string;
}

export function macWriterPath(bundle: string): string {
  return join(bundle, "Contents", "Resources", MAC_OS_LOG_WRITER);
}

/** What is wrong with the writer in the bundle: missing, an arch short, or not signed. */
export function macWriterProblems(bundle: string): string[] {
  const writer = macWriterPath(bundle);
  if (!existsSync(writer)) return [`no OS-log writer at ${writer}`];
  const problems: string[] = [];
  const archs = spawnSync("/usr/bin/lipo", ["-archs", writer], { encoding: "utf8" }).stdout?.trim().split(/\s+/) ?? [];
  for (const arch of ["arm64", "x86_64"])
    if (!archs.includes(arch)) problems.push(`the OS-log writer has no ${arch} (lipo: ${archs.join(" ")})`);
  const signed = spawnSync("/usr/bin/codesign", ["--verify", "--strict", "--verbose=2", writer], { encoding: "utf8" });
  if (signed.status !== 0) problems.push(`the OS-log writer's signature does not verify: ${signed.stderr.trim()}`);
  return problems;
}

/** The chain's head after the newest journal line in the data folder: the head its witness carries. */
export function lastJournalHead(dataFolder: string): string {
  const folder = join(dataFolder, "journal");
  const month = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .at(-1);
  const last = month ? journalLines(readFileSync(join(folder, month), "utf8")).at(-1) : undefined;
  if (!last) throw new Error(`no journal line in ${folder}`);
  return lineDigest(last);
}

/** Why `entries` hold no witness of `head` written by the app's writer as it must be, or null. */
export function subsystemProblem(entries: readonly UnifiedLogEntry[], head: string): string | null {
  const found = entries.find((entry) => witnessedIn(entry.eventMessage ?? "")?.head === head);
  if (!found) return `no witness of the journal's last line (head ${head}) under the subsystem ${OS_LOG_SUBSYSTEM}`;
  const problems = [
    found.subsystem === OS_LOG_SUBSYSTEM ? null : `subsystem ${found.subsystem}`,
    found.category === "journal" ? null : `category ${found.category}`,
    found.messageType === "Default" ? null : `type ${found.messageType} (not kept on disk unless Default)`,
    found.processImagePath?.endsWith(`/Contents/Resources/${MAC_OS_LOG_WRITER}`)
      ? null
      : `written by ${found.processImagePath}, not the app's writer`,
  ].filter((problem) => problem !== null);
  return problems.length === 0 ? null : `the witness is there, but: ${problems.join("; ")}`;
}

/** `log show`'s entries of the last minutes under the app's subsystem. */
function subsystemEntries(): UnifiedLogEntry[] {
  const run = spawnSync(
    "/usr/bin/log",
    ["show", "--style", "json", "--info", "--last", LOOK_BACK, "--predicate", `subsystem == "${OS_LOG_SUBSYSTEM}"`],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    // From the array's start: nothing log show may print before it is taken for JSON.
    const entries: unknown = JSON.parse(run.stdout.slice(run.stdout.indexOf("[")));
    return Array.isArray(entries) ? (entries as UnifiedLogEntry[]) : [];
  } catch {
    process.stdout.write(`log show (exit ${run.status}) printed no JSON: ${run.stdout.slice(0, 400)}${run.stderr}\n`);
    return [];
  }
}

/** Waits for the witness of the data folder's last journal line under the subsystem: null once found, else why not. */
export function waitForSubsystemWitness(dataFolder: string): string | null {
  const head = lastJournalHead(dataFolder);
  let problem = subsystemProblem(subsystemEntries(), head);
  for (let attempt = 1; attempt < ATTEMPTS && problem !== null; attempt += 1) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
    problem = subsystemProblem(subsystemEntries(), head);
  }
  return problem;
}
