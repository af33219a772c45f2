import type { RefundDeskError } from "../../app/errors";
import { describeError } from "../../app/messages/describe-error";
import type { SettingsPatch } from "../../app/settings";

/** CLI names of settings, mapped to the settings' own names. */
export const CONFIG_NAMES = {
  environment: "environment",
  "base-url": "customBaseUrl",
  "developer-key": "developerKey",
  "initiator-id": "initiatorId",
  "user-code": "userCode",
  "timeout-ms": "timeoutMs",
  "resend-cooldown-ms": "resendCooldownMs",
  "printer-name": "printerName",
  "paper-size": "paperSize",
  "agent-copy": "agentCopy",
  "receipt-languages": "receiptLanguages",
  helpline: "helpline",
  "grievance-contact": "grievanceContact",
  "rbi-grievance": "rbiGrievance",
  "idle-clear-minutes": "idleClearMinutes",
  "max-clock-correction-minutes": "maxClockCorrectionMinutes",
  signer: "signer",
  "pkcs11-module": "pkcs11Module",
  "pkcs11-token": "pkcs11Token",
  "pkcs11-key": "pkcs11Key",
  "journal-retention-months": "journalRetentionMonths",
} as const;

type ConfigName = keyof typeof CONFIG_NAMES;
type SettingKey = (typeof CONFIG_NAMES)[ConfigName];

/** Whole numbers, with the unit `config set` names in its refusal. */
const NUMBER_SETTINGS: ReadonlyMap<SettingKey, string> = new Map([
  ["timeoutMs", "milliseconds"],
  ["resendCooldownMs", "milliseconds"],
  ["idleClearMinutes", "minutes"],
  ["maxClockCorrectionMinutes", "minutes"],
  ["journalRetentionMonths", "months"],
]);
const ON_OFF_SETTINGS: ReadonlySet<SettingKey> = new Set(["rbiGrievance"]);

/** One refused pair of `config set`: the setting as the command line names it, and why. */
export interface ConfigProblem {
  name: string;
  error: RefundDeskError;
  /** One line for people. */
  message: string;
}

const isConfigName = (name: string): name is ConfigName => Object.hasOwn(CONFIG_NAMES, name);

/** The CLI name of a setting named in an error (customBaseUrl → base-url), or the field itself. */
function cliName(field: string): string {
  return Object.entries(CONFIG_NAMES).find(([, key]) => key === field)?.[0] ?? field;
}

function problem(name: string, reason: string, message: string): ConfigProblem {
  return { name, error: { kind: "invalid-input", field: CONFIG_NAMES[name as ConfigName] ?? name, reason }, message };
}

/**
 * `config set`'s arguments as one patch: `name value` pairs and `name=value` tokens, in any order
 * and mixed. The patch holds the pairs that could be read; every one that could not is listed.
 */
export function parseConfigPairs(args: string[]): { patch: SettingsPatch; problems: ConfigProblem[] } {
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
    if (!isConfigName(name)) {
      problems.push(
        problem(name, "unknown-setting", `unknown setting "${name}"; one of: ${Object.keys(CONFIG_NAMES).join(", ")}`),
      );
      continue;
    }
    if (value === undefined) {
      problems.push(problem(name, "needs-value", `${name} needs a value`));
      continue;
    }
    if (seen.has(name)) {
      problems.push(problem(name, "given-twice", `${name} is given twice`));
      continue;
    }
    seen.add(name);
    const key = CONFIG_NAMES[name];
    const unit = NUMBER_SETTINGS.get(key);
    if (unit) {
      if (/^\d+$/.test(value)) patch[key] = Number(value);
      else problems.push(problem(name, "not-a-whole-number", `${name} must be a whole number of ${unit}`));
    } else if (ON_OFF_SETTINGS.has(key)) {
      if (value === "on" || value === "off") patch[key] = value === "on";
      else problems.push(problem(name, "not-on-or-off", `${name} must be on or off`));
    } else patch[key] = value;
  }
  if (args.length === 0) problems.push(problem("", "no-settings", "name at least one setting and its value"));
  return { patch, problems };
}

/** A refusal of the settings' own rules (a URL that is not https, …) as a `config set` problem. */
export function configProblem(error: RefundDeskError): ConfigProblem {
  const name = error.kind === "invalid-input" ? cliName(error.field) : "";
  const { title, action } = describeError(error, "en");
  const reason = error.kind === "invalid-input" ? ` (${error.reason})` : "";
  return { name, error, message: `${name ? `${name}: ` : ""}${title} ${action}${reason}` };
}
