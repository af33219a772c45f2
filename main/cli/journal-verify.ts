/**
 * `refund-desk journal verify [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]`: walks the journal's
 * hash chain and reports the first line that does not link (edited, removed or reordered lines).
 * Exit 0 when the chain holds, 1 when it is broken.
 */
import { join } from "node:path";
import { JOURNAL_FOLDER } from "../journal/journal";
import { verifyChain } from "../journal/journal-chain";
import { parseOptions, type CliDeps, type CliIo } from "./cli-common";
import { EXIT } from "./exit-codes";

const DAY = /^(\d{4}-\d{2})-\d{2}$/;

export function journalVerify(
  args: string[],
  json: boolean,
  io: CliIo,
  deps: CliDeps,
  fail: (message: string) => number,
): number {
  const options = parseOptions(args, { values: ["from", "to"] });
  if (typeof options === "string") return fail(options);
  const from = options.values.get("from");
  const to = options.values.get("to");
  if ((from !== undefined && !DAY.test(from)) || (to !== undefined && !DAY.test(to)))
    return fail("--from and --to must be dates written YYYY-MM-DD");
  if (from && to && from > to) return fail("--from is after --to");
  // The chain is per monthly file: the months the days fall in.
  const month = (day: string | undefined) => (day ? `${DAY.exec(day)?.[1]}.jsonl` : undefined);
  const report = verifyChain(join(deps.dataDir, JOURNAL_FOLDER), month(from), month(to));
  if (json)
    io.stdout.write(`${JSON.stringify({ ok: true, value: { intact: report.firstBreak === null, ...report } })}\n`);
  else if (report.firstBreak) {
    const { file, line, state } = report.firstBreak;
    io.stderr.write(
      `journal chain broken at ${file} line ${line} (${state === "unsealed" ? "a line without its seal" : "does not link to the line before"}): lines from there on were changed, removed or reordered\n`,
    );
  } else {
    const before = report.unsealedBefore > 0 ? `; ${report.unsealedBefore} older line(s) from before the chain` : "";
    io.stdout.write(
      `journal chain intact: ${report.lines} line(s) in ${report.files} file(s)${before}\nhead ${report.head}\n`,
    );
  }
  return report.firstBreak ? EXIT.failed : EXIT.ok;
}
