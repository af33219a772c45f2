import type { MessagePort } from "node:worker_threads";
import { createPkcs11Session, type Pkcs11Library } from "./pkcs11-session";
import type { TokenRequest } from "./token-protocol";

/** A request as it crosses to the worker, numbered so its answer finds its caller. */
export interface WorkerMessage {
  id: number;
  request: TokenRequest;
}

/**
 * The token's worker: one session for the process, requests answered one at a time in arrival
 * order (the thread does one thing at a time). Each answer is a result value; nothing is thrown
 * across, and nothing but the answer is posted (no PIN, no key, no log).
 */
export function serveToken(port: MessagePort, newLibrary: () => Pkcs11Library): void {
  const session = createPkcs11Session(newLibrary);
  port.on("message", ({ id, request }: WorkerMessage) => {
    port.postMessage({ id, result: session.handle(request) });
  });
  port.on("close", () => session.close());
}
