import { monthPlus } from "../retention";
import { HeadIndex } from "./head-index";
import type { WitnessRecord } from "./witness-record";

/** A journal line as the check sees it: its digest (the chain's head after it) and what it says. */
export interface JournalLink {
  file: string;
  line: number;
  digest: string;
}

export interface WitnessReport {
  /** Whose lines were held against the journal (witness-account.ts); null: every line. */
  account: string | null;
  /** The OS log's lines of this journal. */
  witnessed: number;
  /** Lines the OS log saw that the journal no longer has (edited, removed, or the whole rewritten): the first MISSING_SHOWN, in the log's order. */
  missing: WitnessRecord[];
  missingCount: number;
  /** The last head the OS log saw, and whether the journal still reaches it. */
  lastHead: string | null;
  lastHeadReached: boolean;
  /** Journal lines after the last witnessed one: written since (or while the OS log was down). */
  unwitnessedTail: number;
  /** Lines of other accounts' journals in the same OS log (another agent on the PC), not held against this one. */
  otherAccounts: number;
  /** The journal has lines and the OS log none of them: nothing vouches for it (a log never written, or read as another account's). */
  noneWitnessed: boolean;
  ok: boolean;
}

export interface WitnessCheckOptions {
  /** Whose journal this is; null holds every line against it. */
  account?: string | null;
  /** The retention in force (`journal-retention-months`); null: the journal is kept whole, and no cut excuses anything. */
  retentionMonths?: number | null;
}

const MISSING_SHOWN = 20;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * How far a retention cut the OS log saw may excuse: the months before the one it keeps from, and
 * never more than the retention in force lets a cut made in its month remove. Anyone on the PC can
 * write a line that looks like a cut; one claiming more is held to what the app could have cut.
 */
function excusedBefore(record: WitnessRecord, retentionMonths: number | null): string {
  if (retentionMonths === null || !record.keptFrom || !MONTH.test(record.at.slice(0, 7))) return "";
  const mostKept = monthPlus(record.at.slice(0, 7), 1 - retentionMonths);
  return record.keptFrom < mostKept ? record.keptFrom : mostKept;
}

/**
 * The journal against its OS-log witness. A journal rewritten whole and sealed again has none of
 * the heads the OS log saw; a tail cut off no longer reaches the last one; an untouched journal
 * has every one, in order; a journal with lines of which the OS log has none is vouched for by
 * nothing. Lines of the months a retention cut removed are not looked for, when the OS log saw
 * that cut, within the retention in force: a cut written by hand excuses nothing.
 *
 * Lines another account wrote are counted apart; lines with no account (older versions) are held
 * against this journal, the strict reading. The OS log is read once, as it comes: what is kept of
 * it is a count and a few lines per month, so years of it cost the journal's heads in memory
 * (head-index.ts: some 40 to 80 bytes a line), no more.
 */
export async function checkAgainstWitness(
  links: AsyncIterable<JournalLink>,
  witnessed: AsyncIterable<WitnessRecord> | Iterable<WitnessRecord>,
  { account = null, retentionMonths = null }: WitnessCheckOptions = {},
): Promise<WitnessReport> {
  const position = new HeadIndex();
  for await (const link of links) position.add(link.digest);
  let count = 0;
  let otherAccounts = 0;
  let last: WitnessRecord | null = null;
  let excused = "";
  // By month, for a retention cut that may come later in the log and excuse them.
  const missingByMonth = new Map<string, { count: number; shown: { at: number; record: WitnessRecord }[] }>();
  for await (const record of witnessed) {
    if (account !== null && record.account !== undefined && record.account !== account) {
      otherAccounts += 1;
      continue;
    }
    count += 1;
    last = record;
    if (record.kind === "journal" && record.outcome === "retention-cut") {
      const before = excusedBefore(record, retentionMonths);
      if (before > excused) excused = before;
    }
    if (position.positionOf(record.head) !== undefined) continue;
    // Any other text is one bucket: lines made up with odd times cannot grow this without end.
    const month = MONTH.test(record.at.slice(0, 7)) ? record.at.slice(0, 7) : "";
    const missed = missingByMonth.get(month) ?? { count: 0, shown: [] };
    missed.count += 1;
    if (missed.shown.length < MISSING_SHOWN) missed.shown.push({ at: count, record });
    missingByMonth.set(month, missed);
  }
  const shown: { at: number; record: WitnessRecord }[] = [];
  let missingCount = 0;
  for (const [month, missed] of missingByMonth) {
    if (month !== "" && month < excused) continue;
    missingCount += missed.count;
    shown.push(...missed.shown);
  }
  const lastIndex = last ? position.positionOf(last.head) : undefined;
  const lastHeadReached = last === null || lastIndex !== undefined;
  const noneWitnessed = count === 0 && position.size > 0;
  return {
    account,
    witnessed: count,
    missing: shown
      .sort((a, b) => a.at - b.at)
      .slice(0, MISSING_SHOWN)
      .map((entry) => entry.record),
    missingCount,
    lastHead: last?.head ?? null,
    lastHeadReached,
    unwitnessedTail: lastIndex === undefined ? (last === null ? position.size : 0) : position.size - lastIndex - 1,
    otherAccounts,
    noneWitnessed,
    ok: missingCount === 0 && lastHeadReached && !noneWitnessed,
  };
}
