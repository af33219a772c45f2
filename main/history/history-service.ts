import type { RefundDeskError } from "../../app/errors";
import { MAX_HISTORY_DAYS, type DayRange, type HistoryExport, type HistoryPage } from "../../app/history";
import { err, ok, type Result } from "../../app/result";
import type { Journal, JournalRead } from "../journal/journal";
import { journalCsvChunks } from "../journal/journal-csv";
import { rangeToMs } from "../journal/journal-range";

/** The screen lists at most a month at a time; longer ranges are for the CSV export. */
export const MAX_HISTORY_READ_DAYS = 31;

/**
 * Writes an export where the user chooses: a save dialog in the app. The text comes in pieces, read
 * from the journal as they are written. Resolves to where it was written, or null when the user
 * cancelled (nothing read); rejects (with a Node error code) when writing failed.
 */
export type SaveFile = (suggestedName: string, chunks: AsyncIterable<string>) => Promise<string | null>;

export interface HistoryService {
  read(range: DayRange): Promise<Result<HistoryPage, RefundDeskError>>;
  export(range: DayRange): Promise<Result<HistoryExport, RefundDeskError>>;
}

export function createHistoryService(journal: Journal, saveFile: SaveFile): HistoryService {
  return {
    async read(range) {
      const span = rangeToMs(range, MAX_HISTORY_READ_DAYS);
      if (!span.ok) return span;
      const { entries, skipped } = await journal.read(span.value.fromMs, span.value.toMs);
      return ok({ entries: entries.reverse(), skipped });
    },
    async export(range) {
      const span = rangeToMs(range, MAX_HISTORY_DAYS);
      if (!span.ok) return span;
      const { fromMs, toMs } = span.value;
      const counts = { rows: 0, skipped: 0 };
      const tally = (month: JournalRead) => {
        counts.rows += month.entries.length;
        counts.skipped += month.skipped;
      };
      async function* counted() {
        for await (const month of journal.pieces(fromMs, toMs)) {
          tally(month);
          yield month;
        }
      }
      const name =
        range.from === range.to ? `refund-desk-${range.from}.csv` : `refund-desk-${range.from}-to-${range.to}.csv`;
      try {
        const location = await saveFile(name, journalCsvChunks(counted()));
        // Cancelled before anything was read: the counts all the same, as the screen says what was not saved.
        if (location === null) for await (const month of journal.pieces(fromMs, toMs)) tally(month);
        return ok({ saved: location !== null, location, ...counts });
      } catch (error) {
        return err({ kind: "save-failed", details: { cause: errorCode(error) } });
      }
    },
  };
}

/** The Node error code (EACCES, ENOSPC…) when there is one: a save dialog may reject with anything. */
function errorCode(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : "unknown";
}
