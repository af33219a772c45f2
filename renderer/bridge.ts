/** The renderer's only door to the world: the object the preload exposes. */
import type { RefundDeskApi } from "../app/ipc";
import { IPC_METHODS } from "../app/ipc";
import { err } from "../app/result";

declare global {
  interface Window {
    refundDesk?: RefundDeskApi;
  }
}

/**
 * Without a preload (a broken install, the page opened by hand) every call answers `internal`,
 * so the screens still explain the problem instead of showing a blank window.
 */
export function missingBridge(): RefundDeskApi {
  const answer = async () => err({ kind: "internal" as const, details: { cause: "no-bridge" } });
  return Object.fromEntries(IPC_METHODS.map((method) => [method, answer])) as unknown as RefundDeskApi;
}

export function bridge(): RefundDeskApi {
  return window.refundDesk ?? missingBridge();
}
