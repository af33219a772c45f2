import type { Policy, PolicyField, PolicyFieldError } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import {
  FIELDS,
  POLICY_FIELDS,
  SETTING_NAMES,
  policyField,
  policyName,
  type PolicyFieldSpec,
} from "../../app/setting-fields";
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from "../../app/settings";
import { parsePinHash, pinStrengthProblem } from "../admin/pin-hash";
import { checkModulePath, checkSettingsPatch } from "../settings/settings-validation";

/**
 * Where a policy is read: "provision" is the file an admin hands to `refund-desk provision` (it may
 * carry the PIN in clear, which provisioning hashes); "machine" is the machine-wide file, readable
 * by every user of the computer, so it may carry only the PIN's hash.
 */
export type PolicyUse = "provision" | "machine";

/** How the admin PIN arrived: in clear (provision only) or already hashed. */
type PolicyPin = { clear: string } | { hash: string };

export interface ValidPolicy {
  policy: Policy;
  pin: PolicyPin | null;
}

/** Generous for any real file; a bigger one is a mistake, not a policy. */
export const MAX_POLICY_BYTES = 64 * 1024;
/**
 * Letters (any script, so Devanagari names work), digits and a few separators, starting with a
 * letter or digit: the name goes into CSV exports, where a leading = + - @ would be a formula.
 */
const COUNTER_NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Pd} ._#/()&]*$/u;

/** The policy's fields that passed their shape check, by the name the admin writes. */
type Shaped = Record<string, unknown>;

export function parsePolicyJson(text: string, use: PolicyUse): Result<ValidPolicy, PolicyFieldError[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err([invalid("file", "not-json")]);
  }
  return validatePolicy(raw, use);
}

/**
 * Every problem at once, each naming its field and reason, so an admin fixes the file in one go:
 * an unknown field or one of the wrong type does not hide what is wrong with the others. One
 * reason per field (the first found); listed unknown fields first, then in the field table's order.
 */
export function validatePolicy(raw: unknown, use: PolicyUse): Result<ValidPolicy, PolicyFieldError[]> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return err([invalid("file", "not-an-object")]);
  const input = raw as Record<string, unknown>;
  const errors = new Map<string, PolicyFieldError>();
  const refuse: Refuse = (field, reason) => {
    if (!errors.has(field)) errors.set(field, invalid(field, reason));
  };
  for (const key of Object.keys(input)) if (!policyField(key)) refuse(key, "unknown-field");
  const shaped: Shaped = {};
  for (const field of POLICY_FIELDS) {
    const value = Object.hasOwn(input, field.name) ? input[field.name] : undefined;
    if (value === undefined) {
      if (field.required) refuse(field.name, "required");
      continue;
    }
    const problem = shapeProblem(field, value);
    if (problem) refuse(field.name, problem);
    else shaped[field.name] = value;
  }

  const settings = settingFields(shaped, refuse);
  const environment = settings.environment;
  if (shaped.baseUrl !== undefined && environment !== "custom") refuse("baseUrl", "only-for-custom");
  // Eko needs both outside Practice; Practice signs with the simulator's own credentials.
  if (environment !== undefined && environment !== "practice") {
    if (settings.developerKey === undefined) refuse("developerKey", "required-outside-practice");
    if (settings.initiatorId === undefined) refuse("initiatorId", "required-outside-practice");
  }
  const pkcs11Module = tokenFields(shaped, settings, use, refuse);
  const counterName = typeof shaped.counterName === "string" ? shaped.counterName.trim() : "";
  if (shaped.counterName !== undefined) {
    if (counterName === "") refuse("counterName", "empty");
    else if (!COUNTER_NAME.test(counterName)) refuse("counterName", "bad-characters");
  }
  const pin = checkPin(shaped, use, refuse);

  if (errors.size > 0 || environment === undefined) return err(inTableOrder([...errors.values()]));
  return ok({
    policy: {
      ...settings,
      environment,
      counterName,
      kioskMode: shaped.kioskMode as boolean,
      settingsLocked: shaped.settingsLocked as boolean,
      ...(pkcs11Module !== undefined ? { pkcs11Module } : {}),
    },
    pin,
  });
}

/** A field's type, and a policy field's own length; the settings' bounds are their rules' (below). */
function shapeProblem(field: PolicyFieldSpec, value: unknown): string | null {
  const kind = field.kind;
  if (kind.type === "boolean") return typeof value === "boolean" ? null : "expected-boolean";
  if (kind.type === "number") {
    if (typeof value !== "number") return "expected-number";
    // A number past the safe whole numbers is out of range, as any other outside its field's limits.
    return Number.isSafeInteger(value) ? null : Number.isInteger(value) ? "out-of-range" : "not-a-whole-number";
  }
  if (typeof value !== "string") return "expected-string";
  const isSetting = (SETTING_NAMES as readonly string[]).includes(field.name) || field.name === "baseUrl";
  return kind.type === "text" && !isSetting && [...value.trim()].length > kind.maxLength ? "too-long" : null;
}

/** The settings a policy sets by their rules; the token's library is judged apart (tokenFields). */
const POLICY_SETTING_NAMES = SETTING_NAMES.filter(
  (name) => FIELDS[name].setBy === "anyone" || (FIELDS[name].setBy === "policy" && name !== "pkcs11Module"),
);

