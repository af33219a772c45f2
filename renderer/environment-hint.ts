/**
 * What the last run of this window showed in its header (environment, counter name), remembered
 * on the machine. The first frame is painted before main has said either; the hint only shapes
 * the space held for them (held-space.ts), never what the screen says.
 */
import { ENVIRONMENTS, type Environment } from "../app/setting-choices";
import type { KeyValueStorage } from "./store/lang-store";

const FIRST_FRAME_HINT_KEY = "refund-desk.first-frame";

export interface FirstFrameHint {
  environment: Environment;
  counterName: string | null;
}

/** A fresh install opens in Practice, on no provisioned counter. */
const FIRST_RUN: FirstFrameHint = { environment: "practice", counterName: null };

export function readFirstFrameHint(storage: KeyValueStorage | null): FirstFrameHint {
  try {
    const saved = JSON.parse(storage?.getItem(FIRST_FRAME_HINT_KEY) ?? "null") as Partial<FirstFrameHint> | null;
    const environment = ENVIRONMENTS.includes(saved?.environment as Environment)
      ? (saved?.environment as Environment)
      : FIRST_RUN.environment;
    const counterName = typeof saved?.counterName === "string" ? saved.counterName : null;
    return { environment, counterName };
  } catch {
    return FIRST_RUN;
  }
}

export function rememberFirstFrame(storage: KeyValueStorage | null, hint: FirstFrameHint): void {
  try {
    storage?.setItem(FIRST_FRAME_HINT_KEY, JSON.stringify(hint));
  } catch {
    // Not remembered: the next start holds the space of a fresh install.
  }
}
