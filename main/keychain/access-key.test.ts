/**
 * A key belongs to its environment: stored for one base URL, it signs for that URL alone; a key
 * stored before keys were bound is taken for Eko's own hosts only, and bound there.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ok } from "../../app/result";
import { EKO_BASE_URLS } from "../../app/settings";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { createAccessKey } from "./access-key";
import { boundKeyText, keyFor } from "./bound-key";

const KEY = TEST_SECRETS.accessKeys.signing;
const CUSTOM = "https://branch-proxy.example/v3";

test("stored for production: production gets it; UAT and a custom URL do not", async () => {
  const store = memoryKeyStore();
  const key = createAccessKey(store);
  assert.deepEqual(await key.set(KEY, EKO_BASE_URLS.production), ok(undefined));
  assert.deepEqual(await key.get(EKO_BASE_URLS.production), ok(KEY));
  assert.deepEqual(await key.get(`${EKO_BASE_URLS.production}/`), ok(KEY), "a trailing slash is the same URL");
  assert.deepEqual(await key.get(EKO_BASE_URLS.uat), ok(null));
  assert.deepEqual(await key.get(CUSTOM), ok(null));
  assert.equal(await key.state(CUSTOM), "missing");
  assert.equal(await key.state(EKO_BASE_URLS.production), "stored");
  // A fresh read from the keychain (another process) answers the same.
  assert.deepEqual(await createAccessKey(store).get(CUSTOM), ok(null));
});

test("a custom URL needs its own key; storing it replaces the one that was there", async () => {
  const store = memoryKeyStore();
  const key = createAccessKey(store);
  await key.set(KEY, CUSTOM);
  assert.deepEqual(await key.get(CUSTOM), ok(KEY));
  assert.deepEqual(await key.get("https://branch-proxy.example/v4"), ok(null));
  assert.deepEqual(await key.get(EKO_BASE_URLS.production), ok(null));
  assert.equal(store.value, boundKeyText(KEY, CUSTOM));
});

test("a key stored in clear by an older version: Eko's own hosts only, then bound to the first one used", async () => {
  const store = memoryKeyStore(KEY);
  assert.deepEqual(await createAccessKey(store).get(CUSTOM), ok(null), "never a custom URL");
  assert.equal(store.value, KEY, "and left as it was");
  const key = createAccessKey(store);
  assert.deepEqual(await key.get(EKO_BASE_URLS.uat), ok(KEY));
  assert.equal(store.value, boundKeyText(KEY, EKO_BASE_URLS.uat));
  assert.deepEqual(await key.get(EKO_BASE_URLS.production), ok(null), "changing the environment carries no key along");
});

test("no base URL (Practice): the keychain is read, no key is given", async () => {
  const store = memoryKeyStore(boundKeyText(KEY, EKO_BASE_URLS.uat));
  assert.deepEqual(await createAccessKey(store).get(null), ok(null));
  const broken = await createAccessKey(memoryKeyStore(null, true)).get(null);
  assert.equal(broken.ok ? null : broken.error.kind, "keychain-unavailable");
});

test("the entry's reader: JSON that is not a bound key is an older key in clear", () => {
  assert.deepEqual(keyFor(JSON.stringify({ baseUrl: CUSTOM }), EKO_BASE_URLS.uat), {
    accessKey: JSON.stringify({ baseUrl: CUSTOM }),
    rebind: true,
  });
  assert.equal(keyFor("null", CUSTOM), null);
});
