import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import {
  AGENT_COPY_CHOICES,
  ENVIRONMENTS,
  MAX_CONTACT_CHARS,
  MAX_IDLE_CLEAR_MINUTES,
  MAX_MAX_CLOCK_CORRECTION_MINUTES,
  MAX_RESEND_COOLDOWN_MS,
  MAX_TIMEOUT_MS,
  MIN_IDLE_CLEAR_MINUTES,
  MIN_MAX_CLOCK_CORRECTION_MINUTES,
  MIN_TIMEOUT_MS,
  PAPER_SIZES,
  PKCS11_LABEL_MAX_BYTES,
  RECEIPT_LANGUAGE_CHOICES,
  SIGNERS,
  DEFAULT_PKCS11_KEY_LABEL,
  type Settings,
  type SettingsPatch,
} from "../../app/settings";
import { parseInitiatorId } from "../../app/tid";
import { isAbsolute } from "node:path";

/** Eko's developer keys are hex-like tokens; allow the usual token alphabet, nothing else. */
const DEVELOPER_KEY = /^[A-Za-z0-9_-]{8,128}$/;
/**
 * Eko's user codes are 8 digits (its UAT user_code is 20810200; its docs show 20310003 too). Eko
 * publishes no other length, so exactly 8 ASCII digits are accepted.
 */
const USER_CODE_PATTERN = /^[0-9]{8}$/;
/** A printer's name as the OS lists it: printable text, no control characters, not a path's worth. */
const PRINTER_NAME = /^[^\p{Cc}]{1,128}$/u;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const TEXT_FIELDS = ["customBaseUrl", "developerKey", "initiatorId", "helpline", "grievanceContact"] as const;

/**
 * A helpline or grievance contact goes on paper as one line: letters of any script, digits, spaces
 * and the signs of phone numbers, e-mail and postal addresses; no control characters.
 */
