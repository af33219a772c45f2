/**
 * The IPC contract: one entry per operation the renderer may ask of main. The preload (and the
 * test host's stand-in) expose exactly these methods as `window.refundDesk`; main registers a
 * handler per channel and parses every payload with the schema in ipc-schemas.ts.
 */
import type { z } from "zod";
import type { DoctorReport } from "./doctor";
import type { HistoryExport, HistoryPage } from "./history";
import type { AFTER_ACTION_SCHEMA, IPC_SCHEMAS } from "./ipc-schemas";
import type { PendingRefunds } from "./pending";
import type { DeskView } from "./policy";
import type { ReceiptSetup } from "./receipt";
import type { RefundReceipt } from "./refund";
import type { OtpSent, Session } from "./refund-otp";
import type { Result } from "./result";
import type { SettingsView } from "./settings";
import type { Transaction } from "./transaction";

/** What the renderer sends for each method: inferred from the schema main parses it with. */
type IpcRequests = { [M in keyof typeof IPC_SCHEMAS]: z.infer<(typeof IPC_SCHEMAS)[M]> };

interface IpcReplies {
  inquireTransaction: Transaction;
  requestRefundOtp: OtpSent;
  refund: RefundReceipt;
  getSettings: SettingsView;
  updateSettings: SettingsView;
  setAccessKey: SettingsView;
  removeAccessKey: SettingsView;
  setTokenPin: SettingsView;
  checkConnection: DoctorReport;
  getSession: Session;
  getDesk: DeskView;
  unlockSettings: DeskView;
  lockSettings: DeskView;
  exitKiosk: { exiting: true };
  readHistory: HistoryPage;
  exportHistory: HistoryExport;
  printReceipt: { printer: string | null };
  pendingRefunds: PendingRefunds;
  getReceiptSetup: ReceiptSetup;
  recordReprint: { at: string };
}

export type IpcMethod = keyof IpcRequests;

export const IPC_CHANNELS: { readonly [M in IpcMethod]: string } = {
  inquireTransaction: "refund-desk:inquire-transaction",
  requestRefundOtp: "refund-desk:request-refund-otp",
  refund: "refund-desk:refund",
  getSettings: "refund-desk:get-settings",
  updateSettings: "refund-desk:update-settings",
  setAccessKey: "refund-desk:set-access-key",
  removeAccessKey: "refund-desk:remove-access-key",
  setTokenPin: "refund-desk:set-token-pin",
  checkConnection: "refund-desk:check-connection",
  getSession: "refund-desk:get-session",
  getDesk: "refund-desk:get-desk",
  unlockSettings: "refund-desk:unlock-settings",
  lockSettings: "refund-desk:lock-settings",
  exitKiosk: "refund-desk:exit-kiosk",
  readHistory: "refund-desk:read-history",
  exportHistory: "refund-desk:export-history",
  printReceipt: "refund-desk:print-receipt",
  pendingRefunds: "refund-desk:pending-refunds",
  getReceiptSetup: "refund-desk:get-receipt-setup",
  recordReprint: "refund-desk:record-reprint",
};

export const IPC_METHODS = Object.keys(IPC_CHANNELS) as IpcMethod[];

/**
 * The counter's actions. Each is one round trip: its answer also carries what the screen needs
 * next (AfterAction), so the window never asks main a second time.
 */
export const ACTION_METHODS = [
  "inquireTransaction",
  "requestRefundOtp",
  "refund",
] as const satisfies readonly IpcMethod[];

type ActionMethod = (typeof ACTION_METHODS)[number];

/** What main knows after an action that the screen shows beside its answer (its schema: ipc-schemas.ts). */
export type AfterAction = z.infer<typeof AFTER_ACTION_SCHEMA>;

/**
 * An action's answer: its result as a value, with `after`. `after` is absent only when main
 * refused the call before running it (an untrusted sender, a malformed payload).
 */
export type ActionAnswer<T> = Result<T> & { after?: AfterAction };

type IpcAnswer<M extends IpcMethod> = M extends ActionMethod ? ActionAnswer<IpcReplies[M]> : Result<IpcReplies[M]>;

/** What main's services answer, as the CLI calls them. */
export type DeskServices = {
  [M in IpcMethod]: (request: IpcRequests[M]) => Promise<Result<IpcReplies[M]>>;
};

/** The object the preload exposes on `window.refundDesk`. */
export type RefundDeskApi = {
  [M in IpcMethod]: (request: IpcRequests[M]) => Promise<IpcAnswer<M>>;
};
