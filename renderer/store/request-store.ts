/**
 * The counter flow as one state machine: check the transaction (Transaction Inquiry), send the
 * refund OTP to the customer, refund with the customer's OTP. The state is a phase of the flow
 * (request-phase.ts) carrying what the screen has there; each step keeps what the earlier ones
 * learned about the tid on screen; one call runs at a time, and a second press while one
 * runs is ignored (main refuses it too, as `busy`). The api and the clock are passed in so the
 * store runs under plain Node in tests; React binds it with `useStore`.
 *
 * Main remembers the OTPs of unfinished refunds until the app quits, and the refunds whose answer
 * was lost across restarts (getSession). The window notes which tid is on screen (sessionStorage,
 * which a reload keeps and a restart does not): on start only that tid's unfinished refund comes
 * back, or after a restart an unsettled refund; a finished or cleared customer never does. What
 * comes back is marked `restored` and needs a fresh check before Refund works.
 * Each action is one call: what the screen needs afterwards (the clock offset) comes back with it.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ActionAnswer, AfterAction, RefundDeskApi } from "../../app/ipc";
import { CUSTOMER_OTP_MAX_DIGITS, parseCustomerOtp, receiptFromInquiry } from "../../app/refund";
import type { OtpSent, Session, TidOutcome } from "../../app/refund-otp";
import type { Result } from "../../app/result";
import { parseTid } from "../../app/tid";
import type { Transaction } from "../../app/transaction";
import type { KeyValueStorage } from "./lang-store";
import { markAction } from "../action-marks";
import { safeCall } from "./safe-call";
import {
  failureOf,
  receiptOf,
  resendReadyAtOf,
  runningOf,
  sentOtpOf,
  tidOf,
  type Failure,
  type RequestPhase,
  type Task,
  type TidPhase,
} from "./request-phase";

export interface RequestState {
  /** What is in the tid field, as typed. */
  tidInput: string;
  /** Where the counter flow is for the tid on screen, with what the screen has there (request-phase.ts). */
  phase: RequestPhase;
  /** The server's clock minus this computer's, as main last learned it; null until known. */
  clockOffsetMs: number | null;
  setTidInput: (text: string) => void;
  /** Validates the field and asks Eko about the transaction. */
  check: () => Promise<void>;
  /** Sends (or sends again) the refund OTP for the tid on screen, once any resend wait is over. */
  sendOtp: () => Promise<void>;
  /** "Customer has the OTP from the failure SMS": opens the refund step without sending an OTP. */
  chooseFailureSmsOtp: () => void;
  /** Keeps digits only, at most CUSTOMER_OTP_MAX_DIGITS, while the refund form is open. */
  setCustomerOtp: (text: string) => void;
  /** Refunds with the customer's OTP and the otp_ref_id on screen. */
  refund: () => Promise<void>;
  /** Reads main's session: the clock offset, and on a fresh screen the unfinished refund again. */
  restore: () => Promise<void>;
  /** How long until the OTP may be sent again (0 when it may be now), on the injected clock. */
  resendWaitMs: () => number;
  /** Clears everything for the next customer; refused while a call runs. */
  reset: () => boolean;
}

export type RequestStore = StoreApi<RequestState>;

export type RequestApi = Pick<RefundDeskApi, "inquireTransaction" | "requestRefundOtp" | "refund" | "getSession">;

/** `after` as main sent it, or null when absent or not of its shape (a broken bridge). */
function afterOf(answer: unknown): AfterAction | null {
  const after = (answer as { after?: unknown } | null)?.after as { clockOffsetMs?: unknown } | undefined;
  if (typeof after !== "object" || after === null) return null;
  const offset = after.clockOffsetMs;
  return offset === null || (typeof offset === "number" && Number.isFinite(offset)) ? { clockOffsetMs: offset } : null;
}

