/**
 * The key store against the OS's own store on a Windows or macOS machine (CI's runners): Windows
 * Credential Manager, and on macOS the default keychain (CI makes a temporary one, unlocked, with
 * scripts/ci/mac-test-keychain.sh). Each write is checked from outside the app, with cmdkey or
 * `security`. Elsewhere it is skipped (Linux has key-store.keychain.test.ts, on a Secret Service).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createKeytarKeyStore, KEYCHAIN_ACCOUNT } from "./key-store";

// No spaces: cmdkey takes the credential name inside its /delete: switch.
const SERVICE = "RefundDesk-os-store-test";
const skip =
  process.platform === "win32" || process.platform === "darwin" ? false : "runs on Windows and macOS (CI's runners)";

/**
 * What the OS store holds for the test's item, read by the OS's own tool: the secret (macOS), or
 * only whether it exists (Windows).
 */
function outside(): { exists: boolean; secret?: string } {
  if (process.platform === "darwin") {
    const run = spawnSync("security", ["find-generic-password", "-s", SERVICE, "-a", KEYCHAIN_ACCOUNT, "-w"], {
      encoding: "utf8",
    });
    return run.status === 0 ? { exists: true, secret: run.stdout.trimEnd() } : { exists: false };
  }
  // keytar writes a generic credential named "<service>/<account>"; cmdkey lists it without its secret.
  const run = spawnSync("cmdkey", ["/list"], { encoding: "utf8" });
  assert.equal(run.status, 0, "cmdkey /list");
  return { exists: run.stdout.includes(`${SERVICE}/${KEYCHAIN_ACCOUNT}`) };
}

test("set, read, replace and remove the access key in the OS's own store", { skip }, async () => {
  const store = createKeytarKeyStore(undefined, SERVICE);
  await store.remove();
  assert.deepEqual(await store.get(), { ok: true, value: null });
  assert.equal(outside().exists, false);

  assert.deepEqual(await store.set("first-os-store-test-key"), { ok: true, value: undefined });
  assert.deepEqual(await store.get(), { ok: true, value: "first-os-store-test-key" });
  const first = outside();
  assert.equal(first.exists, true, "the OS's tool sees the item");
  if (process.platform === "darwin") assert.equal(first.secret, "first-os-store-test-key");

  await store.set("second-os-store-test-key");
  assert.deepEqual(await store.get(), { ok: true, value: "second-os-store-test-key" });
  if (process.platform === "darwin") assert.equal(outside().secret, "second-os-store-test-key");

  assert.deepEqual(await store.remove(), { ok: true, value: undefined });
  assert.deepEqual(await store.get(), { ok: true, value: null });
  assert.equal(outside().exists, false, "removed from the OS store, not only from the app's view");
});

test("an item deleted behind the app's back reads as missing, not as an error", { skip }, async () => {
  const store = createKeytarKeyStore(undefined, SERVICE);
  await store.set("deleted-behind-the-back");
  const removed =
    process.platform === "darwin"
      ? spawnSync("security", ["delete-generic-password", "-s", SERVICE, "-a", KEYCHAIN_ACCOUNT])
      : spawnSync("cmdkey", [`/delete:${SERVICE}/${KEYCHAIN_ACCOUNT}`]).status === 0
        ? { status: 0 }
        : spawnSync("cmdkey", [`/delete:LegacyGeneric:target=${SERVICE}/${KEYCHAIN_ACCOUNT}`]);
  assert.equal(removed.status, 0);
  assert.deepEqual(await store.get(), { ok: true, value: null });
});
