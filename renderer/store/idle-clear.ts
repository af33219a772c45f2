/**
 * A screen that forgets the customer: after the idle time without input (a setting, 1–15 min)
 * the Refund screen goes back to the empty tid field. Never while a call runs or a refund is
 * unsettled: then the wait starts again once it is over. The clock is passed in, so the rule
 * runs under plain Node in tests; the React side only reports input and calls `check` on a timer.
 */
import type { FindMobileStore } from "./find-mobile-store";
import { customerOtpOf, failureOf, runningOf, tidOf, unsettledOf } from "./request-phase";
import type { RequestStore } from "./request-store";

export interface IdleClearDeps {
  request: RequestStore;
  findMobile: FindMobileStore;
  /** The idle time in force, read at each check (the admin may change it). */
  idleMs: () => number;
  now: () => number;
}

export interface IdleClear {
  /** The agent typed, clicked or touched something. */
  touch: () => void;
  /** Clears the screen when it is time; true when it did. */
  check: () => boolean;
}

export function createIdleClear(deps: IdleClearDeps): IdleClear {
  let lastActive = deps.now();
  return {
    touch() {
      lastActive = deps.now();
    },
    check() {
      const request = deps.request.getState();
      const find = deps.findMobile.getState();
      // A call under way or a refund whose outcome is unknown keeps the screen, and restarts the wait.
      if (runningOf(request) !== null || unsettledOf(request) || find.running) {
        lastActive = deps.now();
        return false;
      }
      if (deps.now() - lastActive < deps.idleMs()) return false;
      const customerOnScreen =
        tidOf(request) !== null ||
        failureOf(request) !== null ||
        request.tidInput !== "" ||
        customerOtpOf(request) !== "" ||
        find.open;
      if (!customerOnScreen) return false;
      lastActive = deps.now();
      return request.reset() && find.reset();
    },
  };
}
