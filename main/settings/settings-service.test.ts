import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import type { DeskView } from "../../app/policy";
import { ok } from "../../app/result";
import type { SettingsLock } from "../admin/settings-lock";
import { EKO_BASE_URLS } from "../../app/settings";
import { createAccessKey } from "../keychain/access-key";
import { createTokenClient } from "../signer/token-client";
import { createTokenPin } from "../signer/token-pin";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { createSettingsFile } from "./settings-file";
import { createSettingsService } from "./settings-service";

/** A lock the test opens and closes by hand. */
function handLock(locked: boolean) {
  const state = { locked };
  const lock: SettingsLock = {
    isLocked: () => state.locked,
    view: () => ({}) as DeskView,
    unlock: async () => ok({} as DeskView),
    lock: () => ({}) as DeskView,
  };
  return { state, lock };
}

function service(locked: boolean, key: string | null = null) {
  const dataDir = tempDataDir("settings-service");
  const file = createSettingsFile(dataDir);
  const keyStore = memoryKeyStore(key);
  const pinStore = memoryKeyStore();
  const { state, lock } = handLock(locked);
  const practice = { baseUrl: async () => "http://127.0.0.1:1/ekoapi/v3", close: async () => undefined };
  const settings = createSettingsService({
    file,
    source: { from: "user" },
    lock,
    accessKey: createAccessKey(keyStore),
    tokenPin: createTokenPin(pinStore),
    token: createTokenClient(),
    practice,
  });
  return { settings, file, keyStore, pinStore, state };
}

test("the token PIN: refused while locked, stored trimmed when open, shown only as stored", async () => {
  const { settings, pinStore, state } = service(true);
  assert.deepEqual(await settings.setTokenPin(TEST_SECRETS.tokenPins.user), {
    ok: false,
    error: { kind: "settings-locked" },
  });
  assert.equal(pinStore.value, null);
  state.locked = false;
  const refused = await settings.setTokenPin("12");
  assert.deepEqual(refused, { ok: false, error: { kind: "invalid-input", field: "tokenPin", reason: "length" } });
  const stored = await settings.setTokenPin(`${TEST_SECRETS.tokenPins.user}\n`);
  assert.equal(stored.ok && stored.value.tokenPin, "stored");
  assert.equal(pinStore.value, TEST_SECRETS.tokenPins.user);
  assert.ok(!JSON.stringify(stored).includes(TEST_SECRETS.tokenPins.user));
});

test("every change goes through the one lock check: settings, storing and removing the key are refused while locked", async () => {
  const { settings, file, keyStore, state } = service(true, "stored-key");
  const refused = { ok: false, error: { kind: "settings-locked" } };
  assert.deepEqual(await settings.update({ environment: "uat" }), refused);
  assert.deepEqual(await settings.setAccessKey("another-key"), refused);
  assert.deepEqual(await settings.removeAccessKey(), refused);
  assert.equal(existsSync(file.path), false);
  assert.equal(keyStore.value, "stored-key");

  state.locked = false;
  assert.equal((await settings.update({ environment: "uat" })).ok, true);
  assert.equal(JSON.parse(readFileSync(file.path, "utf8")).environment, "uat");
  assert.equal((await settings.setAccessKey("  \uFEFFanother-key \n")).ok, true);
  assert.equal(keyStore.value, boundKeyText("another-key", EKO_BASE_URLS.uat), "stored for the environment in force");
  assert.equal((await settings.removeAccessKey()).ok, true);
  assert.equal(keyStore.value, null);
});

test("a custom environment and its base URL are judged together, in either order of the patch", async () => {
  for (const patch of [
    { environment: "custom" as const, customBaseUrl: "https://eko.example.in/ekoapi/v3" },
    { customBaseUrl: "https://eko.example.in/ekoapi/v3", environment: "custom" as const },
  ]) {
    const { settings } = service(false);
    const updated = await settings.update(patch);
    assert.ok(updated.ok);
    assert.equal(updated.value.environment, "custom");
    assert.equal(updated.value.baseUrl, "https://eko.example.in/ekoapi/v3");
  }
});

test("problems lists every refused field of a patch, and a refused patch changes nothing", async () => {
  const { settings, file } = service(false);
  const patch = { environment: "custom" as const, timeoutMs: 5, userCode: "12", initiatorId: "99" };
  assert.deepEqual(settings.problems(patch), [
    { kind: "invalid-input", field: "initiatorId", reason: "not-10-digits" },
    { kind: "invalid-input", field: "userCode", reason: "not-8-digits" },
    { kind: "invalid-input", field: "timeoutMs", reason: "out-of-range" },
    { kind: "invalid-input", field: "customBaseUrl", reason: "required-for-custom" },
  ]);
  assert.deepEqual(await settings.update(patch), {
    ok: false,
    error: { kind: "invalid-input", field: "initiatorId", reason: "not-10-digits" },
  });
  assert.equal(existsSync(file.path), false);
  assert.deepEqual(settings.problems({ environment: "custom", customBaseUrl: "http://eko.example.in" }), [
    { kind: "invalid-input", field: "customBaseUrl", reason: "not-https" },
  ]);
  assert.deepEqual(settings.problems({ environment: "uat" }), []);
});

test("an empty or oversized access key is refused before the keychain", async () => {
  const { settings, keyStore } = service(false, "kept");
  assert.deepEqual(await settings.setAccessKey(" \n"), {
    ok: false,
    error: { kind: "invalid-input", field: "accessKey", reason: "empty" },
  });
  assert.deepEqual(await settings.setAccessKey("k".repeat(513)), {
    ok: false,
    error: { kind: "invalid-input", field: "accessKey", reason: "too-long" },
  });
  assert.equal(keyStore.value, "kept");
});
