import { monthFiles } from "./month-files";
import { monthPlus } from "./retention";

/**
 * What the journal's daily upkeep (retention.ts) should have done a month ago and has not: closed
 * months still plain, months past the retention in force still kept. Read from the folder as it
 * lies, so `doctor` in any process (the window, the command line, IT's fleet scripts) sees an upkeep
 * that keeps failing (a damaged file, a full disk) though the window's run of it said nothing. A
 * month's grace on each, so the days before the next upkeep after a month turns never count.
 */
export interface UpkeepBehind {
  uncompressed: string[];
  pastRetention: string[];
}

export function upkeepBehind(folder: string, now: Date, retentionMonths: number | null): UpkeepBehind | null {
  const current = now.toISOString().slice(0, 7);
  // Upkeep compresses months before last month; one more month of grace.
  const compressedBefore = monthPlus(current, -2);
  const keptFrom = retentionMonths === null ? null : monthPlus(current, -retentionMonths);
  const files = monthFiles(folder);
  const behind = {
    uncompressed: files.filter((file) => !file.compressed && file.month < compressedBefore).map((file) => file.month),
    pastRetention: keptFrom === null ? [] : files.filter((file) => file.month < keptFrom).map((file) => file.month),
  };
  return behind.uncompressed.length + behind.pastRetention.length > 0 ? behind : null;
}
