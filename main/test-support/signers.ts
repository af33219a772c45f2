import type { RefundDeskError } from "../../app/errors";
import { ok, type Result } from "../../app/result";
import type { RefundEndpoint } from "../eko/eko-client";
import { keySigner, type Signer, type Signers } from "../eko/signer";
import { signTimestamp } from "../eko/signing";
import type { AccessKey } from "../keychain/access-key";
import { createSigners } from "../signer/signers";
import { createTokenClient } from "../signer/token-client";
import { createTokenPin } from "../signer/token-pin";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { memoryKeyStore } from "./memory-key-store";

/** The signers of a desk on the keychain signer, over this access key store (no token). */
export function keychainSigners(accessKey: AccessKey): Signers {
  return createSigners({ accessKey, tokenPin: createTokenPin(memoryKeyStore()), token: createTokenClient() });
}

/** Practice's published credentials at `baseUrl`, signing with `accessKey` (Practice's own by default). */
export function practiceEndpoint(baseUrl: string, accessKey: string = PRACTICE_CREDENTIALS.accessKey): RefundEndpoint {
  const { developerKey, initiatorId, userCode } = PRACTICE_CREDENTIALS;
  return { baseUrl, developerKey, initiatorId, userCode, signer: keySigner(accessKey) };
}

const SAMPLE_TIMESTAMP = "1516705204593";

/** The signature an access key makes of a sample timestamp: what `signing` puts in place of a signer. */
export function signatureOf(accessKey: string): string {
  return signTimestamp(accessKey, SAMPLE_TIMESTAMP);
}

/** An endpoint result with its signer swapped for the signature it makes of a sample timestamp, for deepEqual. */
export async function signing<T extends { signer: Signer }>(
  result: Result<T, RefundDeskError>,
): Promise<Result<Omit<T, "signer"> & { signer: string }, RefundDeskError>> {
  if (!result.ok) return result;
  const signed = await result.value.signer.secretKey(SAMPLE_TIMESTAMP);
  return ok({ ...result.value, signer: signed.ok ? signed.value : `refused: ${signed.error.kind}` });
}

/** Recorded calls with each endpoint's signer swapped for its signature of the sample timestamp. */
export async function withSignatures<C extends { endpoint: { signer: Signer } }>(
  calls: C[],
): Promise<(Omit<C, "endpoint"> & { endpoint: Omit<C["endpoint"], "signer"> & { signer: string } })[]> {
  return Promise.all(
    calls.map(async (call) => {
      const signed = await signing(ok(call.endpoint));
      return { ...call, endpoint: signed.ok ? signed.value : { ...call.endpoint, signer: "refused" } };
    }),
  );
}
