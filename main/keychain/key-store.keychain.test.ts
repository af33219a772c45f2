/**
 * The key store against a real Secret Service (gnome-keyring under dbus-run-session, started by
 * scripts/test.sh), checked from outside with secret-tool. Without a session bus it is skipped,
 * unless REFUND_DESK_REQUIRE_KEYCHAIN=1 (as in `npm test`), when it fails instead.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { boundKeyText } from "./bound-key";
import { createKeytarKeyStore, KEYCHAIN_ACCOUNT } from "./key-store";

const SERVICE = "Refund Desk (keychain test)";
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const required = process.env.REFUND_DESK_REQUIRE_KEYCHAIN === "1";
const skip = !hasBus && !required ? "no Secret Service session bus (run under scripts/test.sh)" : false;

function secretTool(...args: string[]): string | null {
  try {
    return execFileSync("secret-tool", args, { encoding: "utf8" });
  } catch {
    return null;
  }
}

test("set, read, replace and remove the access key in the OS keychain", { skip }, async () => {
  assert.ok(hasBus, "REFUND_DESK_REQUIRE_KEYCHAIN=1 but no DBUS_SESSION_BUS_ADDRESS");
  const store = createKeytarKeyStore(undefined, SERVICE);
  await store.remove();
  assert.deepEqual(await store.get(), { ok: true, value: null });

  assert.deepEqual(await store.set("first-keychain-test-key"), { ok: true, value: undefined });
  assert.deepEqual(await store.get(), { ok: true, value: "first-keychain-test-key" });
  assert.equal(secretTool("lookup", "service", SERVICE, "account", KEYCHAIN_ACCOUNT), "first-keychain-test-key");

  await store.set("second-keychain-test-key");
  assert.deepEqual(await store.get(), { ok: true, value: "second-keychain-test-key" });
  assert.equal(secretTool("lookup", "service", SERVICE, "account", KEYCHAIN_ACCOUNT), "second-keychain-test-key");

  assert.deepEqual(await store.remove(), { ok: true, value: undefined });
  assert.deepEqual(await store.get(), { ok: true, value: null });
  assert.equal(secretTool("lookup", "service", SERVICE, "account", KEYCHAIN_ACCOUNT), null);
});

test("an item deleted behind the app's back reads as missing, not as an error", { skip }, async () => {
  const store = createKeytarKeyStore(undefined, SERVICE);
  await store.set("deleted-behind-the-back");
  execFileSync("secret-tool", ["clear", "service", SERVICE, "account", KEYCHAIN_ACCOUNT]);
  assert.deepEqual(await store.get(), { ok: true, value: null });
});

test("a Secret Service that is gone is keychain-unavailable with the reason, not a crash or a hang", async () => {
  const probe = `require("./key-store").createKeytarKeyStore().get().then((r) => process.stdout.write(JSON.stringify(r)))`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "-e", probe], {
    cwd: __dirname,
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: "unix:path=/nonexistent/refund-desk-bus" },
    encoding: "utf8",
    timeout: 30_000,
  });
  const result = JSON.parse(out);
  assert.equal(result.ok, false);
  assert.equal(result.error.kind, "keychain-unavailable");
  assert.match(result.error.details.cause, /connect/i);
});

test("a keychain library that cannot load is keychain-unavailable, not a crash", async () => {
  const store = createKeytarKeyStore(() => {
    throw new Error("libsecret-1.so.0: cannot open shared object file");
  });
  const read = await store.get();
  assert.equal(read.ok, false);
  if (!read.ok) assert.equal(read.error.kind, "keychain-unavailable");
  const write = await store.set("x");
  assert.equal(write.ok, false);
});

test("a keychain that fails an operation is keychain-unavailable with its reason", async () => {
  const store = createKeytarKeyStore(() => ({
    getPassword: () => Promise.reject(new Error("Cannot autolaunch D-Bus without X11 $DISPLAY")),
    setPassword: () => Promise.reject(new Error("The collection is locked")),
    deletePassword: () => Promise.reject(new Error("No such secret collection at path: /")),
  }));
  const read = await store.get();
  assert.deepEqual(read, {
    ok: false,
    error: { kind: "keychain-unavailable", details: { cause: "Cannot autolaunch D-Bus without X11 $DISPLAY" } },
  });
  assert.equal((await store.remove()).ok, false);
});

test("a keychain library that echoes the entry in its error: its words are kept, the entry is not", async () => {
  const entry = boundKeyText(TEST_SECRETS.accessKeys.leakCheck, "https://staging.eko.in/ekoapi/v3");
  const store = createKeytarKeyStore(() => ({
    getPassword: () => Promise.resolve(null),
    setPassword: (_service, _account, password) => Promise.reject(new Error(`Cannot store ${password}: locked`)),
    deletePassword: () => Promise.resolve(true),
  }));
  assert.deepEqual(await store.set(entry), {
    ok: false,
    error: { kind: "keychain-unavailable", details: { cause: "Cannot store …: locked" } },
  });
});
