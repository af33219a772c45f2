import { COUNTER_STATE_FILE } from "../fs/counter-state";
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { EKO_BASE_URLS } from "../../app/settings";
import { ADMIN_PIN_FILE } from "../admin/admin-pin-file";
import { PIN_ATTEMPTS_FILE } from "../admin/pin-gate";
import { verifyPin } from "../admin/pin-hash";
import { createKeytarKeyStore, KEYCHAIN_ACCOUNT, type KeyStore } from "../keychain/key-store";
import { COUNTER_FILE } from "../policy/counter-file";
import { createRefundDesk } from "../refund-desk";
import { SETTINGS_FILE } from "../settings/settings-file";
import { cliIo } from "../test-support/cli-io";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { inputDir, tempDataDir } from "../test-support/temp-dir";
import { EXIT, runCli } from "./cli";
import { isSameSingleFile } from "./provision";
import { TEST_SECRETS } from "../test-support/test-secrets";

const ACCESS_KEY = TEST_SECRETS.accessKeys.provision;
/** The keychain entry provisioning writes: the key with the UAT URL it signs for (POLICY is UAT). */
const STORED_FOR_UAT = boundKeyText(ACCESS_KEY, EKO_BASE_URLS.uat);
const POLICY = {
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  counterName: "Pune Camp – Counter 3",
  kioskMode: true,
  settingsLocked: true,
  adminPin: TEST_SECRETS.adminPins.provision,
};

/** Cheap hashes for speed; the real default cost is tested in main/admin/admin.test.ts. */
const FAST = { ln: 12, r: 8, p: 1 };

function setup(
  options: {
    keyStore?: KeyStore;
    policy?: unknown;
    machinePolicyPath?: string;
    dataDir?: string;
    elevated?: boolean;
  } = {},
) {
  const folder = inputDir("provision-input");
  const dataDir = options.dataDir ?? tempDataDir("provision-home");
  const keyStore = options.keyStore ?? memoryKeyStore();
  const policyFile = join(folder, "policy.json");
  writeFileSync(
    policyFile,
    typeof options.policy === "string" ? options.policy : JSON.stringify(options.policy ?? POLICY),
  );
  const keyFile = join(folder, "access-key.txt");
  writeFileSync(keyFile, `${ACCESS_KEY}\r\n`);
  const run = async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, {
      fetch,
      keyStore,
      dataDir,
      machinePolicyPath: options.machinePolicyPath ?? null,
      pinCost: FAST,
      isElevated: async () => options.elevated ?? false,
    });
    return { code, out: io.out(), err: io.err() };
  };
  return { run, dataDir, keyStore, policyFile, keyFile, folder };
}