/**
 * `resendAfter` is on the server's clock (main corrects its time by the offset), so this
 * computer's clock reaches it `offset` earlier or later. Null when there is no cooldown
 * (`resendAfter` not after `sentAt`: the setting is 0) or the time cannot be read. An offset
 * refined since the answer can make this early by up to a second: main then answers `cooldown`,
 * which keeps the result on screen and counts down again.
 */
function resendReadyAt(result: OtpSent, clockOffsetMs: number | null): number | null {
  const at = Date.parse(result.resendAfter);
  if (Number.isNaN(at) || at <= Date.parse(result.sentAt)) return null;
  return at - (clockOffsetMs ?? 0);
}

/** Nothing about any tid on screen. */
const IDLE: RequestPhase = { phase: "idle", failure: null };

/** A tid just typed: nothing known about it yet. */
const fresh = (tid: string): TidPhase => ({ phase: "check", tid, transaction: null, call: null, failure: null });

/** The same phase with no OTP typed. */
function untyped(phase: TidPhase): TidPhase {
  return phase.phase === "otp-sent" || phase.phase === "failure-sms" ? { ...phase, customerOtp: "" } : phase;
}

/** What a check's answer moves the tid to, from the phase it was asked in. */
function checked(before: TidPhase, tx: Transaction): TidPhase {
  const about = { tid: before.tid, transaction: tx, call: null, failure: null };
  // After a lost refund answer, "refunded" is the confirmation the agent was waiting for.
  if (tx.state === "refunded") {
    if (before.phase === "refunded") return { ...about, phase: "refunded", receipt: before.receipt };
    if (before.phase === "unsettled") return { ...about, phase: "refunded", receipt: receiptFromInquiry(tx) };
  }
  if (tx.state === "refund-pending") {
    const sent = sentOtpOf(before);
    const customerOtp = before.phase === "otp-sent" || before.phase === "failure-sms" ? before.customerOtp : "";
    if (sent) return { ...about, phase: "otp-sent", ...sent, customerOtp, restored: false };
    if (before.phase === "failure-sms") return { ...about, phase: "failure-sms", customerOtp };
  }
  return { ...about, phase: "check" };
}

/** The tid on screen, kept for a reload: "" once the screen was cleared, absent in a new run. */
export const ON_SCREEN_STORAGE_KEY = "refund-desk.on-screen-tid";

