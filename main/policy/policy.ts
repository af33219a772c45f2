import { z } from "zod";
import type { Policy, PolicyField, PolicyFieldError } from "../../app/policy";
import { err, ok, type Result } from "../../app/result";
import {
  DEFAULT_SETTINGS,
  ENVIRONMENTS,
  MAX_JOURNAL_RETENTION_MONTHS,
  MIN_JOURNAL_RETENTION_MONTHS,
  type Settings,
} from "../../app/settings";
import { parsePinHash, pinStrengthProblem } from "../admin/pin-hash";
import { POLICY_FIELDS, type PolicyFieldSpec } from "./policy-fields";
import { applySettingsPatch, checkBaseUrl, checkModulePath } from "../settings/settings-validation";

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
const MAX_COUNTER_NAME = 64;
/**
 * Letters (any script, so Devanagari names work), digits and a few separators, starting with a
 * letter or digit: the name goes into CSV exports, where a leading = + - @ would be a formula.
 */
const COUNTER_NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Pd} ._#/()&]*$/u;

/** Shape only, strict (an unknown or misspelt field is refused); meanings are checked below. */
const POLICY_SHAPE = z.strictObject(Object.fromEntries(POLICY_FIELDS.map((field) => [field.name, fieldShape(field)])));

function fieldShape(field: PolicyFieldSpec): z.ZodType {
  const kind = field.kind;
  // Enum values and number ranges are checked with the settings' own rules below, for their reasons.
  const shape =
    kind.type === "boolean"
      ? z.boolean()
      : kind.type === "number"
        ? z.number().int()
        : z.string().max(kind.type === "enum" ? 32 : kind.maxLength);
  return field.required ? shape : shape.optional();
}

interface PolicyShape {
  environment: string;
  baseUrl?: string;
  developerKey?: string;
  initiatorId?: string;
  userCode?: string;
  counterName: string;
  kioskMode: boolean;
  settingsLocked: boolean;
  adminPin?: string;
  adminPinHash?: string;
  timeoutMs?: number;
  resendCooldownMs?: number;
  printerName?: string;
  paperSize?: string;
  agentCopy?: string;
  receiptLanguages?: string;
  helpline?: string;
  grievanceContact?: string;
  rbiGrievance?: boolean;
  idleClearMinutes?: number;
  maxClockCorrectionMinutes?: number;
  signer?: string;
  pkcs11Module?: string;
  pkcs11Token?: string;
  pkcs11Key?: string;
  journalRetentionMonths?: number;
}

/** The receipt and counter fields (the clock's bound, the signer), checked by the settings' own rules. */
const RECEIPT_FIELDS = [
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
] as const;
type ReceiptField = (typeof RECEIPT_FIELDS)[number];

export function parsePolicyJson(text: string, use: PolicyUse): Result<ValidPolicy, PolicyFieldError[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err([invalid("file", "not-json")]);
  }
  return validatePolicy(raw, use);
}

/** Every problem at once, each naming its field and reason, so an admin fixes the file in one go. */
export function validatePolicy(raw: unknown, use: PolicyUse): Result<ValidPolicy, PolicyFieldError[]> {
  const shaped = POLICY_SHAPE.safeParse(raw);
  if (!shaped.success) return err(shapeErrors(shaped.error.issues, raw));
  const input = shaped.data as unknown as PolicyShape;
  const errors: PolicyFieldError[] = [];
  const refuse = (field: PolicyField, reason: string) => errors.push(invalid(field, reason));

  const environment = ENVIRONMENTS.find((e) => e === input.environment);
  if (!environment) refuse("environment", "unknown-environment");

  let baseUrl: string | undefined;
  if (input.baseUrl !== undefined && environment !== "custom") refuse("baseUrl", "only-for-custom");
  else if (environment === "custom") {
    if (input.baseUrl === undefined) refuse("baseUrl", "required-for-custom");
    else {
      const url = checkBaseUrl(input.baseUrl.trim());
      if (url.ok) baseUrl = url.value;
      else refuse("baseUrl", reasonOf(url.error));
    }
  }

  // Eko needs both outside Practice; Practice signs with the simulator's own credentials.
  const needsAccount = environment !== undefined && environment !== "practice";
  const developerKey = settingValue("developerKey", input.developerKey, needsAccount, refuse);
  const initiatorId = settingValue("initiatorId", input.initiatorId, needsAccount, refuse);
  const userCode = settingValue("userCode", input.userCode, false, refuse);
  const timeoutMs = numberSetting("timeoutMs", input.timeoutMs, refuse);
  const resendCooldownMs = numberSetting("resendCooldownMs", input.resendCooldownMs, refuse);
  const printerName = printerSetting(input.printerName, refuse);

  const receipt: Partial<Pick<Policy, ReceiptField>> = {};
  for (const field of RECEIPT_FIELDS) {
    if (input[field] === undefined) continue;
    const checked = applySettingsPatch(DEFAULT_SETTINGS, { [field]: input[field] });
    if (!checked.ok) refuse(field, reasonOf(checked.error));
    else if (checked.value[field] !== null) Object.assign(receipt, { [field]: checked.value[field] });
  }

  const pkcs11Module = tokenFields(input, receipt, use, refuse);
  const journalRetentionMonths = retentionSetting(input.journalRetentionMonths, refuse);

  const counterName = input.counterName.trim();
  if (counterName === "") refuse("counterName", "empty");
  else if ([...counterName].length > MAX_COUNTER_NAME) refuse("counterName", "too-long");
  else if (!COUNTER_NAME.test(counterName)) refuse("counterName", "bad-characters");

  const pin = checkPin(input, use, refuse);

  if (errors.length > 0 || !environment) return err(errors);
  return ok({
    policy: {
      environment,
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(developerKey !== undefined ? { developerKey } : {}),
      ...(initiatorId !== undefined ? { initiatorId } : {}),
      ...(userCode !== undefined ? { userCode } : {}),
      counterName,
      kioskMode: input.kioskMode,
      settingsLocked: input.settingsLocked,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(resendCooldownMs !== undefined ? { resendCooldownMs } : {}),
      ...(printerName !== undefined ? { printerName } : {}),
      ...receipt,
      ...(pkcs11Module !== undefined ? { pkcs11Module } : {}),
      ...(journalRetentionMonths !== undefined ? { journalRetentionMonths } : {}),
    },
    pin,
  });
}

