import type { RefundDeskError } from "./errors";
import type { DeskPolicy } from "./policy";
import type { Environment, Settings } from "./settings";

export type DoctorCheckId =
  | "policy"
  | "overrides"
  | "counter-state"
  | "keychain"
  | "access-key"
  | "signer"
  | "settings"
  | "reachable"
  | "clock"
  | "os-log"
  | "journal-upkeep";
export type DoctorStatus = "ok" | "warn" | "fail" | "skipped";

export interface DoctorCheck {
  id: DoctorCheckId;
  status: DoctorStatus;
  /** Plain data for the message (missing field names, the HTTP status seen); never a secret. */
  detail?: string;
  error?: RefundDeskError;
}

export interface DoctorReport {
  environment: Environment;
  baseUrl: string | null;
  checks: DoctorCheck[];
  /** Server time minus local time, from the response's Date header; null when unknown. */
  clockOffsetMs: number | null;
  ok: boolean;
  fleet: FleetFacts;
}

/**
 * What a fleet's own tools read from `refund-desk doctor --json` (the Intune and Jamf scripts in
 * build/fleet/, a SIEM): one flat object, every field always there (null when unknown), no nested
 * object, so a shell script can cut it out. A contract: fields are added, never renamed or removed.
 */
export interface FleetFacts {
  version: string;
  environment: Environment;
  counterName: string | null;
  /** Where the policy in force came from. */
  policySource: DeskPolicy["source"];
  /** A machine policy or lock record that cannot be trusted: nothing goes to Eko until IT fixes it. */
  lockedDown: boolean;
  settingsLocked: boolean;
  kioskMode: boolean;
  signer: Settings["signer"];
  /** The OS keychain: the "keychain" row's status. */
  keychain: DoctorStatus;
  /** The signing key: the access key in the keychain (signer keychain) or the token's row (signer pkcs11). */
  key: DoctorStatus;
  /** The journal's witness in the OS log; null where none is written. */
  osLog: DoctorStatus | null;
  clockOffsetMs: number | null;
  /** When the last refund was made in the environment in force (the journal's line), within a year. */
  lastRefundAt: string | null;
  /** The ids of the checks that failed, then of those that warned. */
  failed: DoctorCheckId[];
  warned: DoctorCheckId[];
}
