/**
 * An admin's policy for one counter: what `refund-desk provision --file` applies and what the
 * machine-wide policy file holds. Types only; main validates the JSON (main/policy/).
 */
import type { RefundDeskError } from "./errors";
import type { AgentCopy, Environment, PaperSize, ReceiptLanguages, SignerKind } from "./settings";

/** A validated policy. The admin PIN is never part of it: it travels only as a hash (PolicyPin). */
export interface Policy {
  environment: Environment;
  /** Only with environment "custom", where it is required. */
  baseUrl?: string;
  developerKey?: string;
  initiatorId?: string;
  /** Eko's user_code of the agent, for the refund steps after the OTP. */
  userCode?: string;
  /** Shown to the agent and written on every journal line ("which counter asked?"). */
  counterName: string;
  kioskMode: boolean;
  settingsLocked: boolean;
  timeoutMs?: number;
  resendCooldownMs?: number;
  printerName?: string;
  /** The receipt and counter settings (app/settings.ts); each one the policy sets wins. */
  paperSize?: PaperSize;
  agentCopy?: AgentCopy;
  receiptLanguages?: ReceiptLanguages;
  helpline?: string;
  grievanceContact?: string;
  rbiGrievance?: boolean;
  idleClearMinutes?: number;
  maxClockCorrectionMinutes?: number;
  signer?: SignerKind;
  /** The vendor's PKCS#11 library (absolute path): set by a policy only, never by settings.json. */
  pkcs11Module?: string;
  pkcs11Token?: string;
  pkcs11Key?: string;
  /** Months of journal kept: set by a policy only, never by settings.json. */
  journalRetentionMonths?: number;
}

/** The policy's field names, as an admin writes them in the JSON file. */
export type PolicyField = keyof Policy | "adminPin" | "adminPinHash";

/** A refused field: the error union's invalid-input, naming the policy field (or "file"). */
export type PolicyFieldError = Extract<RefundDeskError, { kind: "invalid-input" }>;

/** A machine-wide policy that was found but ignored, and why: for the UI and `config show`. */
export interface PolicyProblem {
  path: string;
  errors: PolicyFieldError[];
}

/**
 * What deserves an admin's attention without stopping the counter: the keychain's lock record
 * damaged, unreadable or gone while the data folder says the counter was provisioned, and a lock
 * that only `provision` set (it stops casual changes, not the owner of the agent's OS account).
 */
export type DeskNotice =
  "lock-record-damaged" | "lock-record-unreadable" | "lock-record-missing" | "provisioned-lock-only";

/** What is in force on this machine, and where it came from. */
export interface DeskPolicy {
  /** "machine": the machine-wide file; "provisioned": `refund-desk provision`; "none": neither. */
  source: "machine" | "provisioned" | "none";
  counterName: string | null;
  kioskMode: boolean;
  settingsLocked: boolean;
  /** Whether an admin PIN exists to exit kiosk mode or unlock settings. */
  adminPinSet: boolean;
  /**
   * Set when the counter is locked down: a machine policy is there but cannot be read or trusted,
   * or the keychain's lock record was damaged. Nothing goes to Eko until an administrator fixes it.
   */
  problem: PolicyProblem | null;
  notices: DeskNotice[];
}

/** Why an admin PIN was not accepted: the error union's PIN kinds, so they cross IPC as they are. */
export type PinRefusal = Extract<
  RefundDeskError,
  { kind: "no-admin-pin" | "wrong-pin" | "pin-wait" | "counter-state-unavailable" }
>;

/** What the window may know of the policy in force: never a PIN or its hash. */
export interface DeskView {
  counterName: string | null;
  kioskMode: boolean;
  /** The policy locks the settings: changing them needs the admin PIN. */
  settingsLocked: boolean;
  /**
   * While an admin has unlocked the settings with the PIN: when that ends (ISO, this computer's
   * clock). Null when the settings are not locked or not unlocked now.
   */
  unlockedUntil: string | null;
  adminPinSet: boolean;
  source: DeskPolicy["source"];
  problem: PolicyProblem | null;
  notices: DeskNotice[];
  /** The window runs in a browser through the demo host (`npm run demo`); main never sets it. */
  demo?: true;
}

/** How long one PIN keeps locked settings open; leaving Settings locks them again sooner. */
export const SETTINGS_UNLOCK_MS = 10 * 60_000;
