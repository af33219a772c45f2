/**
 * Tids whose refund answer was lost (a timeout or a network error) and that no inquiry has
 * answered for since: the refund may have happened, so no other refund for them is sent until a
 * Transaction Inquiry answers. Held in memory for the life of the app; should it restart, Eko's
 * own state still refuses a second refund of a refunded transaction.
 */
export interface UnsettledRefunds {
  mark(tid: string): void;
  /** An inquiry answered for this tid. */
  settle(tid: string): void;
  has(tid: string): boolean;
}

export function createUnsettledRefunds(): UnsettledRefunds {
  const tids = new Set<string>();
  return {
    mark: (tid) => void tids.add(tid),
    settle: (tid) => void tids.delete(tid),
    has: (tid) => tids.has(tid),
  };
}
