/**
 * The IPC contract: one entry per operation the renderer may ask of main. The preload (and the
 * test host's stand-in) expose exactly these methods as `window.refundDesk`; main registers a
 * handler per channel and parses every payload with the schema in ipc-schemas.ts.
 */
import type { DoctorReport } from "./doctor";
import type { OtpSent, Session } from "./refund-otp";
import type { Result } from "./result";
import type { SettingsPatch, SettingsView } from "./settings";

export interface IpcRequests {
  requestRefundOtp: { tid: string };
  getSettings: Record<string, never>;
  updateSettings: SettingsPatch;
  setAccessKey: { accessKey: string };
  removeAccessKey: Record<string, never>;
  checkConnection: Record<string, never>;
  getSession: Record<string, never>;
}

export interface IpcReplies {
  requestRefundOtp: OtpSent;
  getSettings: SettingsView;
  updateSettings: SettingsView;
  setAccessKey: SettingsView;
  removeAccessKey: SettingsView;
  checkConnection: DoctorReport;
  getSession: Session;
}

export type IpcMethod = keyof IpcRequests;

export const IPC_CHANNELS: { readonly [M in IpcMethod]: string } = {
  requestRefundOtp: "refund-desk:request-refund-otp",
  getSettings: "refund-desk:get-settings",
  updateSettings: "refund-desk:update-settings",
  setAccessKey: "refund-desk:set-access-key",
  removeAccessKey: "refund-desk:remove-access-key",
  checkConnection: "refund-desk:check-connection",
  getSession: "refund-desk:get-session",
};

export const IPC_METHODS = Object.keys(IPC_CHANNELS) as IpcMethod[];

/** The object the preload exposes on `window.refundDesk`. */
export type RefundDeskApi = {
  [M in IpcMethod]: (request: IpcRequests[M]) => Promise<Result<IpcReplies[M]>>;
};
