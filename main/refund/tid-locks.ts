/**
 * One request per tid at a time, shared by every caller of one desk (both the Request and the
 * Refund screens, every window): a double click or a second window gets "busy" instead of a
 * second OTP, inquiry or refund for the same transaction.
 */
export interface TidLocks {
  /** The release function, or null when the tid is already taken. */
  acquire(tid: string): (() => void) | null;
}

export function createTidLocks(): TidLocks {
  const held = new Set<string>();
  return {
    acquire(tid) {
      if (held.has(tid)) return null;
      held.add(tid);
      return () => {
        held.delete(tid);
      };
    },
  };
}
