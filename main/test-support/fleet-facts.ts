import type { FleetFacts } from "../../app/doctor";

/** A fresh Practice counter's fleet record, for tests whose doctor report is made by hand. */
export const PRACTICE_FLEET_FACTS: FleetFacts = {
  version: "0.1.0",
  environment: "practice",
  counterName: null,
  policySource: "none",
  lockedDown: false,
  settingsLocked: false,
  kioskMode: false,
  signer: "keychain",
  keychain: "ok",
  key: "skipped",
  osLog: null,
  clockOffsetMs: null,
  lastRefundAt: null,
  failed: [],
  warned: [],
};
