import type { RefundDeskError, SettingName } from "../../app/errors";
import { ok, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import { signTimestamp } from "./signing";

/**
 * What the Eko client asks for each request's `secret-key`. The keychain's signer holds the
 * access key; a PKCS#11 token's signer holds only a way to ask the token (main never has the key).
 * A refusal is an error value and the request is not sent.
 */
export interface Signer {
  secretKey(timestampMs: string): Promise<Result<string, RefundDeskError>>;
}

/** Signs with an access key main holds (the keychain's, or Practice's published one). */
export function keySigner(accessKey: string): Signer {
  return { secretKey: async (timestampMs) => ok(signTimestamp(accessKey, timestampMs)) };
}

/** A signer for the settings in force, or the settings it still lacks (not-configured). */
type SignerFor = { signer: Signer } | { missing: SettingName[] };

/** Which signer the settings choose: main/signer/signers.ts. */
export interface Signers {
  forSettings(settings: Settings): Promise<Result<SignerFor, RefundDeskError>>;
}
