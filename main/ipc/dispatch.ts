import type { RefundDeskError } from "../../app/errors";
import { IPC_CHANNELS, IPC_METHODS, type IpcMethod, type RefundDeskApi } from "../../app/ipc";
import { IPC_SCHEMAS } from "../../app/ipc-schemas";
import { err, type Result } from "../../app/result";
import { isTrustedSender, type SenderInfo } from "./sender";

export type Dispatch = (
  channel: string,
  payload: unknown,
  sender: SenderInfo,
) => Promise<Result<unknown, RefundDeskError>>;

const METHOD_BY_CHANNEL = new Map<string, IpcMethod>(IPC_METHODS.map((method) => [IPC_CHANNELS[method], method]));

/**
 * The handler table behind every channel, shared by Electron's ipcMain and the e2e test host:
 * refuse unknown channels and untrusted senders, parse the payload with its schema, and turn
 * anything thrown into a value so nothing crosses IPC as an exception.
 */
export function createDispatch(services: RefundDeskApi, appOrigin: string): Dispatch {
  return async (channel, payload, sender) => {
    const method = METHOD_BY_CHANNEL.get(channel);
    if (!method) return err({ kind: "invalid-input", field: "channel", reason: "unknown-channel" });
    if (!isTrustedSender(sender, appOrigin))
      return err({ kind: "invalid-input", field: "sender", reason: "untrusted-sender" });
    const parsed = IPC_SCHEMAS[method].safeParse(payload);
    if (!parsed.success) {
      // Stryker disable next-line StringLiteral: every IPC schema is a flat object, so a path has at most one segment and any separator gives the same name
      const path = parsed.error.issues[0]?.path.map(String).join(".");
      return err({ kind: "invalid-input", field: path || "payload", reason: "malformed" });
    }
    try {
      const handler = services[method] as (request: unknown) => Promise<Result<unknown, RefundDeskError>>;
      return await handler(parsed.data);
    } catch (error) {
      return err({ kind: "internal", details: { cause: error instanceof Error ? error.name : "unknown" } });
    }
  };
}
