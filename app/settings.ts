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
  practiceScenarios: PracticeScenario[];
}
