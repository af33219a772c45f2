import type { RefundDeskError } from "./errors";
import type { Environment } from "./settings";

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
  | "os-log";
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
}
