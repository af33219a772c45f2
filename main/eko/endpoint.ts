import type { RefundDeskError, SettingName } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import { EKO_BASE_URLS, type Settings } from "../../app/settings";
import type { EkoEndpoint } from "./eko-client";
import { keySigner, type Signers } from "./signer";
import type { Practice } from "../simulator/practice";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";

/** The base URL requests go to for these settings (Practice: the running simulator). */
export async function baseUrlFor(settings: Settings, practice: Practice): Promise<string | null> {
  switch (settings.environment) {
    case "practice":
      return practice.baseUrl();
    case "custom":
      return settings.customBaseUrl;
    default:
      return EKO_BASE_URLS[settings.environment];
  }
}

/**
 * The base URL an access key is stored for and signs for with these settings: Eko's own for UAT
 * and production, the custom URL for custom; null in Practice (the simulator's own key) or for a
 * custom environment with no URL yet.
 */
export function keyBaseUrl(settings: Pick<Settings, "environment" | "customBaseUrl">): string | null {
  switch (settings.environment) {
    case "practice":
      return null;
    case "custom":
      return settings.customBaseUrl;
    default:
      return EKO_BASE_URLS[settings.environment];
  }
}

/** Everything a request needs, or not-configured listing what is missing. */
export async function resolveEndpoint(
  settings: Settings,
  practice: Practice,
  signers: Signers,
): Promise<Result<EkoEndpoint, RefundDeskError>> {
  if (settings.environment === "practice") {
    const { developerKey, initiatorId, accessKey } = PRACTICE_CREDENTIALS;
    return ok({ baseUrl: await practice.baseUrl(), developerKey, initiatorId, signer: keySigner(accessKey) });
  }
  const missing: SettingName[] = [];
  const baseUrl = await baseUrlFor(settings, practice);
  if (!baseUrl) missing.push("baseUrl");
  if (!settings.developerKey) missing.push("developerKey");
  if (!settings.initiatorId) missing.push("initiatorId");
  // The keychain's key only for the base URL it was stored for; or the token's signer.
  const signer = await signers.forSettings(settings);
  if (!signer.ok) return signer;
  if ("missing" in signer.value) missing.push(...signer.value.missing);
  // The same checks as the list above, written out so the types know each value is set.
  if (!baseUrl || !settings.developerKey || !settings.initiatorId || "missing" in signer.value)
    return err({ kind: "not-configured", missing });
  return ok({
    baseUrl,
    developerKey: settings.developerKey,
    initiatorId: settings.initiatorId,
    signer: signer.value.signer,
  });
}
