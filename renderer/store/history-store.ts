/**
 * The History screen: today's journal lines and the CSV export. "Today" is this computer's
 * calendar (app/history.ts localDay), read from the clock passed in so tests can fix it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import { dayRangeProblem, localDay, MAX_HISTORY_DAYS, type DayRange, type HistoryExport, type HistoryPage } from "../../app/history";
import type { RefundDeskApi } from "../../app/ipc";
import { safeCall } from "./safe-call";

export interface HistoryState {
  /** The day `page` lists (YYYY-MM-DD). */
  day: string;
  page: HistoryPage | null;
  loading: boolean;
  loadError: RefundDeskError | null;
  exporting: boolean;
  exported: HistoryExport | null;
  exportError: RefundDeskError | null;
  /** Reads today's lines again (today may have become tomorrow since the last read). */
  load(): Promise<void>;
  exportRange(range: DayRange): Promise<void>;
  today(): string;
}

export type HistoryStore = StoreApi<HistoryState>;

type HistoryApi = Pick<RefundDeskApi, "readHistory" | "exportHistory">;

export function createHistoryStore(api: HistoryApi, now: () => Date = () => new Date()): HistoryStore {
  const today = () => localDay(now());
  return createStore<HistoryState>()((set, get) => ({
    day: today(),
    page: null,
    loading: false,
    loadError: null,
    exporting: false,
    exported: null,
    exportError: null,
    today,

    async load() {
      if (get().loading) return;
      const day = today();
      set({ loading: true, loadError: null, day });
      const result = await safeCall(() => api.readHistory({ from: day, to: day }));
      set(result.ok ? { loading: false, page: result.value } : { loading: false, loadError: result.error });
    },

    async exportRange(range) {
      if (get().exporting) return;
      // The same refusals main gives, before asking it: the admin learns which date is wrong at once.
      const refused = dayRangeProblem(range, MAX_HISTORY_DAYS);
      if (refused) {
        set({ exported: null, exportError: refused });
        return;
      }
      set({ exporting: true, exported: null, exportError: null });
      const result = await safeCall(() => api.exportHistory(range));
      set(result.ok ? { exporting: false, exported: result.value } : { exporting: false, exportError: result.error });
    },
  }));
}
