/**
 * "Customer has no tid?": the customer's mobile → Eko's list of their transfers waiting for a
 * refund. The typed mobile is cleared once Eko has answered: only its last 4 digits stay on
 * screen. The api is passed in so the store runs under plain Node in tests.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import { parseCustomerMobile, type PendingRefunds } from "../../app/pending";
import { safeCall } from "./safe-call";

export interface FindMobileState {
  open: boolean;
  mobileInput: string;
  running: boolean;
  list: PendingRefunds | null;
  failure: RefundDeskError | null;
  setOpen: (open: boolean) => void;
  /** Digits, spaces and hyphens as typed, at most 14 characters ("61111 11111"). */
  setMobileInput: (text: string) => void;
  find: () => Promise<void>;
  /** Forgets the customer; refused while Eko is being asked. */
  reset: () => boolean;
}

export type FindMobileStore = StoreApi<FindMobileState>;

const CLEAR = { open: false, mobileInput: "", list: null, failure: null } as const;

export function createFindMobileStore(api: Pick<RefundDeskApi, "pendingRefunds">): FindMobileStore {
  return createStore<FindMobileState>()((set, get) => ({
    ...CLEAR,
    running: false,

    setOpen(open) {
      if (open) set({ open: true });
      else get().reset();
    },

    setMobileInput(text) {
      set({ mobileInput: text.replace(/[^0-9 -]/g, "").slice(0, 14), failure: null });
    },

    async find() {
      if (get().running) return;
      const mobile = parseCustomerMobile(get().mobileInput);
      if (!mobile.ok) {
        set({ failure: mobile.error, list: null });
        return;
      }
      set({ running: true, failure: null, list: null });
      const result = await safeCall(() => api.pendingRefunds({ mobile: mobile.value }));
      set(
        result.ok ? { running: false, list: result.value, mobileInput: "" } : { running: false, failure: result.error },
      );
    },

    reset() {
      if (get().running) return false;
      set({ ...CLEAR });
      return true;
    },
  }));
}
