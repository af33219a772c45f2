/**
 * The counter flow as one state machine: check the transaction (Transaction Inquiry), send the
 * refund OTP to the customer, refund with the customer's OTP. Each step keeps what the earlier
 * ones learned about the tid on screen; one call runs at a time, and a second press while one
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
import type { RefundDeskError } from "../../app/errors";
import type { ActionAnswer, AfterAction, RefundDeskApi } from "../../app/ipc";
import { CUSTOMER_OTP_MAX_DIGITS, parseCustomerOtp, receiptFromInquiry, type RefundReceipt } from "../../app/refund";
import type { OtpSent, Session, TidOutcome } from "../../app/refund-otp";
import type { Result } from "../../app/result";
import { parseTid } from "../../app/tid";
import type { Transaction } from "../../app/transaction";
import type { KeyValueStorage } from "./lang-store";
import { markAction } from "../action-marks";
import { safeCall } from "./safe-call";

type Task = "check" | "send-otp" | "refund";

/** The last call's error; `tid` is null when the typed tid was refused before any call. */
export interface Failure {
  task: Task;
  tid: string | null;
  error: RefundDeskError;
}

export interface RequestState {
  /** What is in the tid field, as typed. */
  tidInput: string;
  /** The tid the answers on screen are about; null while none is. */
  tid: string | null;
  transaction: Transaction | null;
  /** The OTP sent for `tid`; it stays under a later error while its otp_ref_id is still good. */
  otpSent: OtpSent | null;
  /**
   * The agent chose to type the OTP from the SMS Eko sent when the transfer failed: the refund
   * then goes without an otp_ref_id. Ends with a sent OTP, a refund, or Eko refusing it.
   */
  failureSmsOtp: boolean;
  /**
   * The customer's OTP as typed. It lives only while the refund step runs: cleared by any answer
   * to the refund, a new OTP, a new check, another tid and New request. Never sent anywhere else.
   */
  customerOtp: string;
  receipt: RefundReceipt | null;
  /** The call under way, if any. */
  running: Task | null;
  /** When it started, on the injected clock (for the lost-answer countdown); null when none runs. */
  runningSince: number | null;
  failure: Failure | null;
  /**
   * A refund's answer was lost and no inquiry has answered since: nothing but a check is
   * offered for the tid until one does (main holds the tid the same way).
   */
  unsettled: boolean;
  /** The server's clock minus this computer's, as main last learned it; null until known. */
  clockOffsetMs: number | null;
  /** Local time (ms) from which the OTP may be sent again; null when it may be now. */
  resendReadyAt: number | null;
  /**
   * Brought back after a reload or restart: the customer may have gone, so the tid must be checked
   * again (with the customer) before Refund works.
   */
  restored: boolean;
  setTidInput: (text: string) => void;
  /** Validates the field and asks Eko about the transaction. */
  check: () => Promise<void>;
  /** Sends (or sends again) the refund OTP for the tid on screen, once any resend wait is over. */
  sendOtp: () => Promise<void>;
  /** "Customer has the OTP from the failure SMS": opens the refund step without sending an OTP. */
  chooseFailureSmsOtp: () => void;
  /** Keeps digits only, at most CUSTOMER_OTP_MAX_DIGITS. */
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
const CLEAR = {
  tid: null,
  transaction: null,
  otpSent: null,
  failureSmsOtp: false,
  customerOtp: "",
  receipt: null,
  failure: null,
  unsettled: false,
  resendReadyAt: null,
  restored: false,
} as const;

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

    /** Runs one call, the only one for the action: its answer carries the clock offset it taught main. */
    async function run<T>(
      task: Task,
      call: () => Promise<ActionAnswer<T>>,
      apply: (result: Result<T>, clockOffsetMs: number | null) => Partial<RequestState>,
    ) {
      set({ running: task, runningSince: now(), failure: null });
      markAction(task, "call");
      let after: AfterAction | null = null;
      const result = await safeCall(async () => {
        const answer = await call();
        after = afterOf(answer);
        return answer;
      });
      markAction(task, "answer");
      const clockOffsetMs = after === null ? get().clockOffsetMs : (after as AfterAction).clockOffsetMs;
      set({ running: null, runningSince: null, clockOffsetMs, ...apply(result, clockOffsetMs) });
    }

    /** An OTP answer; a resend refused as too soon keeps the reference on screen, which is still good. */
    function otpAnswer(
      tid: string,
      result: Result<OtpSent>,
      clockOffsetMs: number | null,
      previous: OtpSent | null,
    ): Partial<RequestState> {
      if (result.ok) {
        const readyAt = resendReadyAt(result.value, clockOffsetMs);
        return { otpSent: result.value, failureSmsOtp: false, resendReadyAt: readyAt, receipt: null, customerOtp: "" };
      }
      const failure: Failure = { task: "send-otp", tid, error: result.error };
      if (result.error.kind === "cooldown" && previous)
        return { failure, otpSent: previous, resendReadyAt: now() + result.error.retryAfterMs };
      return { failure, otpSent: null, resendReadyAt: null, customerOtp: "" };
    }

    function show(session: Session, tid: string): void {
      const outcome: TidOutcome | undefined = session.outcomes.find((o) => o.tid === tid && o.result.ok);
      const otp = outcome ? otpAnswer(tid, outcome.result, session.clockOffsetMs, null) : {};
      set({ ...CLEAR, tidInput: tid, tid, ...otp, unsettled: session.unsettled.includes(tid), restored: true });
    }

