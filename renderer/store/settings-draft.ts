/**
 * The settings form as typed (all strings, durations in seconds) and its conversion to the
 * contract's patch (timeout in ms, empty fields cleared). Checked here first so an admin gets the
 * precise reason at once; main checks again with its schema.
 */
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { FIELDS } from "../../app/setting-fields";
import type { Environment, SettingsPatch, SettingsView } from "../../app/settings";
import { parseInitiatorId } from "../../app/tid";

export interface SettingsDraft {
  environment: Environment;
  customBaseUrl: string;
  developerKey: string;
  initiatorId: string;
  userCode: string;
  timeoutSeconds: string;
  resendCooldownSeconds: string;
}

export function draftFromView(view: SettingsView): SettingsDraft {
  return {
    environment: view.environment,
    customBaseUrl: view.customBaseUrl ?? "",
    developerKey: view.developerKey ?? "",
    initiatorId: view.initiatorId ?? "",
    userCode: view.userCode ?? "",
    timeoutSeconds: String(Math.round(view.timeoutMs / 1000)),
    resendCooldownSeconds: String(Math.round(view.resendCooldownMs / 1000)),
  };
}

const invalid = (field: string, reason: string): Result<never, RefundDeskError> =>
  err({ kind: "invalid-input", field, reason });

export function draftToPatch(draft: SettingsDraft): Result<SettingsPatch, RefundDeskError> {
  const patch: SettingsPatch = { environment: draft.environment };

  if (draft.environment === "custom") {
    const url = draft.customBaseUrl.trim();
    if (!url) return invalid("customBaseUrl", "required-for-custom");
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return invalid("customBaseUrl", "not-a-url");
    patch.customBaseUrl = url;
  }

  const developerKey = draft.developerKey.trim();
  if (/\s/.test(developerKey)) return invalid("developerKey", "has-spaces");
  patch.developerKey = developerKey || null;

  const initiatorText = draft.initiatorId.trim();
  if (initiatorText) {
    const initiatorId = parseInitiatorId(initiatorText);
    if (!initiatorId.ok) return initiatorId;
    patch.initiatorId = initiatorId.value;
  } else {
    patch.initiatorId = null;
  }

  // Eko's user codes are 8 digits (main/settings/settings-validation.ts USER_CODE_PATTERN).
  const userCode = draft.userCode.trim();
  if (userCode && !/^[0-9]{8}$/.test(userCode)) return invalid("userCode", "not-8-digits");
  patch.userCode = userCode || null;

  const timeoutMs = secondsToMs(draft.timeoutSeconds, FIELDS.timeoutMs.kind);
  if (timeoutMs === null) return invalid("timeoutMs", "out-of-range");
  patch.timeoutMs = timeoutMs;

  const resendCooldownMs = secondsToMs(draft.resendCooldownSeconds, FIELDS.resendCooldownMs.kind);
  if (resendCooldownMs === null) return invalid("resendCooldownMs", "out-of-range");
  patch.resendCooldownMs = resendCooldownMs;

  return ok(patch);
}

/** Whole seconds as typed, in ms within the field's bounds; null for anything else (blank, 2.5, -1). */
function secondsToMs(text: string, { min: minMs, max: maxMs }: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  const seconds = Number(trimmed);
  const ms = seconds * 1000;
  return trimmed && Number.isInteger(seconds) && ms >= minMs && ms <= maxMs ? ms : null;
}