/** Storage may be missing or throw: then the window knows nothing of what it showed before. */
function readOnScreen(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(ON_SCREEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * What to bring back on start. The tid this window last showed, while main still holds its
 * refund unfinished; nothing once the window was cleared; in a new run (or without storage) an
 * unsettled refund first, then the newest OTP.
 */
function tidToRestore(session: Session, onScreen: string | null): string | null {
  const open = (tid: string) =>
    session.unsettled.includes(tid) || session.outcomes.some((o) => o.tid === tid && o.result.ok);
  if (onScreen !== null) return onScreen !== "" && open(onScreen) ? onScreen : null;
  return session.unsettled[0] ?? session.outcomes.find((o) => o.result.ok)?.tid ?? null;
}

export function createRequestStore(
  api: RequestApi,
  now: () => number = Date.now,
  onScreen: KeyValueStorage | null = null,
): RequestStore {
  const store = createStore<RequestState>()((set, get) => {
    async function readSession(): Promise<Session | null> {
      const session = await safeCall(() => api.getSession({}));
      return session.ok ? session.value : null;
    }

    /**
     * Runs one call for the tid on screen, the only one for the action: its answer carries the
     * clock offset it taught main. `apply` moves the phase on from where the answer finds it.
     */
    async function run<T>(
      from: TidPhase,
      task: Task,
      call: () => Promise<ActionAnswer<T>>,
      apply: (before: TidPhase, result: Result<T>, clockOffsetMs: number | null) => TidPhase,
    ) {
      set({ phase: { ...from, call: { task, since: now() }, failure: null } });
      markAction(task, "call");
      let after: AfterAction | null = null;
      const result = await safeCall(async () => {
        const answer = await call();
        after = afterOf(answer);
        return answer;
      });
      markAction(task, "answer");
      const clockOffsetMs = after === null ? get().clockOffsetMs : (after as AfterAction).clockOffsetMs;
      // Nothing clears the screen while a call runs (reset and another tid wait for it).
      const current = get().phase as TidPhase;
      set({ clockOffsetMs, phase: apply({ ...current, call: null }, result, clockOffsetMs) });
    }

    /** An OTP answer; a resend refused as too soon keeps the reference on screen, which is still good. */
    function otpAnswer(
      before: TidPhase,
      result: Result<OtpSent>,
      clockOffsetMs: number | null,
      previous: OtpSent | null,
    ): TidPhase {
      const about = { tid: before.tid, transaction: before.transaction, call: null };
      const restored = (before.phase === "otp-sent" || before.phase === "unsettled") && before.restored;
      if (result.ok) {
        const sent = { otpSent: result.value, resendReadyAt: resendReadyAt(result.value, clockOffsetMs) };
        if (before.phase === "unsettled") return { ...before, sent, failure: null };
        return { ...about, failure: null, phase: "otp-sent", ...sent, customerOtp: "", restored };
      }
      const failure: Failure = { task: "send-otp", tid: before.tid, error: result.error };
      const kept =
        result.error.kind === "cooldown" && previous
          ? { otpSent: previous, resendReadyAt: now() + result.error.retryAfterMs }
          : null;
      if (before.phase === "unsettled") return { ...before, sent: kept, failure };
      if (kept) {
        const customerOtp = before.phase === "otp-sent" ? before.customerOtp : "";
        return { ...about, failure, phase: "otp-sent", ...kept, customerOtp, restored };
      }
      if (before.phase === "failure-sms" || before.phase === "refunded") return { ...untyped(before), failure };
      return { ...about, failure, phase: "check" };
    }

    /** Brings back the tid's unfinished refund (an OTP sent, or a refund whose answer was lost). */
    function show(session: Session, tid: string): void {
      const outcome: TidOutcome | undefined = session.outcomes.find((o) => o.tid === tid && o.result.ok);
      const sent = outcome?.result.ok
        ? { otpSent: outcome.result.value, resendReadyAt: resendReadyAt(outcome.result.value, session.clockOffsetMs) }
        : null;
      const about = { tid, transaction: null, call: null, failure: null };
      const phase: RequestPhase =
        sent && !session.unsettled.includes(tid)
          ? { ...about, phase: "otp-sent", ...sent, customerOtp: "", restored: true }
          : { ...about, phase: "unsettled", sent, restored: true };
      set({ tidInput: tid, phase });
    }

    return {
      tidInput: "",
      phase: IDLE,
      clockOffsetMs: null,

      setTidInput(text) {
        const state = get();
        const tid = tidOf(state);
        // Answers about another tid must not stay on screen next to the new number.
        const stale = runningOf(state) === null && (tid !== null || failureOf(state) !== null) && text.trim() !== tid;
        set(stale ? { phase: IDLE, tidInput: text } : { tidInput: text });
      },

      async check() {
        const state = get();
        if (runningOf(state)) return;
        const parsed = parseTid(state.tidInput);
        if (!parsed.ok) {
          set({ phase: { phase: "idle", failure: { task: "check", tid: null, error: parsed.error } } });
          return;
        }
        const tid = parsed.value;
        // The same tid keeps its OTP and receipt while Eko is asked again; another starts afresh.
        const from = state.phase.phase !== "idle" && state.phase.tid === tid ? untyped(state.phase) : fresh(tid);
        await run(
          from,
          "check",
          () => api.inquireTransaction({ tid }),
          (before, result) =>
            result.ok
              ? checked(before, result.value)
              : { ...before, transaction: null, failure: { task: "check", tid, error: result.error } },
        );
      },

      async sendOtp() {
        const state = get();
        const phase = state.phase;
        if (phase.phase === "idle" || phase.call || state.resendWaitMs() > 0) return;
        const otpSent = sentOtpOf(phase)?.otpSent ?? null;
        const previous = otpSent?.tid === phase.tid ? otpSent : null;
        await run(
          untyped(phase),
          "send-otp",
          () => api.requestRefundOtp({ tid: phase.tid }),
          (before, result, offset) => otpAnswer(before, result, offset, previous),
        );
      },

      chooseFailureSmsOtp() {
        const phase = get().phase;
        if (phase.phase !== "check" && phase.phase !== "failure-sms") return;
        if (phase.call || phase.transaction?.state !== "refund-pending") return;
        set({ phase: { ...phase, phase: "failure-sms", customerOtp: "", failure: null } });
      },

      setCustomerOtp(text) {
        const phase = get().phase;
        if (phase.phase !== "otp-sent" && phase.phase !== "failure-sms") return;
        set({ phase: { ...phase, customerOtp: text.replace(/[^0-9]/g, "").slice(0, CUSTOMER_OTP_MAX_DIGITS) } });
      },

      async refund() {
        const phase = get().phase;
        if (phase.phase !== "otp-sent" && phase.phase !== "failure-sms") return;
        if (phase.call || (phase.phase === "otp-sent" && phase.restored)) return;
        const { tid } = phase;
        const otp = parseCustomerOtp(phase.customerOtp);
        if (!otp.ok) {
          set({ phase: { ...phase, failure: { task: "refund", tid, error: otp.error } } });
          return;
        }
        // A sent OTP's reference goes with it; the OTP from the failure SMS goes without one.
        const request =
          phase.phase === "otp-sent"
            ? { tid, otp: otp.value, otpRefId: phase.otpSent.otpRefId }
            : { tid, otp: otp.value };
        await run(
          phase,
          "refund",
          () => api.refund(request),
          (before, result) => {
            const about = { tid, call: null };
            if (result.ok) {
              const receipt = result.value;
              const transaction = receipt.transaction ?? before.transaction;
              return { ...about, transaction, failure: null, phase: "refunded", receipt };
            }
            const failure: Failure = { task: "refund", tid, error: result.error };
            const kind = result.error.kind;
            // Main holds the tid after either: no refund until a check answers (and is recorded).
            if (kind === "refund-outcome-unknown" || kind === "not-journaled")
              return {
                ...about,
                transaction: before.transaction,
                failure,
                phase: "unsettled",
                sent: sentOtpOf(before),
                restored: false,
              };
            if (kind === "otp-ref-needed" && before.phase === "failure-sms")
              return { ...about, transaction: before.transaction, failure, phase: "check" };
            return { ...untyped(before), failure };
          },
        );
      },

      async restore() {
        const session = await readSession();
        if (!session) return;
        set({ clockOffsetMs: session.clockOffsetMs });
        // Only onto an untouched screen: the agent may already have typed or asked something.
        const { phase, tidInput } = get();
        if (phase.phase !== "idle" || phase.failure !== null || tidInput !== "") return;
        const restore = tidToRestore({ ...session, unsettled: session.unsettled ?? [] }, readOnScreen(onScreen));
        if (restore !== null) show({ ...session, unsettled: session.unsettled ?? [] }, restore);
      },

      resendWaitMs() {
        const readyAt = resendReadyAtOf(get());
        return readyAt === null ? 0 : Math.max(0, readyAt - now());
      },

      reset() {
        // The answer still on its way would land on the next customer's empty screen.
        if (runningOf(get())) return false;
        set({ phase: IDLE, tidInput: "" });
        return true;
      },
    };
  });
  // The tid on screen follows every change, so a reload brings back only what was last shown.
  store.subscribe((state, previous) => {
    const [tid, receipt] = [tidOf(state), receiptOf(state)];
    if (tid === tidOf(previous) && (receipt === null) === (receiptOf(previous) === null)) return;
    try {
      onScreen?.setItem(ON_SCREEN_STORAGE_KEY, receipt === null ? (tid ?? "") : "");
    } catch {
      // Not kept: a reload then restores as a new run would.
    }
  });
  return store;
}
