/**
 * The History screen: today's journal lines and the CSV export. "Today" is this computer's
 * calendar (app/history.ts localDay), read from the clock passed in so tests can fix it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import {
  dayRangeProblem,
  localDay,
  MAX_HISTORY_DAYS,
  type DayRange,
  type HistoryExport,
  type HistoryPage,
} from "../../app/history";
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
  load: () => Promise<void>;
  /**
   * Exports the range (a kiosk sends the admin PIN with it). Resolves to a PIN refusal for the PIN
   * dialog to show, or null; every other outcome lands in `exported` / `exportError`.
   */
  exportRange: (range: DayRange, pin?: string) => Promise<RefundDeskError | null>;
  today: () => string;
}

export type HistoryStore = StoreApi<HistoryState>;

/** A kiosk export's PIN was not taken: the PIN dialog shows these, not the export panel. */
const PIN_REFUSALS: readonly string[] = ["wrong-pin", "pin-wait", "no-admin-pin"];

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

    async exportRange(range, pin) {
      if (get().exporting) return null;
      // The same refusals main gives, before asking it: the admin learns which date is wrong at once.
      const refused = dayRangeProblem(range, MAX_HISTORY_DAYS);
      if (refused) {
        set({ exported: null, exportError: refused });
        return null;
      }
      set({ exporting: true, exported: null, exportError: null });
      const result = await safeCall(() => api.exportHistory(pin === undefined ? range : { ...range, pin }));
      if (!result.ok && PIN_REFUSALS.includes(result.error.kind)) {
        set({ exporting: false });
        return result.error;
      }
      set(result.ok ? { exporting: false, exported: result.value } : { exporting: false, exportError: result.error });
      return null;
    },
  }));
}
