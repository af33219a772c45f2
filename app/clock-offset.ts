/**
 * Beyond this offset between this computer's clock and Eko's, Eko is likely to refuse a signature:
 * the doctor warns and the counter shows a status line. Main corrects its clock either way.
 */
const CLOCK_WARN_MS = 30_000;

/** The offset when it is worth mentioning, else null. */
export function clockOffsetToMention(offsetMs: number | null): number | null {
  return offsetMs !== null && Math.abs(offsetMs) > CLOCK_WARN_MS ? offsetMs : null;
}
