import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { writeFileDurably } from "../fs/durable-file";
import { applySettingsPatch } from "./settings-validation";

export const SETTINGS_FILE = "settings.json";

/**
 * The custom URL is applied before the environment that needs it. pkcs11Module is not read: the
 * token's library comes from a policy only (a path the account wrote would be code run in main).
 */
const LOAD_ORDER: (keyof Settings)[] = [
  "customBaseUrl",
  "developerKey",
  "initiatorId",
  "userCode",
  "timeoutMs",
  "resendCooldownMs",
  "printerName",
  "paperSize",
  "agentCopy",
  "receiptLanguages",
  "helpline",
  "grievanceContact",
  "rbiGrievance",
  "idleClearMinutes",
  "maxClockCorrectionMinutes",
  "signer",
  "pkcs11Token",
  "pkcs11Key",
  "environment",
];

/** settings.json in the data folder: non-secret configuration only (the key is in the keychain). */
export interface SettingsFile {
  path: string;
  load(): Settings;
  save(settings: Settings): void;
}

/** The file's text for these settings (provisioning stages it with its other files). */
export function settingsText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

export function createSettingsFile(dataDir: string): SettingsFile {
  const path = join(dataDir, SETTINGS_FILE);
  return {
    path,
    load() {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        return { ...DEFAULT_SETTINGS };
      }
      // A hand-edited or damaged file must not stop the app: keep only the fields that validate.
      let settings: Settings = { ...DEFAULT_SETTINGS };
      if (typeof raw !== "object" || raw === null) return settings;
      const stored = raw as Record<string, unknown>;
      for (const name of LOAD_ORDER) {
        if (!(name in stored)) continue;
        const next = applySettingsPatch(settings, { [name]: stored[name] });
        if (next.ok) settings = next.value;
      }
      return settings;
    },
    save(settings) {
      writeFileDurably(path, settingsText(settings));
    },
  };
}
