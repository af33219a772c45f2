/**
 * A per-tid map in main's memory that forgets with the calendar: an entry last written on a day
 * before yesterday (this computer's calendar) is dropped the first time the map is used on a new
 * day, so a counter left open for months holds at most two days of customers. Two, not one: a
 * customer checked just before midnight is refunded just after it with what the check learned.
 */
export interface TidDayMemory<V> {
  get(tid: string): V | undefined;
  set(tid: string, value: V): void;
  delete(tid: string): void;
}

export function createTidDayMemory<V>(now: () => number): TidDayMemory<V> {
  const byTid = new Map<string, { value: V; day: number }>();
  let sweptOn = Number.NaN;

  /** Today's number, after dropping what is older than yesterday (once a day). */
  function today(): number {
    const day = localDay(now());
    if (day !== sweptOn) {
      for (const [tid, entry] of byTid) if (entry.day < day - 1) byTid.delete(tid);
      sweptOn = day;
    }
    return day;
  }

  return {
    get(tid) {
      today();
      return byTid.get(tid)?.value;
    },
    set(tid, value) {
      byTid.set(tid, { value, day: today() });
    },
    delete(tid) {
      byTid.delete(tid);
    },
  };
}

/** Days since 1970 on this computer's calendar (so a day turns at local midnight, DST or not). */
function localDay(ms: number): number {
  const at = new Date(ms);
  return Math.round(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()) / 86_400_000);
}
