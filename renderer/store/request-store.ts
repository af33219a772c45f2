/**
 * The OTP request as a state machine: idle → sending → sent | failed. The api is passed in so the
 * store runs under plain Node in tests; React binds it with `useStore`.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import type { OtpSent } from "../../app/refund-otp";
import { parseTid } from "../../app/tid";
import { safeCall } from "./safe-call";

export type RequestPhase =
  | { status: "idle" }
  /** `previous` is the result being resent, kept on screen while Eko is asked again. */
  | { status: "sending"; tid: string; previous: OtpSent | null }
  | { status: "sent"; result: OtpSent }
  /** `tid` is null when the input was refused before any request. */
  | { status: "failed"; tid: string | null; error: RefundDeskError };

export interface RequestState {
  /** What is in the tid field, as typed. */
  tidInput: string;
  phase: RequestPhase;
  setTidInput(text: string): void;
  /** Validates the field and asks for the OTP; does nothing while a request is running. */
  submit(): Promise<void>;
  /** Asks Eko again for the tid of the result on screen. */
  resend(): Promise<void>;
}

export type RequestStore = StoreApi<RequestState>;

function phaseTid(phase: RequestPhase): string | null {
  switch (phase.status) {
    case "idle":
      return null;
    case "sending":
      return phase.tid;
    case "sent":
      return phase.result.tid;
    case "failed":
      return phase.tid;
  }
}

export function createRequestStore(api: Pick<RefundDeskApi, "requestRefundOtp">): RequestStore {
  return createStore<RequestState>()((set, get) => {
    async function send(tid: string, previous: OtpSent | null): Promise<void> {
      set({ phase: { status: "sending", tid, previous } });
      const result = await safeCall(() => api.requestRefundOtp({ tid }));
      set({ phase: result.ok ? { status: "sent", result: result.value } : { status: "failed", tid, error: result.error } });
    }

    return {
      tidInput: "",
      phase: { status: "idle" },

      setTidInput(text) {
        const { phase } = get();
        // A result or error about another tid must not stay on screen next to the new number.
        const stale = (phase.status === "sent" || phase.status === "failed") && text.trim() !== phaseTid(phase);
        set(stale ? { tidInput: text, phase: { status: "idle" } } : { tidInput: text });
      },

      async submit() {
        const { phase, tidInput } = get();
        if (phase.status === "sending") return;
        const tid = parseTid(tidInput);
        if (!tid.ok) {
          set({ phase: { status: "failed", tid: null, error: tid.error } });
          return;
        }
        await send(tid.value, null);
      },

      async resend() {
        const { phase } = get();
        if (phase.status !== "sent") return;
        await send(phase.result.tid, phase.result);
      },
    };
  });
}