/**
 * The settings a policy names, judged together by the settings' own rules (so the rules are the
 * same); blank text is left out. The token's library is judged apart (tokenFields).
 */
function settingFields(shaped: Shaped, refuse: Refuse): Partial<Policy> {
  const patch: SettingsPatch = {};
  for (const name of POLICY_SETTING_NAMES)
    if (shaped[policyName(name)] !== undefined) Object.assign(patch, { [name]: shaped[policyName(name)] });
  const checked = checkSettingsPatch(DEFAULT_SETTINGS, patch, "policy");
  if (!checked.ok) {
    for (const error of checked.error)
      if (error.kind === "invalid-input") refuse(policyName(error.field as keyof typeof FIELDS), error.reason);
  }
  const values: Record<string, unknown> = {};
  for (const name of POLICY_SETTING_NAMES) {
    const value = checked.ok ? checked.value[name] : patch[name];
    const refused = !checked.ok && checked.error.some((e) => e.kind === "invalid-input" && e.field === name);
    if (patch[name] !== undefined && value !== null && !refused) values[policyName(name)] = value;
  }
  return values;
}

function inTableOrder(errors: PolicyFieldError[]): PolicyFieldError[] {
  const rank = (field: string) => POLICY_FIELDS.findIndex((spec) => spec.name === field);
  return errors.sort((a, b) => rank(a.field) - rank(b.field));
}

/**
 * The settings in force: the user's, with every field the policy sets replaced by the policy's.
 * The policy wins; what it leaves out (an optional timeout, say) stays the user's. A setting only
 * a policy sets (the token's library) is the policy's or none, even under an open policy.
 */
export function overlayPolicy(settings: Settings, policy: Policy): Settings {
  const next: Record<string, unknown> = { ...settings };
  const values = policy as Record<string, unknown>;
  for (const name of SETTING_NAMES) {
    const value = values[policyName(name)];
    if (value !== undefined) next[name] = value;
    else if (FIELDS[name].setBy === "policy") next[name] = FIELDS[name].default;
  }
  return next as Settings;
}

/** A policy carrying these settings, with the counter, kiosk and lock of `base`; unset text left out. */
export function policyFromSettings(base: Policy, settings: Settings): Policy {
  const values: Record<string, unknown> = {
    counterName: base.counterName,
    kioskMode: base.kioskMode,
    settingsLocked: base.settingsLocked,
  };
  for (const name of SETTING_NAMES) {
    const value = settings[name];
    if (value === null || (name === "customBaseUrl" && settings.environment !== "custom")) continue;
    values[policyName(name)] = value;
  }
  return values as Policy;
}

/** Notes a field's problem; unknown fields are named as the admin wrote them. */
type Refuse = (field: PolicyField | (string & {}), reason: string) => void;

/**
 * The token's library path; with signer pkcs11 the policy names the library and the token too. An
 * open provisioned counter runs on settings.json, which never names a library: provisioning sets
 * one only with the settings locked (or the machine policy does, locked or not).
 */
function tokenFields(shaped: Shaped, checked: Partial<Policy>, use: PolicyUse, refuse: Refuse): string | undefined {
  const module = shaped.pkcs11Module as string | undefined;
  let pkcs11Module: string | undefined;
  if (module !== undefined && use === "provision" && shaped.settingsLocked !== true)
    refuse("pkcs11Module", "needs-settings-locked");
  else if (module !== undefined) {
    const path = checkModulePath(module);
    if (path.ok) pkcs11Module = path.value;
    else refuse("pkcs11Module", reasonOf(path.error));
  }
  if (checked.signer === "pkcs11") {
    if (module === undefined) refuse("pkcs11Module", "required-for-pkcs11");
    if (shaped.pkcs11Token === undefined) refuse("pkcs11Token", "required-for-pkcs11");
  }
  return pkcs11Module;
}

function checkPin(shaped: Shaped, use: PolicyUse, refuse: Refuse): PolicyPin | null {
  const clear = shaped.adminPin as string | undefined;
  const hash = shaped.adminPinHash as string | undefined;
  let pin: PolicyPin | null = null;
  if (clear !== undefined) {
    if (use === "machine") refuse("adminPin", "clear-pin-not-allowed-here");
    else if (hash !== undefined) refuse("adminPin", "pin-and-hash-both-given");
    else if (pinStrengthProblem(clear)) refuse("adminPin", pinStrengthProblem(clear) as string);
    else pin = { clear };
  } else if (hash !== undefined) {
    if (parsePinHash(hash) === null) refuse("adminPinHash", "not-a-pin-hash");
    else pin = { hash };
  }
  // Without a PIN nobody could leave kiosk mode or unlock the settings at the counter.
  const needsPin = shaped.kioskMode === true || shaped.settingsLocked === true;
  if (needsPin && clear === undefined && hash === undefined) {
    refuse(use === "machine" ? "adminPinHash" : "adminPin", "required-for-kiosk-or-lock");
  }
  return pin;
}

function reasonOf(error: { kind: string }): string {
  return "reason" in error && typeof error.reason === "string" ? error.reason : "not-valid";
}

function invalid(field: string, reason: string): PolicyFieldError {
  return { kind: "invalid-input", field, reason };
}