/**
 * The settings in force: the user's, with every field the policy sets replaced by the policy's.
 * The policy wins; what it leaves out (an optional timeout, say) stays the user's.
 */
export function overlayPolicy(settings: Settings, policy: Policy): Settings {
  return {
    ...settings,
    environment: policy.environment,
    customBaseUrl: policy.baseUrl ?? settings.customBaseUrl,
    developerKey: policy.developerKey ?? settings.developerKey,
    initiatorId: policy.initiatorId ?? settings.initiatorId,
    userCode: policy.userCode ?? settings.userCode,
    timeoutMs: policy.timeoutMs ?? settings.timeoutMs,
    resendCooldownMs: policy.resendCooldownMs ?? settings.resendCooldownMs,
    printerName: policy.printerName ?? settings.printerName,
    paperSize: policy.paperSize ?? settings.paperSize,
    agentCopy: policy.agentCopy ?? settings.agentCopy,
    receiptLanguages: policy.receiptLanguages ?? settings.receiptLanguages,
    helpline: policy.helpline ?? settings.helpline,
    grievanceContact: policy.grievanceContact ?? settings.grievanceContact,
    rbiGrievance: policy.rbiGrievance ?? settings.rbiGrievance,
    idleClearMinutes: policy.idleClearMinutes ?? settings.idleClearMinutes,
    maxClockCorrectionMinutes: policy.maxClockCorrectionMinutes ?? settings.maxClockCorrectionMinutes,
    signer: policy.signer ?? settings.signer,
    // A policy's alone: never the user's, even under an open policy.
    pkcs11Module: policy.pkcs11Module ?? null,
    pkcs11Token: policy.pkcs11Token ?? settings.pkcs11Token,
    pkcs11Key: policy.pkcs11Key ?? settings.pkcs11Key,
    // A policy's alone, like the library: the account never removes its own journal.
    journalRetentionMonths: policy.journalRetentionMonths ?? null,
  };
}

/** A policy carrying these settings, with the counter, kiosk and lock of `base`. */
export function policyFromSettings(base: Policy, settings: Settings): Policy {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    value === null ? {} : ({ [key]: value } as Record<K, V>);
  return {
    environment: settings.environment,
    ...optional("baseUrl", settings.environment === "custom" ? settings.customBaseUrl : null),
    ...optional("developerKey", settings.developerKey),
    ...optional("initiatorId", settings.initiatorId),
    ...optional("userCode", settings.userCode),
    counterName: base.counterName,
    kioskMode: base.kioskMode,
    settingsLocked: base.settingsLocked,
    timeoutMs: settings.timeoutMs,
    resendCooldownMs: settings.resendCooldownMs,
    ...optional("printerName", settings.printerName),
    paperSize: settings.paperSize,
    agentCopy: settings.agentCopy,
    receiptLanguages: settings.receiptLanguages,
    ...optional("helpline", settings.helpline),
    ...optional("grievanceContact", settings.grievanceContact),
    rbiGrievance: settings.rbiGrievance,
    idleClearMinutes: settings.idleClearMinutes,
    maxClockCorrectionMinutes: settings.maxClockCorrectionMinutes,
    signer: settings.signer,
    ...optional("pkcs11Module", settings.pkcs11Module),
    ...optional("pkcs11Token", settings.pkcs11Token),
    pkcs11Key: settings.pkcs11Key,
    ...optional("journalRetentionMonths", settings.journalRetentionMonths),
  };
}

type Refuse = (field: PolicyField, reason: string) => void;

/**
 * The token's library path; with signer pkcs11 the policy names the library and the token too. An
 * open provisioned counter runs on settings.json, which never names a library: provisioning sets
 * one only with the settings locked (or the machine policy does, locked or not).
 */
