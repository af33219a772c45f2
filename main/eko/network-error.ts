import type { RefundDeskError } from "../../app/errors";

/**
 * Classifies a failed fetch. Node's fetch (undici) puts a system error code on `cause`;
 * Electron's net.fetch reports Chromium's `net::ERR_*` names in the message. Both are handled so
 * the same client works in the app and under Node.
 */
export function classifyNetworkError(error: unknown, timedOut: boolean, timeoutMs: number): RefundDeskError {
  const code = errorCode(error);
  if (timedOut || /TIMED_OUT|ETIMEDOUT|UND_ERR_.*TIMEOUT/.test(code)) {
    return { kind: "timeout", afterMs: timeoutMs, details: { cause: code || "timeout" } };
  }
  if (
    /CERT|SSL|TLS|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH|ERR_BAD_SSL/.test(code)
  ) {
    return { kind: "tls", details: { cause: code } };
  }
  return { kind: "offline", details: { cause: code || "network" } };
}

/** The most specific code found on the error or its cause chain, e.g. "ECONNREFUSED". */
function errorCode(error: unknown): string {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    // Stryker disable next-line ConditionalExpression: a string, number or boolean cause has no code, message or cause, so the walk finds nothing either way
    if (typeof current !== "object") break;
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === "string") codes.push(e.code);
    if (typeof e.message === "string") {
      const chromium = /net::(ERR_[A-Z_]+)/.exec(e.message);
      if (chromium?.[1]) codes.push(chromium[1]);
    }
    current = e.cause;
  }
  // The innermost code is the system's own; outer ones are wrappers such as "UND_ERR_SOCKET".
  return codes.at(-1) ?? "";
}
