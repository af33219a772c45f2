import { HeadIndex } from "./head-index";
import type { WitnessRecord } from "./witness-record";

/** A journal line as the check sees it: its digest (the chain's head after it) and what it says. */
export interface JournalLink {
  file: string;
  line: number;
  digest: string;
}

export interface WitnessReport {
  /** The OS log's lines of this journal. */
  witnessed: number;
  /** Lines the OS log saw that the journal no longer has (edited, removed, or the whole rewritten): the first MISSING_SHOWN. */
  missing: WitnessRecord[];
  missingCount: number;
  /** The last head the OS log saw, and whether the journal still reaches it. */
  lastHead: string | null;
  lastHeadReached: boolean;
  /** Journal lines after the last witnessed one: written since (or while the OS log was down). */
  unwitnessedTail: number;
  /** Lines of other accounts' journals in the same OS log (another agent on the PC), not held against this one. */
  otherAccounts: number;
  ok: boolean;
}

const MISSING_SHOWN = 20;

/**
 * The journal against its OS-log witness. A journal rewritten whole and sealed again has none of
 * the heads the OS log saw; a tail cut off no longer reaches the last one; an untouched journal
 * has every one, in order. Lines of the months a retention cut removed are not looked for, when the
 * OS log saw the app write that cut: a cut written by hand, which it did not see, excuses nothing.
 *
 * `account` is whose journal this is (witness-account.ts): lines another account wrote are
 * counted apart. Lines with no account (older versions) are held against this journal, the strict
 * reading. The OS log is read once, as it comes: what is kept of it is a count and a few lines per
 * month, so years of it cost the journal's heads in memory (head-index.ts: 37 bytes a line), no more.
 */
export async function checkAgainstWitness(
  links: AsyncIterable<JournalLink>,
  witnessed: AsyncIterable<WitnessRecord> | Iterable<WitnessRecord>,
  account: string | null = null,
): Promise<WitnessReport> {
  const position = new HeadIndex();
  for await (const link of links) position.add(link.digest);
  let count = 0;
  let otherAccounts = 0;
  let last: WitnessRecord | null = null;
  let keptFrom = "";
  // By month, for the retention cut that may come later in the log and excuse them.
  const missingByMonth = new Map<string, { count: number; shown: WitnessRecord[] }>();
  for await (const record of witnessed) {
    if (account !== null && record.account !== undefined && record.account !== account) {
      otherAccounts += 1;
      continue;
    }
    count += 1;
    last = record;
    if (
      record.kind === "journal" &&
      record.outcome === "retention-cut" &&
      record.keptFrom &&
      record.keptFrom > keptFrom
    )
      keptFrom = record.keptFrom;
    if (position.positionOf(record.head) !== undefined) continue;
    const month = record.at.slice(0, 7);
    const missed = missingByMonth.get(month) ?? { count: 0, shown: [] };
    missed.count += 1;
    if (missed.shown.length < MISSING_SHOWN) missed.shown.push(record);
    missingByMonth.set(month, missed);
  }
  const missing: WitnessRecord[] = [];
  let missingCount = 0;
  for (const [month, missed] of missingByMonth) {
    if (month < keptFrom) continue;
    missingCount += missed.count;
    missing.push(...missed.shown.slice(0, MISSING_SHOWN - missing.length));
  }
  const lastIndex = last ? position.positionOf(last.head) : undefined;
  const lastHeadReached = last === null || lastIndex !== undefined;
  return {
    witnessed: count,
    missing,
    missingCount,
    lastHead: last?.head ?? null,
    lastHeadReached,
    unwitnessedTail: lastIndex === undefined ? (last === null ? position.size : 0) : position.size - lastIndex - 1,
    otherAccounts,
    ok: missingCount === 0 && lastHeadReached,
  };
}
