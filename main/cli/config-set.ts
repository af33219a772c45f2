import { LOCKED_OUT_FIELDS } from "../admin/settings-lock";
import type { RefundDeskError } from "../../app/errors";
import { adviceLine, describeError, type Lang } from "../../app/messages/describe-error";
import { SETTING_NAMES, cliName, fieldSpec, type SettingName } from "../../app/setting-fields";
import type { SettingsPatch, SettingsView } from "../../app/settings";
import { cliWords, forCli, type CliMessages } from "../../app/messages/cli-words";
import { fill } from "../../app/messages/describe-error";
import { rows } from "./cli-format";

/** CLI names of settings (base-url, idle-clear-minutes…), mapped to the settings' own names, from the field table. */
export const CONFIG_NAMES: Readonly<Record<string, SettingName>> = Object.fromEntries(
  SETTING_NAMES.map((name) => [cliName(name), name]),
);

/** One refused pair of `config set`: the setting as the command line names it, and why. */
export interface ConfigProblem {
  name: string;
  error: RefundDeskError;
  /** One line for people. */
  message: string;
}

const settingOf = (name: string): SettingName | undefined =>
  Object.hasOwn(CONFIG_NAMES, name) ? CONFIG_NAMES[name] : undefined;

/** The CLI name of a setting named in an error (customBaseUrl → base-url), or the field itself. */
function cliNameOf(field: string): string {
  return (SETTING_NAMES as readonly string[]).includes(field) ? cliName(field as SettingName) : field;
}

function problem(name: string, reason: string, message: string): ConfigProblem {
  return { name, error: { kind: "invalid-input", field: settingOf(name) ?? name, reason }, message };
}

/**
 * `config set`'s arguments as one patch: `name value` pairs and `name=value` tokens, in any order
 * and mixed. The patch holds the pairs that could be read; every one that could not is listed.
 */
export function parseConfigPairs(
  args: string[],
  lang: Lang = "en",
): { patch: SettingsPatch; problems: ConfigProblem[] } {
  const words: CliMessages = cliWords(lang);
  const m = words.config;
  const problems: ConfigProblem[] = [];
  const patch: Record<string, string | number | boolean> = {};
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] as string;
    const at = token.indexOf("=");
    const name = at > 0 ? token.slice(0, at) : token;
    let value: string | undefined;
    if (at > 0) value = token.slice(at + 1);
    else {
      value = args[i + 1];
      i += 1;
    }
    const key = settingOf(name);
    if (key === undefined) {
      problems.push(
        problem(name, "unknown-setting", fill(m.unknownSetting, { name, names: Object.keys(CONFIG_NAMES).join(", ") })),
      );
      continue;
    }
    if (value === undefined) {
      problems.push(problem(name, "needs-value", fill(m.needsValue, { name })));
      continue;
    }
    if (seen.has(name)) {
      problems.push(problem(name, "given-twice", fill(m.givenTwice, { name })));
      continue;
    }
    seen.add(name);
    const kind = fieldSpec(key).kind;
    if (kind.type === "number") {
      if (/^\d+$/.test(value)) patch[key] = Number(value);
      else problems.push(problem(name, "not-a-whole-number", fill(m.wholeNumber, { name, unit: m.units[kind.unit] })));
    } else if (kind.type === "boolean") {
      if (value === "on" || value === "off") patch[key] = value === "on";
      else problems.push(problem(name, "not-on-or-off", fill(m.onOrOff, { name })));
    } else patch[key] = value;
  }
  if (args.length === 0) problems.push(problem("", "no-settings", m.noSettings));
  return { patch, problems };
}

/**
 * A refusal of the settings' own rules (a URL that is not https, …) as a `config set` problem, in
 * the command line's words: "timeout-ms: The waiting time is not valid. timeout-ms takes milliseconds…".
 */
export function configProblem(error: RefundDeskError, lang: Lang = "en"): ConfigProblem {
  const name = error.kind === "invalid-input" ? cliNameOf(error.field) : "";
  const words = adviceLine(describeError(error, lang, forCli(lang)), lang);
  const reason = error.kind === "invalid-input" ? ` (${error.reason})` : "";
  return { name, error, message: `${name ? `${name}: ` : ""}${words}${reason}` };
}

/** One line per setting, by its CLI name, from the field table; then the secrets' state, never the secrets. */
/** `locked`: the view leaves out the account fields, as the window does for the agent (LOCKED_OUT_FIELDS). */
export function formatSettings(view: SettingsView, locked = false, lang: Lang = "en"): string {
  const words: CliMessages = cliWords(lang);
  const m = words.config;
  const hidden: readonly string[] = locked ? LOCKED_OUT_FIELDS : [];
  const shown = (name: SettingName): string => {
    // The URL requests go to now: the custom one, or the environment's own.
    if (name === "customBaseUrl") return view.baseUrl ?? m.none;
    const value = view[name];
    if (typeof value === "boolean") return value ? m.on : m.off;
    if (value === null && hidden.includes(name)) return m.hidden;
    if (value === null) return fieldSpec(name).setBy === "policy" ? m.notSetPolicy : m.notSet;
    return String(value);
  };
  const keyState = { stored: m.inKeychain, missing: view.signer === "pkcs11" ? m.inToken : m.notStored };
  const pinState = { stored: m.inKeychain, missing: m.notStored, unavailable: m.keychainUnavailable };
  return rows([
    ...SETTING_NAMES.map((name) => [cliName(name), shown(name)] as const),
    [m.accessKey, view.accessKey === "unavailable" ? m.keychainUnavailable : keyState[view.accessKey]],
    [m.tokenPin, pinState[view.tokenPin]],
  ]);
}
