/**
 * `refund-desk journal verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--against-os-log [--os-log-file <path>] [--os-log-account <id>]] [--json]`:
 * walks the journal's hash chain and reports the first line that does not link (edited, removed or
 * reordered lines). With --against-os-log it also reads the OS log's witness of every line
 * (journal/os-log/) and reports lines the OS log saw that the journal no longer has and a chain
 * head the journal no longer reaches: a journal rewritten whole and sealed again, or cut short.
 * Exit 0 when everything holds, 1 when anything is broken.
 */
import { join } from "node:path";
import { JOURNAL_FOLDER } from "../journal/journal";
import { chainLinks, verifyChain } from "../journal/journal-chain";
import { osLogReader } from "../journal/os-log/platform-os-log";
import { osLogLines, OsLogUnreadable } from "../journal/os-log/os-log-lines";
import { checkAgainstWitness, type WitnessReport } from "../journal/os-log/witness-check";
import { witnessedIn, type WitnessRecord } from "../journal/os-log/witness-record";
import { parseOptions, type CliDeps, type CliIo } from "./cli-common";
import { COMMAND_OPTIONS } from "./cli-options";
import { fill } from "../../app/messages/describe-error";
import { cliWords, type CliMessages } from "../../app/messages/cli-words";
import { EXIT } from "./exit-codes";
import type { RefundDesk } from "../refund-desk";

const DAY = /^(\d{4}-\d{2})-\d{2}$/;

export async function journalVerify(
  args: string[],
  json: boolean,
  io: CliIo,
  deps: CliDeps,
  fail: (message: string) => number,
  openDesk: () => Promise<RefundDesk>,
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
  const osLogAccount = options.values.get("os-log-account");
  if ((osLogFile !== undefined || osLogAccount !== undefined) && !againstOsLog)
    return fail(words.journal.osLogFileAlone);
  if (againstOsLog && (from || to)) return fail(words.journal.osLogWholeJournal);
  // The chain is checked a month file at a time: the months the days fall in.
  const month = (day: string | undefined) => (day ? DAY.exec(day)?.[1] : undefined);
  const folder = join(deps.dataDir, JOURNAL_FOLDER);
  const report = await verifyChain(folder, month(from), month(to));

  let witness: WitnessReport | null = null;
  if (againstOsLog) {
    const call = osLogFile === undefined ? osLogReader(process.platform) : null;
    const source = osLogFile !== undefined ? { file: osLogFile } : call ? { call } : null;
    // A retention cut the OS log saw excuses no more than the retention in force allows.
    const desk = await openDesk();
    const retentionMonths = desk.settings.current().journalRetentionMonths;
    await desk.close();
    try {
      if (!source) throw new OsLogUnreadable(words.journal.noSystemFolder);
      witness = await checkAgainstWitness(chainLinks(folder), witnessedLines(osLogLines(source)), {
        account: osLogAccount ?? deps.witnessAccount ?? deps.machine?.witnessAccount ?? null,
        retentionMonths,
      });
    } catch (error) {
      if (!(error instanceof OsLogUnreadable)) throw error;
      if (json)
        io.stdout.write(`${JSON.stringify({ ok: false, error: { kind: error.kind, message: error.message } })}\n`);
      else io.stderr.write(`refund-desk journal: ${fill(words.journal.osLogUnreadable, { why: error.message })}\n`);
      return EXIT.failed;
    }
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
  if (witness.otherAccounts > 0) io.stdout.write(`${fill(m.otherAccounts, { n: witness.otherAccounts })}\n`);
  if (witness.ok) {
    io.stdout.write(`${fill(m.witnessed, { witnessed: witness.witnessed, tail: witness.unwitnessedTail })}\n`);
    return;
  }
  const lines = [fill(m.witnessMismatch, { witnessed: witness.witnessed })];
  if (witness.noneWitnessed) lines.push(`  ${fill(m.witnessNone, { account: witness.account ?? "" })}`);
  if (witness.missingCount > 0) {
    lines.push(`  ${fill(m.witnessMissing, { n: witness.missingCount })}`);
    for (const record of witness.missing.slice(0, 5))
      lines.push(`    ${record.at} ${record.outcome} tid ${record.tid}`);
  }
  if (!witness.lastHeadReached) lines.push(`  ${fill(m.witnessHeadLost, { head: witness.lastHead ?? "" })}`);
  io.stderr.write(`${lines.join("\n")}\n`);
}

async function* witnessedLines(lines: AsyncIterable<string>): AsyncGenerator<WitnessRecord> {
  for await (const line of lines) {
    const record = witnessedIn(line);
    if (record) yield record;
  }
}
