import { DEFAULT_SETTINGS } from "../../app/settings";
import { isEkoHost } from "./eko-hosts";

/**
 * Kiosk clocks drift by minutes or hours, and Eko refuses a signature whose timestamp is outside
 * its window. The clock learns the offset to Eko's time from the Date header of replies from
 * Eko's own hosts and signs requests to them with the corrected time. A reply from anywhere else
 * (a custom URL, the Practice simulator) teaches nothing: whoever answers there could otherwise
 * move every later signature into the future and harvest it. The correction is bounded: a Date
 * further off than the bound is ignored (the offset stays as it was), so no request is ever
 * signed with a time corrected by more than the bound.
 */
export interface Clock {
  /** Local time corrected by the learned offset (within the bound), in ms since the epoch. */
  now(): number;
  /** Eko's time minus local time as applied now; null until learned, or when beyond the bound. */
  offsetMs(): number | null;
  /** The time to sign a request to `url` with: corrected for Eko's hosts, the PC's own for any other. */
  signingTime(url: string): number;
  /** Learn from the Date header of a reply from `url`, read at local time `localMs`. */
  observe(url: string, dateHeader: string | null, localMs: number): void;
}

/** A Date header has 1 s resolution: its true time lies within the following second. */
const DATE_HEADER_MIDPOINT_MS = 500;

/** Server time minus local time, from a reply's Date header read at `localMs`; null when it has none. */
export function dateOffsetMs(dateHeader: string | null, localMs: number): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  return Number.isNaN(server) ? null : server + DATE_HEADER_MIDPOINT_MS - localMs;
}

export function createClock(
  localNow: () => number = Date.now,
  maxCorrectionMs: () => number = () => DEFAULT_SETTINGS.maxClockCorrectionMinutes * 60_000,
): Clock {
  let learned: number | null = null;
  // The bound may be lowered while the app runs (a new policy): an offset past it is not applied.
  const applied = () => (learned !== null && Math.abs(learned) <= maxCorrectionMs() ? learned : null);
  const now = () => localNow() + (applied() ?? 0);
  return {
    now,
    offsetMs: applied,
    signingTime: (url) => (isEkoHost(url) ? now() : localNow()),
    observe(url, dateHeader, localMs) {
      if (!isEkoHost(url)) return;
      const offset = dateOffsetMs(dateHeader, localMs);
      if (offset !== null && Math.abs(offset) <= maxCorrectionMs()) learned = offset;
    },
  };
}
