import { IPC_METHODS, type RefundDeskApi } from "../../app/ipc";
import { err } from "../../app/result";

/** Test-only: a promise the test settles by hand, to observe a store while a call is in flight. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Every bridge method answering `internal`: a fake overrides the ones its test uses. */
export function unusedApi(): RefundDeskApi {
  const answer = async () => err({ kind: "internal" as const, details: { cause: "not-in-this-test" } });
  return Object.fromEntries(IPC_METHODS.map((method) => [method, answer])) as unknown as RefundDeskApi;
}
