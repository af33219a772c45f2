import type { WitnessRecord } from "./witness-record";

/** A journal line as the check sees it: its digest (the chain's head after it) and what it says. */
export interface JournalLink {
  file: string;
  line: number;
  digest: string;
}

export interface WitnessReport {
  witnessed: number;
  /** Lines the OS log saw that the journal no longer has (edited, removed, or the whole rewritten). */
  missing: WitnessRecord[];
  /** The last head the OS log saw, and whether the journal still reaches it. */
  lastHead: string | null;
  lastHeadReached: boolean;
  /** Journal lines after the last witnessed one: written since (or while the OS log was down). */
  unwitnessedTail: number;
  ok: boolean;
}

/**
 * The journal against its OS-log witness. A journal rewritten whole and sealed again has none of
 * the heads the OS log saw; a tail cut off no longer reaches the last one; an untouched journal
 * has every one, in order. Lines of the months a retention cut removed are not looked for, when the
 * OS log saw the app write that cut: a cut written by hand, which it did not see, excuses nothing.
 */
export async function checkAgainstWitness(
  links: AsyncIterable<JournalLink>,
  witnessed: readonly WitnessRecord[],
): Promise<WitnessReport> {
  const position = new Map<string, number>();
  for await (const link of links) position.set(link.digest, position.size);
  const keptFrom = witnessed.reduce(
    (latest, record) =>
      record.kind === "journal" && record.outcome === "retention-cut" && record.keptFrom && record.keptFrom > latest
        ? record.keptFrom
        : latest,
    "",
  );
  const missing = witnessed.filter((record) => !position.has(record.head) && record.at.slice(0, 7) >= keptFrom);
  const last = witnessed.at(-1) ?? null;
  const lastIndex = last ? position.get(last.head) : undefined;
  const lastHeadReached = last === null || lastIndex !== undefined;
  return {
    witnessed: witnessed.length,
    missing,
    lastHead: last?.head ?? null,
    lastHeadReached,
    unwitnessedTail: lastIndex === undefined ? (last === null ? position.size : 0) : position.size - lastIndex - 1,
    ok: missing.length === 0 && lastHeadReached,
  };
}
