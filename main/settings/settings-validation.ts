import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { FIELDS, SETTING_NAMES, type SettingName } from "../../app/setting-fields";
import type { Settings, SettingsPatch } from "../../app/settings";
import { parseInitiatorId } from "../../app/tid";
import { isAbsolute } from "node:path";

/** Eko's developer keys are hex-like tokens; allow the usual token alphabet, nothing else. */
const DEVELOPER_KEY = /^[A-Za-z0-9_-]{8,}$/;
/**
 * Eko's user codes are 8 digits (its UAT user_code is 20810200; its docs show 20310003 too). Eko
 * publishes no other length, so exactly 8 ASCII digits are accepted.
 */
const USER_CODE_PATTERN = /^[0-9]{8}$/;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A helpline or grievance contact goes on paper as one line: letters of any script, digits, spaces
 * and the signs of phone numbers, e-mail and postal addresses; no control characters.
 */
const CONTACT = /^[\p{L}\p{N}+][\p{L}\p{M}\p{N} +\-@.,:;/()#&'_]*$/u;

/** A printer's name as the OS lists it, or a token's label: one line of printable text. */
const ONE_LINE = (text: string) => (/\p{Cc}/u.test(text) ? err("bad-characters") : ok(text));

/**
 * The rules of text beyond its length, by field: the trimmed, non-blank text, accepted (perhaps
 * rewritten, as a URL is) or refused with a reason. A text setting without a rule here is one line.
 */
const TEXT_RULES: Partial<Record<SettingName, (text: string) => Result<string, string>>> = {
  customBaseUrl: (text) => reasonOnly(checkBaseUrl(text)),
  developerKey: (text) => (DEVELOPER_KEY.test(text) ? ok(text) : err("bad-shape")),
  initiatorId: (text) => reasonOnly(parseInitiatorId(text)),
  userCode: (text) => (USER_CODE_PATTERN.test(text) ? ok(text) : err("not-8-digits")),
  helpline: (text) => (CONTACT.test(text) ? ok(text) : err("bad-characters")),
  grievanceContact: (text) => (CONTACT.test(text) ? ok(text) : err("bad-characters")),
};

function reasonOnly(result: Result<string, RefundDeskError>): Result<string, string> {
  return result.ok ? result : err(result.error.kind === "invalid-input" ? result.error.reason : "not-valid");
}

/** Applies a patch to settings, refusing the first field that is not acceptable, with its reason. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Result<Settings, RefundDeskError> {
  const checked = checkSettingsPatch(current, patch);
  return checked.ok ? checked : err(checked.error[0] as RefundDeskError);
}

/**
 * Applies a patch to settings as a whole: the fields are judged together (a custom environment
 * with the base URL of the same patch is fine in any order), and every unacceptable field is
 * listed with its reason; nothing is applied unless all are acceptable. Each field is judged by
 * its kind and bounds in the field table, then by its own rule; settings.json is read back as-is,
 * so a hand-edited value of the wrong type is refused, never thrown on.
 */
export function checkSettingsPatch(
  current: Settings,
  patch: SettingsPatch,
  /** Who asks: a setting only a policy sets is refused from anyone else. */
  from: "user" | "policy" = "user",
): Result<Settings, RefundDeskError[]> {
  const next: Record<string, unknown> = { ...current };
  const problems: RefundDeskError[] = [];
  const refuse = (field: string, reason: string) => problems.push({ kind: "invalid-input", field, reason });
  for (const name of SETTING_NAMES) {
    const value: unknown = patch[name];
    if (value === undefined) continue;
    const checked = checkSetting(name, value, from);
    if (checked.ok) next[name] = checked.value;
    else refuse(name, checked.error);
  }
  // Only when the URL itself was acceptable: a bad one is already listed with its own reason.
  const urlRefused = problems.some((problem) => problem.kind === "invalid-input" && problem.field === "customBaseUrl");
  if (next.environment === "custom" && !next.customBaseUrl && !urlRefused)
    refuse("customBaseUrl", "required-for-custom");
  return problems.length > 0 ? err(problems) : ok(next as Settings);
}

/** One setting's value as stored, or the reason it is refused. */
function checkSetting(name: SettingName, value: unknown, from: "user" | "policy"): Result<unknown, string> {
  // The token's library is code loaded into main, the journal's retention deletes records: only a policy sets them.
  if (FIELDS[name].setBy === "policy" && from === "user") return err("policy-only");
  const kind = FIELDS[name].kind;
  switch (kind.type) {
    case "enum":
      return (kind.values as readonly unknown[]).includes(value) ? ok(value) : err("unknown-choice");
    case "boolean":
      return typeof value === "boolean" ? ok(value) : err("not-yes-or-no");
    case "number":
      return Number.isInteger(value) && (value as number) >= kind.min && (value as number) <= kind.max
        ? ok(value)
        : err("out-of-range");
    case "text": {
      if (value !== null && typeof value !== "string") return err("not-text");
      const text = value?.trim() ?? "";
      // Blank clears: to none, or to the default a label falls back to.
      if (text === "") return ok(FIELDS[name].default);
      // The field's own rule first, so a 9-digit user code is refused as not 8 digits.
      const ruled = (TEXT_RULES[name] ?? ONE_LINE)(text);
      const length = "bytes" in kind ? Buffer.byteLength(text, "utf8") : [...text].length;
      return ruled.ok && length > kind.maxLength ? err("too-long") : ruled;
    }
  }
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
