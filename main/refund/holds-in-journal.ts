import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { OUTCOME_UNKNOWN_KINDS } from "../../app/refund";
import { journalLines } from "../journal/journal-chain";
import { monthFiles } from "../journal/month-files";

/** How far back a lost answer is looked for: a refund left in doubt longer is IT's to settle with Eko. */
const HOLDS_LOOK_BACK_MONTHS = 3;

/**
 * The tids the journal shows in doubt: a refund whose answer was lost (`refund:timeout`, `offline`,
 * `server`, `bad-response`) with no definite answer after it (the refund's own, or a check's
 * `tx_status`). What `counter-state.db` held for them, read again when that file is gone: deleting
 * it then lifts no hold unless the journal's lines go too, which its OS-log witness shows. A refund
 * cut off before its line was written (a crash mid-request) is in the file alone.
 */
export function holdsInJournal(folder: string, months = HOLDS_LOOK_BACK_MONTHS): string[] {
  const held = new Set<string>();
  for (const file of monthFiles(folder).slice(-months)) {
    let text: string;
    try {
      const raw = readFileSync(join(folder, file.name));
      text = (file.compressed ? gunzipSync(raw) : raw).toString("utf8");
    } catch {
      // A month that cannot be read holds nothing back; the chain's check names it.
      continue;
    }
    for (const line of journalLines(text)) {
      let entry: { tid?: unknown; outcome?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if (typeof entry.tid !== "string" || typeof entry.outcome !== "string" || entry.tid === "") continue;
      const [step, result = ""] = entry.outcome.split(":", 2) as [string, string?];
      if (step === "refund" && OUTCOME_UNKNOWN_KINDS.has(result as never)) held.add(entry.tid);
      else if (
        step === "refund" ||
        ((step === "inquiry" || step === "refund-check") && result.startsWith("tx_status="))
      )
        held.delete(entry.tid);
    }
  }
  return [...held];
}
