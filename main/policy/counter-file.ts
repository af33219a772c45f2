import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy } from "../../app/policy";

/** What `refund-desk provision` leaves in the data folder besides settings.json and the PIN hash. */
export const COUNTER_FILE = "counter.json";

export type CounterState = Pick<Policy, "counterName" | "kioskMode" | "settingsLocked">;

export function counterPath(dataDir: string): string {
  return join(dataDir, COUNTER_FILE);
}

export function counterText(policy: Policy): string {
  const state: CounterState = {
    counterName: policy.counterName,
    kioskMode: policy.kioskMode,
    settingsLocked: policy.settingsLocked,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** The provisioned counter, or null when there is none (or the file is damaged: as if not provisioned). */
export function readCounterFile(dataDir: string): CounterState | null {
  try {
    const value = JSON.parse(readFileSync(counterPath(dataDir), "utf8")) as Partial<CounterState>;
    if (
      typeof value.counterName !== "string" ||
      typeof value.kioskMode !== "boolean" ||
      typeof value.settingsLocked !== "boolean"
    )
      return null;
    return { counterName: value.counterName, kioskMode: value.kioskMode, settingsLocked: value.settingsLocked };
  } catch {
    return null;
  }
}