function tokenFields(input: PolicyShape, checked: Partial<Policy>, use: PolicyUse, refuse: Refuse): string | undefined {
  let pkcs11Module: string | undefined;
  if (input.pkcs11Module !== undefined && use === "provision" && !input.settingsLocked)
    refuse("pkcs11Module", "needs-settings-locked");
  else if (input.pkcs11Module !== undefined) {
    const path = checkModulePath(input.pkcs11Module);
    if (path.ok) pkcs11Module = path.value;
    else refuse("pkcs11Module", reasonOf(path.error));
  }
  if (checked.signer === "pkcs11") {
    if (input.pkcs11Module === undefined) refuse("pkcs11Module", "required-for-pkcs11");
    if (input.pkcs11Token === undefined) refuse("pkcs11Token", "required-for-pkcs11");
  }
  return pkcs11Module;
}

function checkPin(input: PolicyShape, use: PolicyUse, refuse: Refuse): PolicyPin | null {
  let pin: PolicyPin | null = null;
  if (input.adminPin !== undefined) {
    if (use === "machine") refuse("adminPin", "clear-pin-not-allowed-here");
    else if (input.adminPinHash !== undefined) refuse("adminPin", "pin-and-hash-both-given");
    else if (pinStrengthProblem(input.adminPin)) refuse("adminPin", pinStrengthProblem(input.adminPin) as string);
    else pin = { clear: input.adminPin };
  } else if (input.adminPinHash !== undefined) {
    if (parsePinHash(input.adminPinHash) === null) refuse("adminPinHash", "not-a-pin-hash");
    else pin = { hash: input.adminPinHash };
  }
  // Without a PIN nobody could leave kiosk mode or unlock the settings at the counter.
  if ((input.kioskMode || input.settingsLocked) && input.adminPin === undefined && input.adminPinHash === undefined) {
    refuse(use === "machine" ? "adminPinHash" : "adminPin", "required-for-kiosk-or-lock");
  }
  return pin;
}

/** Eko account fields through the settings' own validation, so the rules are the same. */
function settingValue(
  field: "developerKey" | "initiatorId" | "userCode",
  value: string | undefined,
  required: boolean,
  refuse: Refuse,
): string | undefined {
  if (value === undefined || value.trim() === "") {
    if (required) refuse(field, "required-outside-practice");
    return undefined;
  }
  const checked = applySettingsPatch(DEFAULT_SETTINGS, { [field]: value });
  if (!checked.ok) {
    refuse(field, reasonOf(checked.error));
    return undefined;
  }
  return checked.value[field] ?? undefined;
}

/** applySettingsPatch keeps an absent name as it was and reads a blank one as none: both are left out. */
function printerSetting(value: string | undefined, refuse: Refuse): string | undefined {
  const checked = applySettingsPatch(DEFAULT_SETTINGS, { printerName: value });
  if (!checked.ok) {
    refuse("printerName", reasonOf(checked.error));
    return undefined;
  }
  return checked.value.printerName ?? undefined;
}

function retentionSetting(value: number | undefined, refuse: Refuse): number | undefined {
  if (value === undefined) return undefined;
  if (Number.isInteger(value) && value >= MIN_JOURNAL_RETENTION_MONTHS && value <= MAX_JOURNAL_RETENTION_MONTHS)
    return value;
  refuse("journalRetentionMonths", "out-of-range");
  return undefined;
}

function numberSetting(
  field: "timeoutMs" | "resendCooldownMs",
  value: number | undefined,
  refuse: Refuse,
): number | undefined {
  // An absent value is left as it was by applySettingsPatch: the default, which the policy leaves out.
  const checked = applySettingsPatch(DEFAULT_SETTINGS, { [field]: value });
  if (!checked.ok) {
    refuse(field, reasonOf(checked.error));
    return undefined;
  }
  return value;
}

function shapeErrors(issues: z.core.$ZodIssue[], raw: unknown): PolicyFieldError[] {
  return issues.flatMap((issue): PolicyFieldError[] => {
    // The policy is flat: an issue names one field, or none when the whole is not an object.
    const field = String(issue.path[0] ?? "");
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => invalid(key, "unknown-field"));
    if (field === "") return [invalid("file", "not-an-object")];
    if (issue.code === "invalid_type") {
      // A field's own issue means the policy is an object.
      if (!Object.hasOwn(raw as object, field)) return [invalid(field, "required")];
      return [invalid(field, issue.expected === "int" ? "not-a-whole-number" : `expected-${issue.expected}`)];
    }
    // A number past the safe whole numbers is out of range, as any other outside its field's limits.
    if (issue.code === "too_big" || issue.code === "too_small")
      return [invalid(field, issue.origin === "string" ? "too-long" : "out-of-range")];
    return [invalid(field, "not-valid")];
  });
}

function reasonOf(error: { kind: string }): string {
  return "reason" in error && typeof error.reason === "string" ? error.reason : "not-valid";
}

function invalid(field: string, reason: string): PolicyFieldError {
  return { kind: "invalid-input", field, reason };
}