const CONTACT = /^[\p{L}\p{N}+][\p{L}\p{M}\p{N} +\-@.,:;/()#&'_]*$/u;

/** Applies a patch to settings, refusing the first field that is not acceptable, with its reason. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Result<Settings, RefundDeskError> {
  const checked = checkSettingsPatch(current, patch);
  return checked.ok ? checked : err(checked.error[0] as RefundDeskError);
}

/**
 * Applies a patch to settings as a whole: the fields are judged together (a custom environment
 * with the base URL of the same patch is fine in any order), and every unacceptable field is
 * listed with its reason; nothing is applied unless all are acceptable.
 */
export function checkSettingsPatch(current: Settings, patch: SettingsPatch): Result<Settings, RefundDeskError[]> {
  const next: Settings = { ...current };
  const problems: RefundDeskError[] = [];
  const refuse = (field: string, reason: string) => problems.push({ kind: "invalid-input", field, reason });
  // Patches from IPC are schema-checked, but settings.json is read back as-is: a hand-edited
  // number where text belongs must be refused, not thrown on.
  const notText = new Set(
    TEXT_FIELDS.filter(
      (field) => patch[field] !== undefined && patch[field] !== null && typeof patch[field] !== "string",
    ),
  );
  for (const field of notText) refuse(field, "not-text");
  if (patch.environment !== undefined) {
    if (!ENVIRONMENTS.includes(patch.environment)) refuse("environment", "unknown-environment");
    else next.environment = patch.environment;
  }
  if (patch.customBaseUrl !== undefined && !notText.has("customBaseUrl")) {
    if (patch.customBaseUrl === null || patch.customBaseUrl.trim() === "") next.customBaseUrl = null;
    else {
      const url = checkBaseUrl(patch.customBaseUrl.trim());
      if (url.ok) next.customBaseUrl = url.value;
      else problems.push(url.error);
    }
  }
  if (patch.developerKey !== undefined && !notText.has("developerKey")) {
    const key = patch.developerKey?.trim() ?? "";
    if (key !== "" && !DEVELOPER_KEY.test(key)) refuse("developerKey", "bad-shape");
    else next.developerKey = key === "" ? null : key;
  }
  if (patch.initiatorId !== undefined && !notText.has("initiatorId")) {
    const raw = patch.initiatorId?.trim() ?? "";
    const id = raw === "" ? ok(null) : parseInitiatorId(raw);
    if (id.ok) next.initiatorId = id.value;
    else problems.push(id.error);
  }
  if (patch.userCode !== undefined) {
    // settings.json is hand-editable: an unquoted 20810200 arrives as a number.
    const code = typeof patch.userCode === "string" ? patch.userCode.trim() : patch.userCode === null ? "" : null;
    if (code === null || (code !== "" && !USER_CODE_PATTERN.test(code))) refuse("userCode", "not-8-digits");
    else next.userCode = code === "" ? null : code;
  }
  if (patch.timeoutMs !== undefined) {
    if (!Number.isInteger(patch.timeoutMs) || patch.timeoutMs < MIN_TIMEOUT_MS || patch.timeoutMs > MAX_TIMEOUT_MS)
      refuse("timeoutMs", "out-of-range");
    else next.timeoutMs = patch.timeoutMs;
  }
  if (patch.resendCooldownMs !== undefined) {
    const cooldown = patch.resendCooldownMs;
    if (!Number.isInteger(cooldown) || cooldown < 0 || cooldown > MAX_RESEND_COOLDOWN_MS)
      refuse("resendCooldownMs", "out-of-range");
    else next.resendCooldownMs = cooldown;
  }
  if (patch.printerName !== undefined) {
    const name = typeof patch.printerName === "string" ? patch.printerName.trim() : patch.printerName;
    if (name !== null && typeof name !== "string") refuse("printerName", "not-text");
    else if (name && !PRINTER_NAME.test(name)) refuse("printerName", "bad-characters");
    else next.printerName = name ? name : null;
  }
  applyReceiptFields(next, patch, refuse);
  applySignerFields(next, patch, refuse);
  // Only when the URL itself was acceptable: a bad one is already listed with its own reason.
  const urlRefused = problems.some((problem) => problem.kind === "invalid-input" && problem.field === "customBaseUrl");
  if (next.environment === "custom" && !next.customBaseUrl && !urlRefused)
    refuse("customBaseUrl", "required-for-custom");
  return problems.length > 0 ? err(problems) : ok(next);
}

/** The receipt and counter fields; `next` is changed in place, each refusal goes to `refuse`. */
function applyReceiptFields(
  next: Settings,
  patch: SettingsPatch,
  refuse: (field: string, reason: string) => void,
): void {
  if (patch.paperSize !== undefined) {
    if (!PAPER_SIZES.includes(patch.paperSize)) refuse("paperSize", "unknown-choice");
    else next.paperSize = patch.paperSize;
  }
  if (patch.agentCopy !== undefined) {
    if (!AGENT_COPY_CHOICES.includes(patch.agentCopy)) refuse("agentCopy", "unknown-choice");
    else next.agentCopy = patch.agentCopy;
  }
  if (patch.receiptLanguages !== undefined) {
    if (!RECEIPT_LANGUAGE_CHOICES.includes(patch.receiptLanguages)) refuse("receiptLanguages", "unknown-choice");
    else next.receiptLanguages = patch.receiptLanguages;
  }
  for (const field of ["helpline", "grievanceContact"] as const) {
    const value = patch[field];
    // A hand-edited number here is already refused as not-text.
    if (value === undefined || (value !== null && typeof value !== "string")) continue;
    const contact = value?.trim() ?? "";
    if ([...contact].length > MAX_CONTACT_CHARS) refuse(field, "too-long");
    else if (contact !== "" && !CONTACT.test(contact)) refuse(field, "bad-characters");
    else next[field] = contact === "" ? null : contact;
  }
  if (patch.rbiGrievance !== undefined) {
    if (typeof patch.rbiGrievance !== "boolean") refuse("rbiGrievance", "not-yes-or-no");
    else next.rbiGrievance = patch.rbiGrievance;
  }
  if (patch.idleClearMinutes !== undefined) {
    const minutes = patch.idleClearMinutes;
    const inRange = Number.isInteger(minutes) && minutes >= MIN_IDLE_CLEAR_MINUTES && minutes <= MAX_IDLE_CLEAR_MINUTES;
    if (!inRange) refuse("idleClearMinutes", "out-of-range");
    else next.idleClearMinutes = minutes;
  }
  if (patch.maxClockCorrectionMinutes !== undefined) {
    const minutes = patch.maxClockCorrectionMinutes;
    const inRange =
      Number.isInteger(minutes) &&
      minutes >= MIN_MAX_CLOCK_CORRECTION_MINUTES &&
      minutes <= MAX_MAX_CLOCK_CORRECTION_MINUTES;
    if (!inRange) refuse("maxClockCorrectionMinutes", "out-of-range");
    else next.maxClockCorrectionMinutes = minutes;
  }
}

/**
 * The signer and the token's labels. The token's library is code loaded into main, so it is never
 * a setting: only a policy (machine or provisioned) names it (checkModulePath).
 */
function applySignerFields(
  next: Settings,
  patch: SettingsPatch,
  refuse: (field: string, reason: string) => void,
): void {
  if (patch.signer !== undefined) {
    if (!SIGNERS.includes(patch.signer)) refuse("signer", "unknown-choice");
    else next.signer = patch.signer;
  }
  if (patch.pkcs11Module !== undefined) refuse("pkcs11Module", "policy-only");
  if (patch.journalRetentionMonths !== undefined) refuse("journalRetentionMonths", "policy-only");
  if (patch.pkcs11Token !== undefined) {
    const label = checkLabel(patch.pkcs11Token);
    if (typeof label === "string" && label.startsWith("!")) refuse("pkcs11Token", label.slice(1));
    else next.pkcs11Token = label;
  }
  if (patch.pkcs11Key !== undefined) {
    const label = checkLabel(patch.pkcs11Key);
    if (typeof label === "string" && label.startsWith("!")) refuse("pkcs11Key", label.slice(1));
    else next.pkcs11Key = label ?? DEFAULT_PKCS11_KEY_LABEL;
  }
}

/** A token or key label: one line of at most 32 bytes of UTF-8; null or blank clears; "!reason" refuses. */
function checkLabel(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== "string") return "!not-text";
  const label = value.trim();
  if (label === "") return null;
  if (/\p{Cc}/u.test(label)) return "!bad-characters";
  if (Buffer.byteLength(label, "utf8") > PKCS11_LABEL_MAX_BYTES) return "!too-long";
  return label;
}

/** The vendor's PKCS#11 library as a policy names it: an absolute path, one line, no search path. */
export function checkModulePath(input: string): Result<string, RefundDeskError> {
  const path = input.trim();
  if (path === "" || /\p{Cc}/u.test(path)) return invalid("pkcs11Module", "bad-characters");
  if (!isAbsolute(path)) return invalid("pkcs11Module", "not-absolute");
  return ok(path);
}

/** https only, except plain http to this machine (the simulator); no credentials or query in it. */
export function checkBaseUrl(input: string): Result<string, RefundDeskError> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return invalid("customBaseUrl", "not-a-url");
  }
  if (url.username || url.password) return invalid("customBaseUrl", "has-credentials");
  if (url.search || url.hash) return invalid("customBaseUrl", "has-query");
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) return invalid("customBaseUrl", "not-https");
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid("customBaseUrl", "not-https");
  return ok(url.toString().replace(/\/+$/, ""));
}

function invalid(field: string, reason: string): Result<never, RefundDeskError> {
  return err({ kind: "invalid-input", field, reason });
}
