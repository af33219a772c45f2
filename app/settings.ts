/** Settings both processes agree on. The access key is not a setting: it lives in the keychain. */

export const ENVIRONMENTS = ["practice", "uat", "production", "custom"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Published base URLs. Production has a conflicting older form (with port 25002) in Eko's docs,
 * which is why "custom" exists. Practice points at the built-in simulator on loopback.
 */
export const EKO_BASE_URLS = {
  uat: "https://staging.eko.in/ekoapi/v3",
  production: "https://api.eko.in/ekoicici/v3",
} as const;

const DEFAULT_TIMEOUT_MS = 15_000;
export const MIN_TIMEOUT_MS = 1_000;
export const MAX_TIMEOUT_MS = 120_000;

/** How long after an OTP went out before the same tid may ask again (Eko publishes no limit). */
const DEFAULT_RESEND_COOLDOWN_MS = 30_000;
export const MAX_RESEND_COOLDOWN_MS = 600_000;

/** The receipt printer's paper: a 58 mm or 80 mm roll, or A4 sheets. */
export type PaperSize = "58mm" | "80mm" | "a4";
export const PAPER_SIZES: readonly PaperSize[] = ["58mm", "80mm", "a4"];

/** The agent's copy (with the balance and a line to sign): on in kiosks unless the admin says otherwise. */
export type AgentCopy = "kiosk" | "always" | "never";
export const AGENT_COPY_CHOICES: readonly AgentCopy[] = ["kiosk", "always", "never"];

/** Receipts in the interface's language, or in English and Hindi one after the other. */
export type ReceiptLanguages = "interface" | "both";
export const RECEIPT_LANGUAGE_CHOICES: readonly ReceiptLanguages[] = ["interface", "both"];

/** The Refund screen forgets the customer after this many minutes without input. */
export const DEFAULT_IDLE_CLEAR_MINUTES = 2;
export const MIN_IDLE_CLEAR_MINUTES = 1;
export const MAX_IDLE_CLEAR_MINUTES = 15;

/**
 * How far the signing clock may be corrected towards Eko's Date header, in minutes. The default
 * keeps the kiosk clocks seen in the field working (2 h ahead, 3 h behind, set to UTC instead of
 * IST: 5 h 30); a Date further off is not believed, so a signature can never be dated years ahead.
 */
export const DEFAULT_MAX_CLOCK_CORRECTION_MINUTES = 360;
export const MIN_MAX_CLOCK_CORRECTION_MINUTES = 5;
export const MAX_MAX_CLOCK_CORRECTION_MINUTES = 1440;

/**
 * Months of journal kept, this month counted (main/journal/retention.ts); none set keeps every
 * month. Removing the journal is an admin's decision, so only a policy sets it.
 */
export const MIN_JOURNAL_RETENTION_MONTHS = 2;
export const MAX_JOURNAL_RETENTION_MONTHS = 1200;

/** A helpline or grievance contact as printed: one line of plain text. */
export const MAX_CONTACT_CHARS = 120;

/**
 * What signs Eko's secret-key: the access key from the OS keychain, or a PKCS#11 token or HSM that
 * holds it and never gives it back (main then never holds the key).
 */
export const SIGNERS = ["keychain", "pkcs11"] as const;
export type SignerKind = (typeof SIGNERS)[number];

/** The token's key label when none is set: the label `set-key` writes and the vendor's tools may use. */
export const DEFAULT_PKCS11_KEY_LABEL = "eko-access-key";
/** PKCS#11 labels are 32 bytes of UTF-8, blank-padded. */
export const PKCS11_LABEL_MAX_BYTES = 32;

/** What is stored in settings.json (non-secret). */
export interface Settings {
  environment: Environment;
  customBaseUrl: string | null;
  developerKey: string | null;
  initiatorId: string | null;
  /** Eko's user_code of the retailer/agent, sent with Transaction Inquiry and Initiate Refund. */
  userCode: string | null;
  timeoutMs: number;
  resendCooldownMs: number;
  /** The printer receipts go to without a dialog (kiosk); null: none configured. */
  printerName: string | null;
  paperSize: PaperSize;
  agentCopy: AgentCopy;
  receiptLanguages: ReceiptLanguages;
  /** The partner's customer helpline, printed in the receipt's grievance block. */
  helpline: string | null;
  /** Where the customer writes with a complaint (the partner's grievance officer). */
  grievanceContact: string | null;
  /** Adds RBI's complaint route (the bank first; cms.rbi.org.in or 14448 after 30 days). */
  rbiGrievance: boolean;
  idleClearMinutes: number;
  /** The most the signing clock is corrected towards Eko's time; further off, requests are refused. */
  maxClockCorrectionMinutes: number;
  signer: SignerKind;
  /** The vendor's PKCS#11 library, an absolute path: only a policy (machine or provisioned) sets it. */
  pkcs11Module: string | null;
  /** The label of the token (or HSM partition) that holds the key. */
  pkcs11Token: string | null;
  /** The label of the key inside the token. */
  pkcs11Key: string;
  /** Months of journal kept; null keeps every month. A policy's alone. */
  journalRetentionMonths: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  environment: "practice",
  customBaseUrl: null,
  developerKey: null,
  initiatorId: null,
  userCode: null,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  resendCooldownMs: DEFAULT_RESEND_COOLDOWN_MS,
  printerName: null,
  paperSize: "58mm",
  agentCopy: "kiosk",
  receiptLanguages: "interface",
  helpline: null,
  grievanceContact: null,
  rbiGrievance: false,
  idleClearMinutes: DEFAULT_IDLE_CLEAR_MINUTES,
  maxClockCorrectionMinutes: DEFAULT_MAX_CLOCK_CORRECTION_MINUTES,
  signer: "keychain",
  pkcs11Module: null,
  pkcs11Token: null,
  pkcs11Key: DEFAULT_PKCS11_KEY_LABEL,
  journalRetentionMonths: null,
};

/** A change an admin asks for; absent fields are left as they are, null clears. */
export type SettingsPatch = Partial<Settings>;

export type AccessKeyState = "stored" | "missing" | "unavailable";

/**
 * The Practice list: one tid per outcome of the counter flow (check, send OTP, refund) an agent
 * should have seen before going live.
 */
export type PracticeScenarioId =
  | "refund-pending"
  | "already-refunded"
  | "transfer-succeeded"
  | "transfer-failed"
  | "in-progress"
  | "on-hold"
  | "unknown-status"
  | "answer-lost-refunded"
  | "answer-lost-not-refunded"
  | "insufficient-balance"
  | "otp-expired"
  | "unknown-tid"
  | "otp-eko-error"
  | "otp-slow";

/**
 * The customer's OTP the practice simulator accepts for every refund. Public on purpose: the
 * Practice list shows it, so an agent can rehearse a whole refund.
 */
export const PRACTICE_OTP = "123456";

export interface PracticeScenario {
  tid: string;
  scenario: PracticeScenarioId;
}

/** What the renderer may see of the configuration: never the access key itself. */
export interface SettingsView extends Settings {
  /** The URL requests go to now (for practice: the simulator's loopback address). */
  baseUrl: string | null;
  accessKey: AccessKeyState;
  /** The token's user PIN in the keychain (signer pkcs11): never the PIN itself. */
  tokenPin: AccessKeyState;
  practiceScenarios: PracticeScenario[];
}
