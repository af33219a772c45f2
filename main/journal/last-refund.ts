import { isRefundLine } from "../../app/receipt";
import type { Environment } from "../../app/settings";
import type { Journal } from "./journal";

/** A year back: the oldest refund the fleet's tools would still call recent. */
const MONTHS_BACK = 12;
const YEAR_MS = 365 * 86_400_000;

/**
 * When the newest refund made in `environment` was journaled, or null when none in the last year.
 * Month files newest first (and the next month, which a corrected clock may already have begun),
 * so a busy counter reads one file.
 */
export async function lastRefundAt(
  journal: Pick<Journal, "read">,
  environment: Environment,
  nowMs: number,
): Promise<string | null> {
  const now = new Date(nowMs);
  for (let back = -1; back <= MONTHS_BACK; back += 1) {
    const from = Math.max(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1), nowMs - YEAR_MS);
    const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1);
    const refunds = (await journal.read(from, to)).entries.filter(
      (e) => e.environment === environment && isRefundLine(e),
    );
    const last = refunds.at(-1);
    if (last) return last.at;
  }
  return null;
}
