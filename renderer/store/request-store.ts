/**
 * The OTP request as a state machine: idle → sending → sent | failed. The api and the clock are
 * passed in so the store runs under plain Node in tests; React binds it with `useStore`.
 *
 * Main remembers the last answer per tid until the app quits (getSession); the store shows the
 * newest one again on start, so a reload or a crashed window never loses an otp_ref_id.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import type { OtpSent, Session, TidOutcome } from "../../app/refund-otp";
import type { Result } from "../../app/result";
import { parseTid } from "../../app/tid";
import { safeCall } from "./safe-call";

export type RequestPhase =
  | { status: "idle" }
  /** `previous` is the result being resent, kept on screen while Eko is asked again. */
  | { status: "sending"; tid: string; previous: OtpSent | null }
  | { status: "sent"; result: OtpSent }
  /**
   * `tid` is null when the input was refused before any request. `previous` is the result still
   * on screen when main refused a resend as too soon (cooldown): that reference stays valid.
   */
  | { status: "failed"; tid: string | null; error: RefundDeskError; previous: OtpSent | null };

export interface RequestState {
  /** What is in the tid field, as typed. */
  tidInput: string;
  phase: RequestPhase;
  /** The server's clock minus this computer's, as main last learned it; null until known. */
  clockOffsetMs: number | null;
  /** Local time (ms) from which the result on screen may be resent; null when it may be now. */
  resendReadyAt: number | null;
  setTidInput(text: string): void;
  /** Validates the field and asks for the OTP; does nothing while a request is running. */
  submit(): Promise<void>;
  /** Asks Eko again for the tid of the result on screen, once its cooldown is over. */
  resend(): Promise<void>;
  /** Reads main's session: the clock offset, and on a fresh screen the newest answer again. */
  restore(): Promise<void>;
  /** How long until Resend opens (0 when it is open), on the injected clock. */
  resendWaitMs(): number;
  /** Clears the field and the answer for the next customer; refused while a request runs. */
  reset(): boolean;
}

export type RequestStore = StoreApi<RequestState>;

export type RequestApi = Pick<RefundDeskApi, "requestRefundOtp" | "getSession">;

/** Mentioned beyond this (main's doctor warns at the same offset); below it nobody needs to know. */
export const CLOCK_NOTE_MS = 30_000;

/** The offset when it is worth a status line, else null. */
export function clockOffsetToMention(offsetMs: number | null): number | null {
  return offsetMs !== null && Math.abs(offsetMs) > CLOCK_NOTE_MS ? offsetMs : null;
}

/**
 * `resendAfter` is on the server's clock (main corrects its time by the offset), so this
 * computer's clock reaches it `offset` earlier or later. Null when there is no cooldown
 * (`resendAfter` not after `sentAt`: the setting is 0) or the time cannot be read. An offset
 * refined since the answer can make this early by up to a second: main then answers `cooldown`,
 * which keeps the result on screen and counts down again.
 */
export function resendReadyAt(result: OtpSent, clockOffsetMs: number | null): number | null {
  const at = Date.parse(result.resendAfter);
  if (Number.isNaN(at) || at <= Date.parse(result.sentAt)) return null;
  return at - (clockOffsetMs ?? 0);
}

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

/** The OTP result on screen, if any. */
export function shownResult(phase: RequestPhase): OtpSent | null {
  switch (phase.status) {
    case "sent":
      return phase.result;
    case "sending":
    case "failed":
      return phase.previous;
    case "idle":
      return null;
  }
}

export function createRequestStore(api: RequestApi, now: () => number = Date.now): RequestStore {
  return createStore<RequestState>()((set, get) => {
    async function readSession(): Promise<Session | null> {
      const session = await safeCall(() => api.getSession({}));
      return session.ok ? session.value : null;
    }

    /** The phase and resend time for an answer, with `previous` kept only for a refused resend. */
    function settle(tid: string, result: Result<OtpSent>, previous: OtpSent | null, clockOffsetMs: number | null) {
      if (result.ok) {
        return { phase: { status: "sent", result: result.value } as const, resendReadyAt: resendReadyAt(result.value, clockOffsetMs) };
      }
      const error = result.error;
      if (error.kind === "cooldown" && previous) {
        return {
          phase: { status: "failed", tid, error, previous } as const,
          resendReadyAt: now() + error.retryAfterMs,
        };
      }
      return { phase: { status: "failed", tid, error, previous: null } as const, resendReadyAt: null };
    }

    async function send(tid: string): Promise<void> {
      const current = shownResult(get().phase);
      const previous = current?.tid === tid ? current : null;
      set({ phase: { status: "sending", tid, previous } });
      const result = await safeCall(() => api.requestRefundOtp({ tid }));
      // Read the offset the answer taught main before showing it, so the countdown starts right.
      const session = await readSession();
      const clockOffsetMs = session ? session.clockOffsetMs : get().clockOffsetMs;
      set({ clockOffsetMs, ...settle(tid, result, previous, clockOffsetMs) });
    }

    function show(outcome: TidOutcome, clockOffsetMs: number | null): void {
      set({ tidInput: outcome.tid, ...settle(outcome.tid, outcome.result, null, clockOffsetMs) });
    }

    return {
      tidInput: "",
      phase: { status: "idle" },
      clockOffsetMs: null,
      resendReadyAt: null,

      setTidInput(text) {
        const { phase } = get();
        // A result or error about another tid must not stay on screen next to the new number.
        const stale = (phase.status === "sent" || phase.status === "failed") && text.trim() !== phaseTid(phase);
        set(stale ? { tidInput: text, phase: { status: "idle" }, resendReadyAt: null } : { tidInput: text });
      },

      async submit() {
        const { phase, tidInput } = get();
        if (phase.status === "sending") return;
        const tid = parseTid(tidInput);
        if (!tid.ok) {
          set({ phase: { status: "failed", tid: null, error: tid.error, previous: null }, resendReadyAt: null });
          return;
        }
        await send(tid.value);
      },

      async resend() {
        const { phase } = get();
        const result = phase.status === "sending" ? null : shownResult(phase);
        if (!result || get().resendWaitMs() > 0) return;
        await send(result.tid);
      },

      async restore() {
        const session = await readSession();
        if (!session) return;
        set({ clockOffsetMs: session.clockOffsetMs });
        // Only onto an untouched screen: the agent may already have typed or sent something.
        const [newest] = session.outcomes;
        const { phase, tidInput } = get();
        if (newest && phase.status === "idle" && tidInput === "") show(newest, session.clockOffsetMs);
      },

      resendWaitMs() {
        const readyAt = get().resendReadyAt;
        return readyAt === null ? 0 : Math.max(0, readyAt - now());
      },

      reset() {
        // The answer still on its way would land on the next customer's empty screen.
        if (get().phase.status === "sending") return false;
        set({ tidInput: "", phase: { status: "idle" }, resendReadyAt: null });
        return true;
      },
    };
  });
}
