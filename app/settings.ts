/** Settings both processes agree on. The access key is not a setting: it lives in the keychain. */
import { FIELDS, SETTING_NAMES, type SettingValues, type UserSettingName } from "./setting-fields";

export {
  AGENT_COPY_CHOICES,
  ENVIRONMENTS,
  PAPER_SIZES,
  RECEIPT_LANGUAGE_CHOICES,
  type AgentCopy,
  type Environment,
  type PaperSize,
  type ReceiptLanguages,
} from "./setting-choices";

/**
 * Published base URLs. Production has a conflicting older form (with port 25002) in Eko's docs,
 * which is why "custom" exists. Practice points at the built-in simulator on loopback.
 */
export const EKO_BASE_URLS = {
  uat: "https://staging.eko.in/ekoapi/v3",
  production: "https://api.eko.in/ekoicici/v3",
} as const;

/** What is stored in settings.json (non-secret): one member per setting in app/setting-fields.ts. */
export type Settings = SettingValues;

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, FIELDS[name].default]),
) as Settings;

/** A change an admin asks for; absent fields are left as they are, null clears. */
export type SettingsPatch = Partial<Settings>;

/** A change the window may ask for: the settings a policy alone sets are not in it. */
export type UserSettingsPatch = Partial<Pick<Settings, UserSettingName>>;

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
