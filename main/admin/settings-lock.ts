import type { RefundDeskError } from "../../app/errors";
import { SETTINGS_UNLOCK_MS, type DeskPolicy, type DeskView } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import type { PinGate } from "./pin-gate";

/**
 * Locked settings (a policy's `settingsLocked`): changes are refused until an admin types the PIN,
 * which opens them for SETTINGS_UNLOCK_MS or until the window locks them again. The open state
 * lives in memory only, so a restart locks them.
 */
export interface SettingsLock {
  /** True while changes are refused. */
  isLocked(): boolean;
  view(): DeskView;
  unlock(pin: string): Promise<Result<DeskView, RefundDeskError>>;
  lock(): DeskView;
}

export function createSettingsLock(policy: DeskPolicy, pinGate: PinGate, now: () => number): SettingsLock {
  let openUntil: number | null = null;

  // A clock set back must not stretch an unlock beyond its length: that closes it instead.
  const isOpen = () => openUntil !== null && now() < openUntil && openUntil - now() <= SETTINGS_UNLOCK_MS;
  const isLocked = () => policy.settingsLocked && !isOpen();

  function view(): DeskView {
    return {
      counterName: policy.counterName,
      kioskMode: policy.kioskMode,
      settingsLocked: policy.settingsLocked,
      unlockedUntil: policy.settingsLocked && isOpen() && openUntil !== null ? new Date(openUntil).toISOString() : null,
      adminPinSet: policy.adminPinSet,
      source: policy.source,
      problem: policy.problem,
      notices: policy.notices,
    };
  }

  return {
    isLocked,
    view,
    async unlock(pin) {
      if (!policy.settingsLocked) return ok(view());
      const checked = await pinGate.check(pin);
      if (!checked.ok) return err(checked.error);
      openUntil = now() + SETTINGS_UNLOCK_MS;
      return ok(view());
    },
    lock() {
      openUntil = null;
      return view();
    },
  };
}

/** What an agent may see of the settings while they are locked: the environment, not the account. */
export const LOCKED_OUT_FIELDS = ["developerKey", "initiatorId", "userCode"] as const;
