import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { createAccessKey } from "../keychain/access-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners, signatureOf, signing } from "../test-support/signers";
import { resolveRefundEndpoint } from "./refund-endpoint";

const practice = { baseUrl: async () => "http://127.0.0.1:9/ekoapi/v3", close: async () => undefined };
const uat: Settings = {
  ...DEFAULT_SETTINGS,
  environment: "uat",
  developerKey: "0123456789abcdef0123456789abcdef",
  initiatorId: "9876543210",
  userCode: "30810300",
};
const resolve = async (settings: Settings, key: string | null = "the-access-key", broken = false) =>
  signing(
    await resolveRefundEndpoint(settings, practice, keychainSigners(createAccessKey(memoryKeyStore(key, broken)))),
  );

test("Practice uses its own user code, whatever the settings hold", async () => {
  const endpoint = await resolve({ ...DEFAULT_SETTINGS, userCode: "30810300" }, null);
  assert.deepEqual(endpoint, {
    ok: true,
    value: {
      developerKey: "becbbce45f79c6f5109f848acd540567",
      signer: signatureOf("d2fe1d99-6298-4af2-8cc5-d97dcf46df30"),
      initiatorId: "9962981729",
      userCode: "20810200",
      baseUrl: "http://127.0.0.1:9/ekoapi/v3",
    },
  });
});

test("outside Practice: the settings' user code beside the keys", async () => {
  assert.deepEqual(await resolve(uat), {
    ok: true,
    value: {
      baseUrl: "https://staging.eko.in/ekoapi/v3",
      developerKey: "0123456789abcdef0123456789abcdef",
      initiatorId: "9876543210",
      signer: signatureOf("the-access-key"),
      userCode: "30810300",
    },
  });
});

test("a missing user code is not-configured, alone or after whatever else is missing", async () => {
  assert.deepEqual(await resolve({ ...uat, userCode: null }), {
    ok: false,
    error: { kind: "not-configured", missing: ["userCode"] },
  });
  assert.deepEqual(await resolve({ ...uat, userCode: null, initiatorId: null }, null), {
    ok: false,
    error: { kind: "not-configured", missing: ["initiatorId", "accessKey", "userCode"] },
  });
  assert.deepEqual(await resolve({ ...uat, initiatorId: null }), {
    ok: false,
    error: { kind: "not-configured", missing: ["initiatorId"] },
  });
});

test("a keychain that cannot be read is that error, with or without a user code", async () => {
  const locked = { ok: false, error: { kind: "keychain-unavailable", details: { cause: "locked" } } };
  assert.deepEqual(await resolve({ ...uat, userCode: null }, null, true), locked);
  assert.deepEqual(await resolve(uat, null, true), locked);
});
