import type { DoctorCheck } from "../../app/doctor";
import type { RefundDeskError } from "../../app/errors";
import type { Settings } from "../../app/settings";
import { tokenConfig } from "../signer/signers";
import { signsFor } from "../keychain/bound-key";
import type { TokenClient } from "../signer/token-client";
import type { TokenPin } from "../signer/token-pin";

const fail = (error: RefundDeskError, detail?: string): DoctorCheck => ({
  id: "signer",
  status: "fail",
  error,
  ...(detail ? { detail } : {}),
});

/**
 * The signer pkcs11 as a bank's HSM team would check it: the library loads, the token is there
 * and opens with the stored PIN, one key under the label, a generic secret the token can HMAC
 * with, allowed to sign, its value refused. Extractable, not sensitive, or with other usages: a
 * warning naming each. Nothing is signed and no key leaves the token.
 */
export async function signerCheck(
  settings: Settings,
  deps: { tokenPin: TokenPin; token: TokenClient },
): Promise<DoctorCheck> {
  const config = tokenConfig(settings);
  if (Array.isArray(config)) return fail({ kind: "not-configured", missing: config });
  const pin = await deps.tokenPin.get();
  if (!pin.ok) return fail(pin.error);
  if (!pin.value) return fail({ kind: "not-configured", missing: ["tokenPin"] });
  const inspected = await deps.token.ask({ op: "inspect", config, pin: pin.value });
  if (!inspected.ok) return fail(inspected.error);
  const facts = inspected.value;
  const where = `${facts.token.manufacturer} ${facts.token.model}, token "${facts.token.label}", key "${config.key}" for ${facts.boundTo ?? "Eko's own hosts"}`;
  const keyError = (kind: "token-key-missing" | "token-mechanism" | "token-key-cannot-sign", cause: string) =>
    fail({ kind, details: { cause } }, where);
  if (facts.keysWithLabel === 0) return keyError("token-key-missing", "no-key-with-label");
  if (facts.keysWithLabel > 1) return keyError("token-key-missing", "several-keys-with-label");
  if (!facts.genericSecret || !facts.hmacSha256) return keyError("token-mechanism", "not-a-generic-secret-for-hmac");
  if (!facts.sign) return keyError("token-key-cannot-sign", "CKA_SIGN-false");
  if (facts.valueReadable) return { id: "signer", status: "fail", detail: `${where}: its value can be read` };
  if (config.baseUrl === null || !signsFor(facts.boundTo, config.baseUrl))
    return keyError("token-key-missing", "key-for-another-base-url");
  const concerns = [
    ...(facts.extractable ? ["CKA_EXTRACTABLE"] : []),
    ...(facts.sensitive ? [] : ["CKA_SENSITIVE false"]),
    ...facts.otherUsages,
  ];
  if (concerns.length > 0) return { id: "signer", status: "warn", detail: `${where}: ${concerns.join(", ")}` };
  return { id: "signer", status: "ok", detail: where };
}
