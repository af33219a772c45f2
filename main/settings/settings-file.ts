import { readFileSync } from "node:fs";
import { join } from "node:path";
import { USER_SETTING_NAMES, type UserSettingName } from "../../app/setting-fields";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { writeFileDurably } from "../fs/durable-file";
import { applySettingsPatch } from "./settings-validation";

export const SETTINGS_FILE = "settings.json";

/**
 * Each setting a user may set, the environment last so the custom URL it needs is there first.
 * The token's library is not read: it comes from a policy only (a path the account wrote would be
 * code run in main).
 */
const LOAD_ORDER: UserSettingName[] = [...USER_SETTING_NAMES.filter((name) => name !== "environment"), "environment"];

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
