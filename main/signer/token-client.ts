import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { RefundDeskError } from "../../app/errors";
import { err, type Result } from "../../app/result";
import type { TokenAnswers, TokenRequest } from "./token-protocol";
import type { WorkerMessage } from "./token-worker-service";

/** Main's side of the token's worker: one request at a time, each answered or timed out. */
export interface TokenClient {
  ask<R extends TokenRequest>(request: R): Promise<Result<TokenAnswers[R["op"]], RefundDeskError>>;
  close(): Promise<void>;
}

/** A network HSM answers in tens of milliseconds; a login may take seconds. Past this, it is gone. */
const TOKEN_TIMEOUT_MS = 10_000;

/** The worker's file: beside this one, built (dist/main/pkcs11-worker.js) or as source under tsx. */
function defaultWorkerFile(): string {
  const built = join(__dirname, "pkcs11-worker.js");
  return existsSync(built) ? built : join(__dirname, "pkcs11-worker.ts");
}

export interface TokenClientOptions {
  /** The worker's entry; tests pass one serving a stand-in library. */
  workerFile?: string;
  workerData?: unknown;
  timeoutMs?: number;
}

/**
 * Starts the worker on the first request (so a counter on the keychain never does) and keeps it.
 * Requests are serialised: the one session serves one at a time, in order. A request that gets no
 * answer in time is a `token-timeout`; that worker is left to finish its blocked call and exit,
 * and the next request starts a new one.
 */
export function createTokenClient(options: TokenClientOptions = {}): TokenClient {
  const timeoutMs = options.timeoutMs ?? TOKEN_TIMEOUT_MS;
  let worker: Worker | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  function start(): Worker {
    const started = new Worker(options.workerFile ?? defaultWorkerFile(), { workerData: options.workerData });
    started.unref();
    return started;
  }

  function once(request: TokenRequest): Promise<Result<unknown, RefundDeskError>> {
    const current = (worker ??= start());
    const id = nextId++;
    return new Promise((resolve) => {
      const finish = (result: Result<unknown, RefundDeskError>) => {
        clearTimeout(timer);
        current.off("message", onMessage);
        current.off("error", onFailure);
        current.off("exit", onFailure);
        current.unref();
        resolve(result);
      };
      const drop = () => {
        if (worker === current) worker = null;
        void current.terminate();
      };
      const onMessage = (message: { id: number; result: Result<unknown, RefundDeskError> }) => {
        if (message.id === id) finish(message.result);
      };
      const onFailure = () => {
        drop();
        finish(err({ kind: "token-failed", details: { cause: "worker-stopped" } }));
      };
      const timer = setTimeout(() => {
        drop();
        finish(err({ kind: "token-timeout", afterMs: timeoutMs, details: { cause: "no-answer" } }));
      }, timeoutMs);
      current.on("message", onMessage);
      current.on("error", onFailure);
      current.on("exit", onFailure);
      // Held while a request is out, so a command line waits for its answer.
      current.ref();
      current.postMessage({ id, request } satisfies WorkerMessage);
    });
  }

  return {
    ask<R extends TokenRequest>(request: R) {
      const answer = queue.then(() => once(request));
      queue = answer;
      return answer as Promise<Result<TokenAnswers[R["op"]], RefundDeskError>>;
    },
    async close() {
      await queue;
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
