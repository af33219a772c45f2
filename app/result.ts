/** Every operation that can fail returns one of these; nothing crosses IPC as a thrown exception. */
export type Result<T, E = RefundDeskError> = { ok: true; value: T } | { ok: false; error: E };

import type { RefundDeskError } from "./errors";

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
