import type { RefundDeskError } from "../../app/errors";
import { err, type Result } from "../../app/result";

function isResult(value: unknown): value is Result<unknown> {
  if (value === null || typeof value !== "object") return false;
  const v = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (v.ok === true) return "value" in v;
  if (v.ok === false)
    return v.error !== null && typeof v.error === "object" && typeof (v.error as { kind?: unknown }).kind === "string";
  return false;
}

/**
 * Calls the bridge. The contract says its methods never throw, but a broken preload or a
 * crashed main can still reject or answer nonsense: both become an `internal` error value so the
 * UI always has something to show. The thrown message is dropped (it may carry a stack).
 */
export async function safeCall<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result: unknown = await call();
    if (isResult(result)) return result as Result<T>;
    return err<RefundDeskError>({ kind: "internal", details: { cause: "malformed-reply" } });
  } catch {
    return err<RefundDeskError>({ kind: "internal", details: { cause: "ipc-rejected" } });
  }
}
