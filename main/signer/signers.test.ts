/**
 * Which signer the settings choose: the keychain's key for its base URL, never asking the token;
 * or the token, with what it still lacks named (library, token, PIN) and never a key in main.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ok } from "../../app/result";
import { DEFAULT_SETTINGS, EKO_BASE_URLS, type Settings } from "../../app/settings";
import { signTimestamp } from "../eko/signing";
import { createAccessKey } from "../keychain/access-key";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { createSigners } from "./signers";
import type { TokenClient } from "./token-client";
import { createTokenPin } from "./token-pin";
import type { TokenRequest } from "./token-protocol";

const KEY = TEST_SECRETS.accessKeys.signing;
const uat: Settings = { ...DEFAULT_SETTINGS, environment: "uat" };
const pkcs11: Settings = { ...uat, signer: "pkcs11", pkcs11Module: "/opt/vendor/libvendor.so", pkcs11Token: "branch" };

function signers(pin: string | null) {
  const asked: TokenRequest[] = [];
  const token: TokenClient = {
    ask: async (request) => {
      asked.push(request);
      return ok("signed-by-the-token") as never;
    },
    close: async () => undefined,
  };
  const keyStore = memoryKeyStore(boundKeyText(KEY, EKO_BASE_URLS.uat));
  const chosen = createSigners({
    accessKey: createAccessKey(keyStore),
    tokenPin: createTokenPin(memoryKeyStore(pin)),
    token,
  });
  return { chosen, asked };
}

test("signer keychain: the stored key signs in main, and the token is never asked", async () => {
  const { chosen, asked } = signers(TEST_SECRETS.tokenPins.user);
  const picked = await chosen.forSettings(uat);
  assert.ok(picked.ok && "signer" in picked.value);
  assert.deepEqual(await picked.value.signer.secretKey("1516705204593"), ok(signTimestamp(KEY, "1516705204593")));
  assert.deepEqual(asked, []);
});

test("signer pkcs11: the token signs with the settings' library, token and key; the keychain's key is not used", async () => {
  const { chosen, asked } = signers(TEST_SECRETS.tokenPins.user);
  const picked = await chosen.forSettings(pkcs11);
  assert.ok(picked.ok && "signer" in picked.value);
  assert.deepEqual(await picked.value.signer.secretKey("1516705204593"), ok("signed-by-the-token"));
  assert.deepEqual(asked, [
    {
      op: "sign",
      config: {
        module: "/opt/vendor/libvendor.so",
        token: "branch",
        key: "eko-access-key",
        baseUrl: EKO_BASE_URLS.uat,
      },
      pin: TEST_SECRETS.tokenPins.user,
      timestampMs: "1516705204593",
    },
  ]);
  assert.ok(!JSON.stringify(asked).includes(KEY));
});

test("signer pkcs11 without a library, token or PIN: each named as missing, and nothing asked", async () => {
  const { chosen, asked } = signers(null);
  assert.deepEqual(await chosen.forSettings({ ...pkcs11, pkcs11Module: null, pkcs11Token: null }), {
    ok: true,
    value: { missing: ["pkcs11Module", "pkcs11Token", "tokenPin"] },
  });
  assert.deepEqual(await chosen.forSettings(pkcs11), { ok: true, value: { missing: ["tokenPin"] } });
  assert.deepEqual(asked, []);
});
