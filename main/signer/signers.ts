import type { SettingName } from "../../app/errors";
import { ok } from "../../app/result";
import type { Settings } from "../../app/settings";
import { keyBaseUrl } from "../eko/endpoint";
import { keySigner, type Signers } from "../eko/signer";
import type { AccessKey } from "../keychain/access-key";
import type { TokenClient } from "./token-client";
import type { TokenConfig } from "./token-protocol";
import type { TokenPin } from "./token-pin";

/** The token's library, token and key from the settings, or what is missing of them. */
export function tokenConfig(settings: Settings): TokenConfig | SettingName[] {
  const missing: SettingName[] = [];
  if (!settings.pkcs11Module) missing.push("pkcs11Module");
  if (!settings.pkcs11Token) missing.push("pkcs11Token");
  if (!settings.pkcs11Module || !settings.pkcs11Token) return missing;
  return {
    module: settings.pkcs11Module,
    token: settings.pkcs11Token,
    key: settings.pkcs11Key,
    baseUrl: keyBaseUrl(settings),
  };
}

/**
 * `keychain`: the access key stored for the settings' base URL signs. `pkcs11`: the token signs,
 * through its worker; main holds the token's PIN, never the key.
 */
export function createSigners(deps: { accessKey: AccessKey; tokenPin: TokenPin; token: TokenClient }): Signers {
  return {
    async forSettings(settings) {
      if (settings.signer === "keychain") {
        const key = await deps.accessKey.get(keyBaseUrl(settings));
        if (!key.ok) return key;
        return ok(key.value ? { signer: keySigner(key.value) } : { missing: ["accessKey"] });
      }
      const config = tokenConfig(settings);
      const pin = await deps.tokenPin.get();
      if (!pin.ok) return pin;
      const missing = [...(Array.isArray(config) ? config : []), ...(pin.value ? [] : (["tokenPin"] as const))];
      if (Array.isArray(config) || !pin.value) return ok({ missing });
      const known = { config, pin: pin.value };
      return ok({
        signer: { secretKey: (timestampMs) => deps.token.ask({ op: "sign", ...known, timestampMs }) },
      });
    },
  };
}
