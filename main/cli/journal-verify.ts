/**
 * `refund-desk journal verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--against-os-log [--os-log-file <path>]] [--json]`:
 * walks the journal's hash chain and reports the first line that does not link (edited, removed or
 * reordered lines). With --against-os-log it also reads the OS log's witness of every line
 * (journal/os-log/) and reports lines the OS log saw that the journal no longer has and a chain
 * head the journal no longer reaches: a journal rewritten whole and sealed again, or cut short.
 * Exit 0 when everything holds, 1 when anything is broken.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JOURNAL_FOLDER } from "../journal/journal";
import { chainLinks, verifyChain } from "../journal/journal-chain";
import { osLogReader } from "../journal/os-log/platform-os-log";
import { checkAgainstWitness, type WitnessReport } from "../journal/os-log/witness-check";
import { readWitnessed } from "../journal/os-log/witness-record";
import { parseOptions, type CliDeps, type CliIo } from "./cli-common";
import { COMMAND_OPTIONS } from "./cli-options";
import { fill } from "../../app/messages/describe-error";
import { cliWords, type CliMessages } from "../../app/messages/cli-words";
import { EXIT } from "./exit-codes";

const DAY = /^(\d{4}-\d{2})-\d{2}$/;
/** Years of a busy counter's witness lines. */
const OS_LOG_MAX_BYTES = 256 * 1024 * 1024;

export async function journalVerify(
  args: string[],
  json: boolean,
  io: CliIo,
  deps: CliDeps,
  fail: (message: string) => number,
): Promise<number> {
  const words: CliMessages = cliWords(io.lang ?? "en");
  const options = parseOptions(args, COMMAND_OPTIONS["journal verify"], io.lang);
  if (typeof options === "string") return fail(options);
  const from = options.values.get("from");
  const to = options.values.get("to");
  if ((from !== undefined && !DAY.test(from)) || (to !== undefined && !DAY.test(to)))
    return fail(words.journal.datesFormat);
  if (from && to && from > to) return fail(words.journal.fromAfterTo);
  const againstOsLog = options.flags.has("against-os-log");
  const osLogFile = options.values.get("os-log-file");
  if (osLogFile !== undefined && !againstOsLog) return fail(words.journal.osLogFileAlone);
  if (againstOsLog && (from || to)) return fail(words.journal.osLogWholeJournal);
  // The chain is checked a month file at a time: the months the days fall in.
  const month = (day: string | undefined) => (day ? DAY.exec(day)?.[1] : undefined);
  const folder = join(deps.dataDir, JOURNAL_FOLDER);
  const report = await verifyChain(folder, month(from), month(to));

  let witness: WitnessReport | null = null;
  if (againstOsLog) {
    const text = await readOsLog(osLogFile ?? null, words);
    if (!text.ok) {
      if (json)
        io.stdout.write(`${JSON.stringify({ ok: false, error: { kind: "os-log-unreadable", message: text.why } })}\n`);
      else io.stderr.write(`refund-desk journal: ${fill(words.journal.osLogUnreadable, { why: text.why })}\n`);
      return EXIT.failed;
    }
    witness = await checkAgainstWitness(chainLinks(folder), readWitnessed(text.value));
  }
  const intact = report.firstBreak === null && (witness?.ok ?? true);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ ok: intact, value: { intact, ...report, ...(witness ? { osLog: witness } : {}) } })}\n`,
    );
    return intact ? EXIT.ok : EXIT.failed;
  }
  const m = words.journal;
  if (report.firstBreak) {
    const { file, line, state } = report.firstBreak;
    const why = state === "unsealed" ? m.unsealed : m.unlinked;
    io.stderr.write(`${fill(m.broken, { file, line, why })}\n`);
  } else {
    const before = report.unsealedBefore > 0 ? fill(m.olderLines, { n: report.unsealedBefore }) : "";
    const kept = report.keptFrom ? fill(m.keptFrom, { month: report.keptFrom }) : "";
    const first = report.torn.first;
    const torn = first ? fill(m.tornLines, { n: report.torn.count, file: first.file, line: first.line }) : "";
    const intactLine = fill(m.intact, { lines: report.lines, files: report.files, before, kept, torn });
    io.stdout.write(`${intactLine}\n${fill(m.head, { head: report.head })}\n`);
  }
  if (witness) writeWitness(witness, io, words);
  return intact ? EXIT.ok : EXIT.failed;
}

function writeWitness(witness: WitnessReport, io: CliIo, words: CliMessages): void {
  const m = words.journal;
  if (witness.ok) {
    io.stdout.write(`${fill(m.witnessed, { witnessed: witness.witnessed, tail: witness.unwitnessedTail })}\n`);
    return;
  }
  const lines = [fill(m.witnessMismatch, { witnessed: witness.witnessed })];
  if (witness.missing.length > 0) {
    lines.push(`  ${fill(m.witnessMissing, { n: witness.missing.length })}`);
    for (const record of witness.missing.slice(0, 5))
      lines.push(`    ${record.at} ${record.outcome} tid ${record.tid}`);
  }
  if (!witness.lastHeadReached) lines.push(`  ${fill(m.witnessHeadLost, { head: witness.lastHead ?? "" })}`);
  io.stderr.write(`${lines.join("\n")}\n`);
}

async function readOsLog(
  file: string | null,
  words: CliMessages,
): Promise<{ ok: true; value: string } | { ok: false; why: string }> {
  if (file !== null) {
    try {
      return { ok: true, value: readFileSync(file, "utf8") };
    } catch (error) {
      return { ok: false, why: error instanceof Error ? error.message : String(error) };
    }
  }
  const call = osLogReader(process.platform);
  if (!call) return { ok: false, why: words.journal.noSystemFolder };
  return new Promise((resolve) => {
    execFile(
      call.file,
      [...call.args],
      { cwd: call.cwd, env: { ...call.env }, encoding: "utf8", maxBuffer: OS_LOG_MAX_BYTES, windowsHide: true },
      (error, stdout, stderr) =>
        resolve(
          error
            ? { ok: false, why: `${call.file}: ${(stderr || error.message).trim().split("\n")[0]}` }
            : { ok: true, value: stdout },
        ),
    );
  });
}