    return {
      tidInput: "",
      ...CLEAR,
      running: null,
      runningSince: null,
      clockOffsetMs: null,

      setTidInput(text) {
        const { running, tid, failure } = get();
        // Answers about another tid must not stay on screen next to the new number.
        const stale = running === null && (tid !== null || failure !== null) && text.trim() !== tid;
        set(stale ? { ...CLEAR, tidInput: text } : { tidInput: text });
      },

      async check() {
        const state = get();
        if (state.running) return;
        const parsed = parseTid(state.tidInput);
        if (!parsed.ok) {
          set({ ...CLEAR, failure: { task: "check", tid: null, error: parsed.error } });
          return;
        }
        const tid = parsed.value;
        // The same tid keeps its OTP and receipt while Eko is asked again; another starts afresh.
        set(tid === state.tid ? { customerOtp: "" } : { ...CLEAR, tid });
        const { otpSent, receipt, unsettled } = get();
        await run(
          "check",
          () => api.inquireTransaction({ tid }),
          (result) => {
            if (!result.ok) return { transaction: null, failure: { task: "check", tid, error: result.error } };
            const tx = result.value;
            // After a lost refund answer, "refunded" is the confirmation the agent was waiting for.
            const refunded = tx.state === "refunded" ? (receipt ?? (unsettled ? receiptFromInquiry(tx) : null)) : null;
            return {
              transaction: tx,
              unsettled: false,
              restored: false,
              receipt: refunded,
              otpSent: tx.state === "refund-pending" ? otpSent : null,
            };
          },
        );
      },

      async sendOtp() {
        const { running, tid, otpSent } = get();
        if (running || tid === null || get().resendWaitMs() > 0) return;
        const previous = otpSent?.tid === tid ? otpSent : null;
        set({ customerOtp: "" });
        await run(
          "send-otp",
          () => api.requestRefundOtp({ tid }),
          (result, offset) => otpAnswer(tid, result, offset, previous),
        );
      },

      chooseFailureSmsOtp() {
        const { running, transaction, otpSent, receipt, unsettled } = get();
        if (running || transaction?.state !== "refund-pending" || otpSent || receipt || unsettled) return;
        set({ failureSmsOtp: true, customerOtp: "", failure: null });
      },

      setCustomerOtp(text) {
        set({ customerOtp: text.replace(/[^0-9]/g, "").slice(0, CUSTOMER_OTP_MAX_DIGITS) });
      },

      async refund() {
        const { running, tid, otpSent, failureSmsOtp, customerOtp, unsettled, receipt, restored } = get();
        if (running || tid === null || (otpSent === null && !failureSmsOtp) || unsettled || receipt || restored) return;
        const otp = parseCustomerOtp(customerOtp);
        if (!otp.ok) {
          set({ failure: { task: "refund", tid, error: otp.error } });
          return;
        }
        // A sent OTP's reference goes with it; the OTP from the failure SMS goes without one.
        const request = otpSent ? { tid, otp: otp.value, otpRefId: otpSent.otpRefId } : { tid, otp: otp.value };
        await run(
          "refund",
          () => api.refund(request),
          (result) => {
            if (result.ok) {
              const receipt = result.value;
              const transaction = receipt.transaction ?? get().transaction;
              return {
                customerOtp: "",
                receipt,
                otpSent: null,
                failureSmsOtp: false,
                resendReadyAt: null,
                transaction,
              };
            }
            const kind = result.error.kind;
            return {
              customerOtp: "",
              failure: { task: "refund", tid, error: result.error },
              // Main holds the tid after either: no refund until a check answers (and is recorded).
              unsettled: kind === "refund-outcome-unknown" || kind === "not-journaled",
              ...(kind === "otp-ref-needed" ? { failureSmsOtp: false } : {}),
            };
          },
        );
      },

      async restore() {
        const session = await readSession();
        if (!session) return;
        set({ clockOffsetMs: session.clockOffsetMs });
        // Only onto an untouched screen: the agent may already have typed or asked something.
        const { tid, failure, running, tidInput } = get();
        if (tid !== null || failure !== null || running !== null || tidInput !== "") return;
        const restore = tidToRestore({ ...session, unsettled: session.unsettled ?? [] }, readOnScreen(onScreen));
        if (restore !== null) show({ ...session, unsettled: session.unsettled ?? [] }, restore);
      },

      resendWaitMs() {
        const readyAt = get().resendReadyAt;
        return readyAt === null ? 0 : Math.max(0, readyAt - now());
      },

      reset() {
        // The answer still on its way would land on the next customer's empty screen.
        if (get().running) return false;
        set({ ...CLEAR, tidInput: "" });
        return true;
      },
    };
  });
  // The tid on screen follows every change, so a reload brings back only what was last shown.
  store.subscribe((state, previous) => {
    if (state.tid === previous.tid && (state.receipt === null) === (previous.receipt === null)) return;
    try {
      onScreen?.setItem(ON_SCREEN_STORAGE_KEY, state.receipt === null ? (state.tid ?? "") : "");
    } catch {
      // Not kept: a reload then restores as a new run would.
    }
  });
  return store;
}
