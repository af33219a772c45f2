/**
 * Kiosk clocks drift by minutes or hours, and Eko refuses a signature whose timestamp is outside
 * its window. The clock learns the offset to Eko's time from each response's Date header and
 * signs with the corrected time.
 */
export interface Clock {
  /** Local time corrected by the last learned offset, in ms since the epoch. */
  now(): number;
  /** Server time minus local time; null until a Date header has been seen. */
  offsetMs(): number | null;
  /** Learn from a response's Date header, read at local time `localMs`. */
  observe(dateHeader: string | null, localMs: number): void;
}

/** A Date header has 1 s resolution: its true time lies within the following second. */
const DATE_HEADER_MIDPOINT_MS = 500;

export function createClock(localNow: () => number = Date.now): Clock {
  let offset: number | null = null;
  return {
    now: () => localNow() + (offset ?? 0),
    offsetMs: () => offset,
    observe(dateHeader, localMs) {
      if (!dateHeader) return;
      const server = Date.parse(dateHeader);
      if (Number.isNaN(server)) return;
      offset = server + DATE_HEADER_MIDPOINT_MS - localMs;
    },
  };
}
