import type { RefundDeskError } from "../../app/errors";
import { err, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import { tokenConfig } from "./signers";
import type { TokenClient } from "./token-client";
import type { TokenPin } from "./token-pin";

/**
 * Puts the access key into the token the settings name (set-key and provision with signer
 * pkcs11): a new sensitive, non-extractable, sign-only key under the key label, the older ones
 * with that label removed once it is written (pkcs11-session.ts).
 */
export async function putKeyInToken(
  settings: Settings,
  accessKey: string,
  deps: { tokenPin: TokenPin; token: TokenClient },
): Promise<Result<{ replaced: number }, RefundDeskError>> {
  const config = tokenConfig(settings);
  if (Array.isArray(config)) return err({ kind: "not-configured", missing: config });
  const pin = await deps.tokenPin.get();
  if (!pin.ok) return pin;
  if (!pin.value) return err({ kind: "not-configured", missing: ["tokenPin"] });
  return deps.token.ask({ op: "import", config, pin: pin.value, accessKey });
}
