/**
 * One `ipcMain.handle` per channel of the contract, each forwarding to the desk with who sent it.
 * Nothing else is registered, so a message on any other channel finds no handler.
 */
import { ipcMain } from "electron";
import { IPC_CHANNELS, IPC_METHODS } from "../../app/ipc";
import type { RefundDesk } from "../refund-desk";

export function registerIpc(desk: RefundDesk): void {
  for (const method of IPC_METHODS) {
    const channel = IPC_CHANNELS[method];
    ipcMain.handle(channel, (event, payload: unknown) =>
      desk.dispatch(channel, payload, {
        url: event.senderFrame?.url ?? "",
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
}