/** Every file in a folder and its bytes, to prove a refused run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
    .join("\n");
}

test("a good policy with a key file: key in the keychain, key file gone, settings, counter and PIN hash written", async () => {
  const { run, dataDir, keyStore, policyFile, keyFile } = setup();
  const result = await run(["provision", "--file", policyFile, "--key-file", keyFile, "--json"]);
  assert.equal(result.code, EXIT.ok, result.err + result.out);
  assert.deepEqual(JSON.parse(result.out), {
    ok: true,
    value: {
      dataDir,
      counterName: POLICY.counterName,
      environment: "uat",
      kioskMode: true,
      settingsLocked: true,
      adminPin: "set",
      accessKey: "stored",
      keyFileRemoved: true,
      lockKept: "data-folder",
      machinePolicyInForce: null,
    },
  });
  assert.equal((keyStore as ReturnType<typeof memoryKeyStore>).value, STORED_FOR_UAT, "trimmed of its line end");
  assert.equal(existsSync(keyFile), false);

  assert.deepEqual(readdirSync(dataDir).sort(), [ADMIN_PIN_FILE, COUNTER_FILE, SETTINGS_FILE].sort());
  const settings = JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), "utf8"));
  assert.equal(settings.environment, "uat");
  assert.equal(settings.developerKey, POLICY.developerKey);
  assert.equal(settings.initiatorId, POLICY.initiatorId);
  assert.deepEqual(JSON.parse(readFileSync(join(dataDir, COUNTER_FILE), "utf8")), {
    counterName: POLICY.counterName,
    kioskMode: true,
    settingsLocked: true,
  });
  const { pinHash } = JSON.parse(readFileSync(join(dataDir, ADMIN_PIN_FILE), "utf8"));
  assert.ok(await verifyPin(TEST_SECRETS.adminPins.provision, pinHash));
  assert.ok(!(await verifyPin("048214", pinHash)));
  const written = allText(dataDir);
  for (const secret of [
    ACCESS_KEY,
    Buffer.from(ACCESS_KEY).toString("base64"),
    `"${TEST_SECRETS.adminPins.provision}"`,
  ])
    assert.ok(!written.includes(secret), secret);
  assert.ok(!(result.out + result.err).includes(ACCESS_KEY));

  // The app then runs as provisioned: the counter's policy, its PIN, its name on journal lines.
  const desk = createRefundDesk({ fetch, keyStore, dataDir, appOrigin: "test:" });
  try {
    assert.deepEqual(desk.policy, {
      source: "provisioned",
      counterName: POLICY.counterName,
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: null,
      notices: ["provisioned-lock-only"],
    });
    assert.ok((await desk.adminPin.check(TEST_SECRETS.adminPins.provision)).ok);
    const view = await desk.services.getSettings({});
    assert.ok(view.ok && view.value.environment === "uat" && view.value.accessKey === "stored");
  } finally {
    await desk.close();
  }
});

test("the key file's bytes are overwritten with zeros before it is deleted (seen through a descriptor kept open)", async () => {
  const { run, policyFile, keyFile } = setup();
  const witness = openSync(keyFile, "r");
  const result = await run(["provision", "--file", policyFile, "--key-file", keyFile]);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.equal(existsSync(keyFile), false);
  const left = Buffer.alloc(ACCESS_KEY.length + 2);
  assert.equal(readSync(witness, left, 0, left.length, 0), ACCESS_KEY.length + 2);
  closeSync(witness);
  assert.ok(left.every((byte) => byte === 0));
});

test("a key file with a second name (hard link) or that is a link is refused and left as it is", async () => {
  const { run, policyFile, keyFile, folder } = setup();
  const second = join(folder, "second-name");
  linkSync(keyFile, second);
  const result = await run(["provision", "--file", policyFile, "--key-file", keyFile, "--json"]);
  assert.equal(result.code, EXIT.usage);
  assert.equal(JSON.parse(result.out).error.reason, "not-a-regular-file");
  assert.equal(readFileSync(keyFile, "utf8"), `${ACCESS_KEY}\r\n`);
});

test("the Windows link check: the opened file is the named one, with one name", () => {
  const file = { dev: 7n, ino: 42n, nlink: 1n, isFile: () => true, isSymbolicLink: () => false };
  assert.equal(isSameSingleFile(file, file), true);
  assert.equal(isSameSingleFile({ ...file, isSymbolicLink: () => true }, file), false, "a symbolic link or junction");
  assert.equal(isSameSingleFile(file, { ...file, ino: 43n }), false, "swapped between the look and the open");
  assert.equal(isSameSingleFile(file, { ...file, dev: 8n }), false);
  assert.equal(isSameSingleFile(file, { ...file, nlink: 2n }), false, "a hard link elsewhere keeps the key");
  assert.equal(isSameSingleFile(file, { ...file, isFile: () => false }), false);
});

test("the key from standard input; the plain-text report says what was done and never shows the key", async () => {
  const { run, keyStore, policyFile } = setup();
  const result = await run(["provision", "--file", policyFile, "--key-stdin"], `${ACCESS_KEY}\n`);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.equal((keyStore as ReturnType<typeof memoryKeyStore>).value, STORED_FOR_UAT);
  assert.match(result.out, /Provisioned counter "Pune Camp – Counter 3"/);
  assert.match(result.out, /kiosk mode:\s+on/);
  assert.match(result.out, /access key:\s+stored in the system keychain/);
  assert.ok(!result.out.includes(ACCESS_KEY));
});

test("each bad field: exit 2 naming the field and reason, and nothing changes (not even the key file)", async () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ environment: "staging" }, "environment", "unknown-choice"],
    [{ initiatorId: "12345" }, "initiatorId", "not-10-digits"],
    [{ developerKey: "x y" }, "developerKey", "bad-shape"],
    [{ counterName: "" }, "counterName", "empty"],
    [{ kioskMode: "on" }, "kioskMode", "expected-boolean"],
    [{ adminPin: "4821" }, "adminPin", "pin-too-short"],
    [{ environment: "custom" }, "baseUrl", "required-for-custom"],
    [{ timeoutMs: 1 }, "timeoutMs", "out-of-range"],
    [{ accessKey: ACCESS_KEY }, "accessKey", "unknown-field"],
  ];
  for (const [change, field, reason] of cases) {
    const keyStore = memoryKeyStore("the-key-stored-before");
    const { run, dataDir, policyFile, keyFile } = setup({ keyStore, policy: { ...POLICY, ...change } });
    writeFileSync(join(dataDir, SETTINGS_FILE), '{"environment":"practice"}\n');
    const before = snapshot(dataDir);
    const result = await run(["provision", "--file", policyFile, "--key-file", keyFile, "--json"]);
    assert.equal(result.code, EXIT.usage, JSON.stringify(change));
    const reply = JSON.parse(result.out);
    assert.equal(reply.ok, false);
    assert.deepEqual(
      { kind: reply.error.kind, field: reply.error.field, reason: reply.error.reason },
      { kind: "invalid-input", field, reason },
    );
    assert.match(reply.error.message, /nothing was changed/);
    assert.deepEqual(snapshot(dataDir), before, JSON.stringify(change));
    assert.equal(keyStore.value, "the-key-stored-before");
    assert.equal(readFileSync(keyFile, "utf8"), `${ACCESS_KEY}\r\n`, "the key file is not read for a bad policy");
    assert.ok(!result.out.includes(ACCESS_KEY));
  }
});

test("a bad policy in plain text lists every bad field on stderr", async () => {
  const { run, policyFile } = setup({ policy: { ...POLICY, initiatorId: "1", adminPin: "x" } });
  const result = await run(["provision", "--file", policyFile]);
  assert.equal(result.code, EXIT.usage);
  assert.match(
    result.err,
    /the policy file is not valid; nothing was changed\n {2}initiatorId: not-10-digits\n {2}adminPin: passphrase-too-short\n/,
  );
});

test("an unreadable or non-JSON policy file and wrong arguments are usage errors", async () => {
  const { run, policyFile, keyFile, folder } = setup({ policy: "{ not json" });
  assert.equal((await run(["provision", "--file", policyFile])).code, EXIT.usage);
  assert.equal((await run(["provision", "--file", join(folder, "missing.json")])).code, EXIT.usage);
  assert.equal((await run(["provision"])).code, EXIT.usage);
  assert.equal((await run(["provision", "--file"])).code, EXIT.usage);
  assert.equal((await run(["provision", "--file", policyFile, "--frobnicate"])).code, EXIT.usage);
  const both = await run(["provision", "--file", policyFile, "--key-stdin", "--key-file", keyFile]);
  assert.equal(both.code, EXIT.usage);
  assert.match(both.err, /one way/);
  assert.ok(existsSync(keyFile));
});

test("a keychain that fails: exit 1, nothing written to the data folder, and the key file is still removed", async () => {
  const { run, dataDir, policyFile, keyFile } = setup({ keyStore: memoryKeyStore(null, true) });
  const result = await run(["provision", "--file", policyFile, "--key-file", keyFile, "--json"]);
  assert.equal(result.code, EXIT.failed);
  const reply = JSON.parse(result.out);
  assert.equal(reply.error.kind, "keychain-unavailable");
  assert.match(reply.error.message, /not applied/);
  assert.deepEqual(readdirSync(dataDir), [], "no settings, no staged temporary files");
  assert.equal(existsSync(keyFile), false, "read once, the key file never stays on disk");
});

test("an empty key file is refused (exit 2) after it was removed; a symlink or a folder is not touched", async () => {
  const empty = setup();
  writeFileSync(empty.keyFile, "\n");
  const result = await empty.run(["provision", "--file", empty.policyFile, "--key-file", empty.keyFile, "--json"]);
  assert.equal(result.code, EXIT.usage);
  assert.equal(JSON.parse(result.out).error.field, "accessKey");
  assert.equal(existsSync(empty.keyFile), false);
  assert.deepEqual(readdirSync(empty.dataDir), []);

  const linked = setup();
  const link = join(linked.folder, "link-to-key");
  symlinkSync(linked.keyFile, link);
  const viaLink = await linked.run(["provision", "--file", linked.policyFile, "--key-file", link, "--json"]);
  assert.equal(viaLink.code, EXIT.usage);
  assert.equal(JSON.parse(viaLink.out).error.reason, "not-a-regular-file");
  assert.ok(existsSync(link) && readFileSync(linked.keyFile, "utf8").includes(ACCESS_KEY));

  const folder = await linked.run(["provision", "--file", linked.policyFile, "--key-file", linked.folder, "--json"]);
  assert.equal(folder.code, EXIT.usage);
});

test("outside Practice a key must be given or already stored; re-provisioning keeps a stored key and drops an unneeded PIN", async () => {
  const none = setup();
  const missing = await none.run(["provision", "--file", none.policyFile, "--json"]);
  assert.equal(missing.code, EXIT.usage);
  assert.deepEqual(JSON.parse(missing.out).error.missing, ["accessKey"]);
  assert.deepEqual(readdirSync(none.dataDir), []);

  const keyStore = memoryKeyStore();
  const first = setup({ keyStore });
  assert.equal((await first.run(["provision", "--file", first.policyFile, "--key-file", first.keyFile])).code, EXIT.ok);
  writeFileSync(join(first.dataDir, PIN_ATTEMPTS_FILE), '{"failures":5,"waitUntil":99999999999999}\n');
  writeFileSync(
    first.policyFile,
    JSON.stringify({
      ...POLICY,
      kioskMode: false,
      settingsLocked: false,
      adminPin: undefined,
      counterName: "Counter 4",
    }),
  );
  // An administrator (the wrong-PIN wait above holds against the PIN itself).
  const admin = setup({ keyStore, dataDir: first.dataDir, elevated: true });
  const again = await admin.run(["provision", "--file", first.policyFile, "--json"]);
  assert.equal(again.code, EXIT.ok, again.out);
  assert.equal(JSON.parse(again.out).value.accessKey, "kept");
  assert.equal(keyStore.value, STORED_FOR_UAT);
  assert.deepEqual(readdirSync(first.dataDir).sort(), [COUNTER_FILE, SETTINGS_FILE].sort());
});

test("Practice needs no key; a machine-wide policy in force is pointed out", async () => {
  const machine = join(tempDataDir("provision-machine"), "policy.json");
  writeFileSync(
    machine,
    JSON.stringify({ environment: "practice", counterName: "Machine", kioskMode: false, settingsLocked: false }),
  );
  const { run, policyFile } = setup({
    policy: { environment: "practice", counterName: "Training", kioskMode: false, settingsLocked: false },
    machinePolicyPath: machine,
  });
  const result = await run(["provision", "--file", policyFile]);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.match(result.out, /access key:\s+none \(not needed in Practice\)/);
  assert.match(
    result.out,
    new RegExp(`machine-wide policy ${machine.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is in force`),
  );
});

test("pin-hash reads the PIN from stdin and prints a hash that verifies; never from an argument", async () => {
  const { run } = setup();
  const hashed = await run(["pin-hash", "--json"], "552071\n");
  assert.equal(hashed.code, EXIT.ok);
  const { adminPinHash } = JSON.parse(hashed.out).value;
  assert.ok(await verifyPin("552071", adminPinHash));
  assert.equal((await run(["pin-hash"], "55")).code, EXIT.usage);
  const fourDigits = await run(["pin-hash", "--json"], "5520\n");
  assert.equal(fourDigits.code, EXIT.usage, "a 4-digit PIN is refused");
  assert.equal(JSON.parse(fourDigits.out).error.reason, "pin-too-short");
  assert.equal(
    (await run(["pin-hash"], "counter passphrase\n")).code,
    EXIT.ok,
    "a passphrase of 10+ characters is accepted",
  );
  assert.equal((await run(["pin-hash", "552071"])).code, EXIT.usage);
});

const SERVICE = "Refund Desk (provision test)";
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const skip =
  !hasBus && process.env.REFUND_DESK_REQUIRE_KEYCHAIN !== "1"
    ? "no Secret Service session bus (run under scripts/test.sh)"
    : false;

test(
  "provisioning stores the key in the real OS keychain (Secret Service), checked with secret-tool",
  { skip },
  async () => {
    const keyStore = createKeytarKeyStore(undefined, SERVICE);
    try {
      const { run, policyFile, keyFile } = setup({ keyStore });
      const result = await run(["provision", "--file", policyFile, "--key-file", keyFile]);
      assert.equal(result.code, EXIT.ok, result.err);
      assert.equal(
        execFileSync("secret-tool", ["lookup", "service", SERVICE, "account", KEYCHAIN_ACCOUNT], { encoding: "utf8" }),
        STORED_FOR_UAT,
      );
      assert.equal(existsSync(keyFile), false);
    } finally {
      await keyStore.remove();
    }
  },
);

test("config show tells IT the counter, kiosk mode, lock and PIN, and which machine-wide policy locks it down and why", async () => {
  const machine = join(tempDataDir("provision-machine"), "policy.json");
  writeFileSync(machine, JSON.stringify({ ...POLICY, adminPin: undefined }));
  // A broken machine policy locks the counter: only an administrator may provision it.
  const { run, policyFile, keyFile } = setup({ machinePolicyPath: machine, elevated: true });
  assert.equal((await run(["provision", "--file", policyFile, "--key-file", keyFile])).code, EXIT.ok);
  const shown = await run(["config", "show"]);
  assert.equal(shown.code, EXIT.ok, shown.err);
  // Provisioning does not lift the lockdown: the broken machine policy still stands over it.
  assert.match(
    shown.out,
    /counter:\s+\(not provisioned\)\nkiosk mode:\s+on\nsettings lock:\s+locked\nadmin PIN:\s+not set\n/,
  );
  assert.ok(
    shown.out.includes(
      `LOCKED DOWN, nothing goes to Eko: ${machine} cannot be used: adminPinHash (required-for-kiosk-or-lock)`,
    ),
    shown.out,
  );
});

test("re-provisioning a counter that has an admin PIN, as a normal user without the PIN: exit 2 and nothing changes", async () => {
  const keyStore = memoryKeyStore();
  const first = setup({ keyStore });
  assert.equal((await first.run(["provision", "--file", first.policyFile, "--key-file", first.keyFile])).code, EXIT.ok);
  // The agent's own policy: unlocked, their PIN, a base URL of their choosing.
  const mine = {
    environment: "custom",
    baseUrl: "https://collector.example/v3",
    developerKey: POLICY.developerKey,
    initiatorId: POLICY.initiatorId,
    counterName: "Mine",
    kioskMode: false,
    settingsLocked: false,
  };
  writeFileSync(first.policyFile, JSON.stringify(mine));
  const before = snapshot(first.dataDir);
  const keyFile = join(first.folder, "other-key.txt");
  writeFileSync(keyFile, "agent-own-key\n");

  const noPin = await first.run(["provision", "--file", first.policyFile, "--key-file", keyFile, "--json"]);
  assert.equal(noPin.code, EXIT.usage);
  assert.deepEqual(JSON.parse(noPin.out).error.field, "adminPin");
  assert.match(JSON.parse(noPin.out).error.message, /--pin-stdin or --pin-file.*administrator.*nothing was changed/);
  assert.deepEqual(snapshot(first.dataDir), before);
  assert.equal(keyStore.value, STORED_FOR_UAT);
  assert.ok(existsSync(keyFile), "the key file was not consumed");

  const wrong = await first.run(["provision", "--file", first.policyFile, "--pin-stdin", "--json"], "111111\n");
  assert.equal(wrong.code, EXIT.usage);
  assert.equal(JSON.parse(wrong.out).error.reason, "wrong-pin");
  assert.deepEqual(
    Object.keys(snapshot(first.dataDir)).sort(),
    [...Object.keys(before), PIN_ATTEMPTS_FILE, COUNTER_STATE_FILE].sort(),
    "only the wrong PIN was counted (under the counter state's lock)",
  );
  assert.deepEqual(
    { ...snapshot(first.dataDir), [PIN_ATTEMPTS_FILE]: undefined, [COUNTER_STATE_FILE]: undefined },
    { ...before, [PIN_ATTEMPTS_FILE]: undefined, [COUNTER_STATE_FILE]: undefined },
  );

  // The same wrong-PIN waits as the window: guessing through provisioning is no faster.
  for (let i = 0; i < 2; i += 1)
    await first.run(["provision", "--file", first.policyFile, "--pin-stdin", "--json"], "111111\n");
  const waiting = await first.run(
    ["provision", "--file", first.policyFile, "--pin-stdin", "--json"],
    `${POLICY.adminPin}\n`,
  );
  assert.equal(waiting.code, EXIT.usage);
  assert.equal(JSON.parse(waiting.out).error.reason, "pin-wait");

  const both = await first.run(["provision", "--file", first.policyFile, "--pin-stdin", "--key-stdin"]);
  assert.equal(both.code, EXIT.usage);
});

test("re-provisioning with the right PIN, or as an administrator, goes through", async () => {
  const keyStore = memoryKeyStore();
  const first = setup({ keyStore });
  assert.equal((await first.run(["provision", "--file", first.policyFile, "--key-file", first.keyFile])).code, EXIT.ok);
  writeFileSync(
    first.policyFile,
    JSON.stringify({ ...POLICY, counterName: "Counter 5", adminPin: TEST_SECRETS.adminPins.provisionAgain }),
  );
  const withPin = await first.run(
    ["provision", "--file", first.policyFile, "--pin-stdin", "--json"],
    `${POLICY.adminPin}\n`,
  );
  assert.equal(withPin.code, EXIT.ok, withPin.out);
  assert.equal(JSON.parse(withPin.out).value.counterName, "Counter 5");

  const admin = setup({ keyStore, dataDir: first.dataDir, elevated: true });
  writeFileSync(admin.policyFile, JSON.stringify({ ...POLICY, counterName: "Counter 6" }));
  const elevated = await admin.run(["provision", "--file", admin.policyFile, "--json"]);
  assert.equal(elevated.code, EXIT.ok, elevated.out);
  assert.equal(JSON.parse(withPin.out).value.adminPin, "set");
});
