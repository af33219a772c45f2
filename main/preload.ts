/**
 * The sandboxed preload: exposes `window.refundDesk`, one method per IPC contract entry, each
 * sending its single request argument on its own channel. No ipcRenderer, no generic invoke.
 */
import { contextBridge, ipcRenderer } from "electron";
import { IPC_CHANNELS, IPC_METHODS, type IpcMethod, type RefundDeskApi } from "../app/ipc";

function invoker<M extends IpcMethod>(method: M): RefundDeskApi[M] {
  const channel = IPC_CHANNELS[method];
  return ((request: unknown) => ipcRenderer.invoke(channel, request)) as RefundDeskApi[M];
}

const api = Object.fromEntries(IPC_METHODS.map((method) => [method, invoker(method)])) as RefundDeskApi;

contextBridge.exposeInMainWorld("refundDesk", api);
