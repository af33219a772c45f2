import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { ENVIRONMENTS, MAX_RESEND_COOLDOWN_MS, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, type Settings, type SettingsPatch } from "../../app/settings";
import { parseInitiatorId } from "../../app/tid";

/** Eko's developer keys are hex-like tokens; allow the usual token alphabet, nothing else. */
const DEVELOPER_KEY = /^[A-Za-z0-9_-]{8,128}$/;
/**
 * Eko's user codes are 8 digits (its UAT user_code is 20810200; its docs show 20310003 too). Eko
 * publishes no other length, so exactly 8 ASCII digits are accepted.
 */
export const USER_CODE_PATTERN = /^[0-9]{8}$/;
/** A printer's name as the OS lists it: printable text, no control characters, not a path's worth. */
const PRINTER_NAME = /^[^\p{Cc}]{1,128}$/u;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const TEXT_FIELDS = ["customBaseUrl", "developerKey", "initiatorId"] as const;

/** Applies a patch to settings, refusing the first field that is not acceptable, with its reason. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Result<Settings, RefundDeskError> {
  const next: Settings = { ...current };
  // Patches from IPC are schema-checked, but settings.json is read back as-is: a hand-edited
  // number where text belongs must be refused, not thrown on.
  for (const field of TEXT_FIELDS) {
    const value = patch[field];
    if (value !== undefined && value !== null && typeof value !== "string") return invalid(field, "not-text");
  }
  if (patch.environment !== undefined) {
    if (!ENVIRONMENTS.includes(patch.environment)) return invalid("environment", "unknown-environment");
    next.environment = patch.environment;
  }
  if (patch.customBaseUrl !== undefined) {
    if (patch.customBaseUrl === null || patch.customBaseUrl.trim() === "") next.customBaseUrl = null;
    else {
      const url = checkBaseUrl(patch.customBaseUrl.trim());
      if (!url.ok) return url;
      next.customBaseUrl = url.value;
    }
  }
  if (patch.developerKey !== undefined) {
    const key = patch.developerKey?.trim() ?? "";
    if (key !== "" && !DEVELOPER_KEY.test(key)) return invalid("developerKey", "bad-shape");
    next.developerKey = key === "" ? null : key;
  }
  if (patch.initiatorId !== undefined) {
    const raw = patch.initiatorId?.trim() ?? "";
    if (raw === "") next.initiatorId = null;
    else {
      const id = parseInitiatorId(raw);
      if (!id.ok) return id;
      next.initiatorId = id.value;
    }
  }
  if (patch.userCode !== undefined) {
    // settings.json is hand-editable: an unquoted 20810200 arrives as a number.
    if (patch.userCode !== null && typeof patch.userCode !== "string") return invalid("userCode", "not-8-digits");
    const code = patch.userCode?.trim() ?? "";
    if (code !== "" && !USER_CODE_PATTERN.test(code)) return invalid("userCode", "not-8-digits");
    next.userCode = code === "" ? null : code;
  }
  if (patch.timeoutMs !== undefined) {
    if (!Number.isInteger(patch.timeoutMs) || patch.timeoutMs < MIN_TIMEOUT_MS || patch.timeoutMs > MAX_TIMEOUT_MS) return invalid("timeoutMs", "out-of-range");
    next.timeoutMs = patch.timeoutMs;
  }
  if (patch.resendCooldownMs !== undefined) {
    if (!Number.isInteger(patch.resendCooldownMs) || patch.resendCooldownMs < 0 || patch.resendCooldownMs > MAX_RESEND_COOLDOWN_MS) return invalid("resendCooldownMs", "out-of-range");
    next.resendCooldownMs = patch.resendCooldownMs;
  }
  if (patch.printerName !== undefined) {
    const name = typeof patch.printerName === "string" ? patch.printerName.trim() : patch.printerName;
    if (name !== null && typeof name !== "string") return invalid("printerName", "not-text");
    if (name && !PRINTER_NAME.test(name)) return invalid("printerName", "bad-characters");
    next.printerName = name ? name : null;
  }
  if (next.environment === "custom" && !next.customBaseUrl) return invalid("customBaseUrl", "required-for-custom");
  return ok(next);
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
