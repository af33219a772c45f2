import { accessKeyFrom } from "../../app/access-key";
import type { RefundDeskError } from "../../app/errors";
import type { Policy } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, type SettingsView } from "../../app/settings";
import { LOCKED_OUT_FIELDS, type SettingsLock } from "../admin/settings-lock";
import { baseUrlFor, keyBaseUrl } from "../eko/endpoint";
import type { AccessKey } from "../keychain/access-key";
import { tokenPinFrom } from "../../app/token-pin";
import type { TokenClient } from "../signer/token-client";
import { putKeyInToken } from "../signer/token-key";
import type { TokenPin } from "../signer/token-pin";
import { readsUserSettings, settingsInForce, type SettingsSource } from "../policy/settings-in-force";
import { PRACTICE_LIST } from "../simulator/scenarios";
import type { Practice } from "../simulator/practice";
import type { SettingsFile } from "./settings-file";
import { checkSettingsPatch } from "./settings-validation";

export interface SettingsServiceDeps {
  file: SettingsFile;
  /** Where the settings in force come from (desk-policy.ts). */
  source: SettingsSource;
  lock: SettingsLock;
  accessKey: AccessKey;
  /** The token's PIN and the token itself, for signer pkcs11. */
  tokenPin: TokenPin;
  token: TokenClient;
  practice: Practice;
  /**
   * On a locked, provisioned counter: keeps an unlocked edit in the keychain's lock record and
   * answers the policy now in force over the user's settings.
   */
  keepProvisioned?: (next: Settings) => Promise<Result<Policy, RefundDeskError>>;
}

/** The settings and the access key as the window and the CLI read and change them. */
export interface SettingsService {
  /** The settings in force: the user's, with a machine-wide policy's over them. */
  current(): Settings;
  view(): Promise<Result<SettingsView, RefundDeskError>>;
  /** Every field of the patch that would be refused, judged together; empty when it would apply. */
  problems(patch: SettingsPatch): RefundDeskError[];
  update(patch: SettingsPatch): Promise<Result<SettingsView, RefundDeskError>>;
  setAccessKey(input: string): Promise<Result<SettingsView, RefundDeskError>>;
  removeAccessKey(): Promise<Result<SettingsView, RefundDeskError>>;
  /** Stores the token's user PIN in the keychain (signer pkcs11). */
  setTokenPin(input: string): Promise<Result<SettingsView, RefundDeskError>>;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  let source = deps.source;
  // A locked counter does not even read settings.json: no field of it has any say there.
  let userSettings = readsUserSettings(source) ? deps.file.load() : { ...DEFAULT_SETTINGS };
  const current = () => settingsInForce(source, userSettings);
  // A provisioned counter's edits are made to the settings in force, which the keychain keeps.
  const editable = () => (deps.keepProvisioned ? current() : userSettings);

  async function view(): Promise<Result<SettingsView, RefundDeskError>> {
    const settings = current();
    // While locked the agent sees the environment, not the account the counter signs in with.
    const hidden = deps.lock.isLocked() ? Object.fromEntries(LOCKED_OUT_FIELDS.map((field) => [field, null])) : {};
    return ok({
      ...settings,
      ...hidden,
      baseUrl: await baseUrlFor(settings, deps.practice),
      accessKey: await deps.accessKey.state(keyBaseUrl(settings)),
      tokenPin: await deps.tokenPin.state(),
      practiceScenarios:
        settings.environment === "practice" ? PRACTICE_LIST.map(({ tid, scenario }) => ({ tid, scenario })) : [],
    });
  }

  /** The one lock check: every change to the settings or the key goes through here. */
  async function whileOpen(
    change: () => Promise<Result<unknown, RefundDeskError>>,
  ): Promise<Result<SettingsView, RefundDeskError>> {
    if (deps.lock.isLocked()) return err({ kind: "settings-locked" });
    const changed = await change();
    return changed.ok ? view() : changed;
  }

  return {
    current,
    view,
    problems(patch) {
      const checked = checkSettingsPatch(editable(), patch);
      return checked.ok ? [] : checked.error;
    },
    update: (patch) =>
      whileOpen(async () => {
        const next = checkSettingsPatch(editable(), patch);
        if (!next.ok) return err(next.error[0] as RefundDeskError);
        if (deps.keepProvisioned) {
          const kept = await deps.keepProvisioned(next.value);
          if (!kept.ok) return kept;
          source = { from: "policy", policy: kept.value };
        } else if (!readsUserSettings(source)) {
          // The machine policy alone says what a locked counter runs on: an edit here would do nothing.
          return err({ kind: "set-by-policy" });
        }
        deps.file.save(next.value);
        userSettings = next.value;
        return ok(undefined);
      }),
    setAccessKey: (input) =>
      whileOpen(async () => {
        const key = accessKeyFrom(input);
        if (!key.ok) return key;
        // A key is stored for the environment in force and signs only for it.
        const settings = current();
        const baseUrl = keyBaseUrl(settings);
        if (baseUrl === null) return err({ kind: "invalid-input", field: "accessKey", reason: "no-environment" });
        if (settings.signer === "keychain") return deps.accessKey.set(key.value, baseUrl);
        // Into the token; once it is there, a key left in the keychain goes.
        const put = await putKeyInToken(settings, key.value, deps);
        return put.ok ? deps.accessKey.remove() : put;
      }),
    removeAccessKey: () => whileOpen(() => deps.accessKey.remove()),
    setTokenPin: (input) =>
      whileOpen(async () => {
        const pin = tokenPinFrom(input);
        return pin.ok ? deps.tokenPin.set(pin.value) : pin;
      }),
  };
}
