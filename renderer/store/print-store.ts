/**
 * What goes on paper: a refund's receipts (customer copy, and the agent's copy when the counter
 * prints one) or the day's summary. The print sheet renders the job, then main prints the window
 * (silently to the counter's printer, or through the OS dialog); a reprint is journaled by main
 * first, and its time goes on the DUPLICATE mark.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { DaySummary } from "../../app/day-summary";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import type { PrintableRefund, ReceiptCopy, ReceiptSetup } from "../../app/receipt";
import { safeCall } from "./safe-call";

type PrintJob =
  | { kind: "receipt"; refund: PrintableRefund; copies: ReceiptCopy[]; duplicateAt: string | null }
  | { kind: "day-summary"; summary: DaySummary; counter: string | null; printedAt: string };

export interface PrintState {
  setup: ReceiptSetup | null;
  /** The job on the sheet; it stays there after the dialog, until the next one. */
  job: PrintJob | null;
  /** Counts jobs, so the sheet opens the dialog once per job. */
  jobId: number;
  error: RefundDeskError | null;
  loadSetup: () => Promise<ReceiptSetup | null>;
  /** The customer's copy, and the agent's when the counter prints one; `duplicate` marks and journals a reprint. */
  printReceipt: (refund: PrintableRefund, options: { duplicate: boolean }) => Promise<void>;
  printDaySummary: (summary: DaySummary) => Promise<void>;
  /** Asks main to print the sheet as it is now; a refusal (no printer on a kiosk) is kept in `error`. */
  sendToPrinter: () => Promise<void>;
  /** Forgets the last refusal: the screen that showed it is left, so no other screen shows it later. */
  clearError: () => void;
}

export type PrintStore = StoreApi<PrintState>;

type PrintApi = Pick<RefundDeskApi, "getReceiptSetup" | "recordReprint" | "printReceipt">;

export function createPrintStore(api: PrintApi, now: () => number = Date.now): PrintStore {
  return createStore<PrintState>()((set, get) => {
    const start = (job: PrintJob) => set({ job, jobId: get().jobId + 1, error: null });

    return {
      setup: null,
      job: null,
      jobId: 0,
      error: null,

      async loadSetup() {
        const setup = await safeCall(() => api.getReceiptSetup({}));
        if (!setup.ok) {
          set({ error: setup.error });
          return null;
        }
        set({ setup: setup.value });
        return setup.value;
      },

      async printReceipt(refund, { duplicate }) {
        // A refusal belongs to the job it refused, not to this one.
        set({ error: null });
        // Read afresh: the admin may have changed the paper or the copies since.
        const setup = (await get().loadSetup()) ?? get().setup;
        if (!setup) return;
        let duplicateAt: string | null = null;
        if (duplicate) {
          const recorded = await safeCall(() => api.recordReprint({ tid: refund.tid }));
          if (!recorded.ok) {
            set({ error: recorded.error });
            return;
          }
          duplicateAt = recorded.value.at;
        }
        const copies: ReceiptCopy[] = setup.agentCopy ? ["customer", "agent"] : ["customer"];
        start({
          kind: "receipt",
          refund: {
            ...refund,
            counter: refund.counter ?? setup.counterName,
            agentCode: refund.agentCode ?? setup.agentCode,
          },
          copies,
          duplicateAt,
        });
      },

      async sendToPrinter() {
        const printed = await safeCall(() => api.printReceipt({}));
        if (!printed.ok) set({ error: printed.error });
      },

      clearError() {
        set({ error: null });
      },

      async printDaySummary(summary) {
        const setup = (await get().loadSetup()) ?? get().setup;
        start({
          kind: "day-summary",
          summary,
          counter: setup?.counterName ?? null,
          printedAt: new Date(now()).toISOString(),
        });
      },
    };
  });
}
