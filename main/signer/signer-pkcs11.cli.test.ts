/**
 * The signer pkcs11 as IT and the counter use it, through the command line on a SoftHSM2 token
 * of this run's own: set-token-pin, set-key into the token, provision, a signed request the
 * simulator accepts, and the key found nowhere afterwards (not in the keychain, the data folder,
 * the output, nor in clear in the token's own files).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { signTimestamp } from "../eko/signing";
import { boundKeyText } from "../keychain/bound-key";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { initToken, ownSoftHsm, softHsmLibrary } from "../test-support/softhsm";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { EXIT, runCli } from "../cli/cli";
import { hashPin } from "../admin/pin-hash";
import { createCounterLockStore } from "../admin/counter-lock";
import type { MachineDeps } from "../launch/machine-deps";

const library = softHsmLibrary();
const skip = library ? false : "SoftHSM2 is not installed (.ci/run installs Debian's softhsm2)";
const TOKEN = "counter-token";
const KEY = TEST_SECRETS.accessKeys.token;
const PROVISIONED_KEY = TEST_SECRETS.accessKeys.tokenProvisioned;
const account = { developerKey: "0123456789abcdef0123456789abcdef", accessKey: KEY, initiatorId: "9876543210" };
/** A cheap scrypt for the test's admin PIN hash. */
const CHEAP = { ln: 12, r: 8, p: 1 };
const provisionedAccount = {
  developerKey: "fedcba9876543210fedcba9876543210",
  accessKey: PROVISIONED_KEY,
  initiatorId: "9876543211",
};

let server: Simulator;
let softhsm = "";
before(async () => {
  server = await startSimulator({ accounts: [account, provisionedAccount] });
  if (!library) return;
  softhsm = ownSoftHsm();
  initToken(TOKEN);
});
after(() => server.close());

function policy(more: object = {}) {
  return {
    environment: "custom",
    baseUrl: server.baseUrl,
    developerKey: account.developerKey,
    initiatorId: account.initiatorId,
    counterName: "Token counter",
    kioskMode: false,
    settingsLocked: false,
    signer: "pkcs11",
    pkcs11Module: library,
    pkcs11Token: TOKEN,
    ...more,
  };
}

const absent = () => join(tempDataDir("signer-pkcs11-no-policy"), "policy.json");

/** A machine with no machine-wide policy whose keychain keeps the provisioned lock (as a real one). */
function keychainMachine(): MachineDeps {
  return {
    witnessAccount: "agent@counter-3",
    policy: {
      platform: "linux",
      run: async () => ({ code: 1, stdout: "", stderr: "" }),
      overridePath: null,
      posixTrust: { trustedUids: [0] },
      // Absent files: no machine-wide policy, whatever this machine has.
      posixPaths: { managedPreferences: absent(), darwin: absent(), linux: absent() },
    },
    lockStore: createCounterLockStore(memoryKeyStore()),
    attemptsSlot: memoryKeyStore(),
    isElevated: async () => false,
    launch: { packaged: true, dataDir: null, policyPath: null, osLogSocket: null, ignored: [], inUse: [] },
  };
}

function counter(machinePolicy: object | null, machine?: MachineDeps) {
  const keyStore = memoryKeyStore();
  const tokenPinStore = memoryKeyStore();
  const dataDir = tempDataDir("signer-pkcs11-cli");
  let machinePolicyPath: string | null = null;
  if (machinePolicy) {
    machinePolicyPath = join(tempDataDir("signer-pkcs11-policy"), "policy.json");
    writeFileSync(machinePolicyPath, JSON.stringify(machinePolicy));
  }
  const outputs: string[] = [];
  const run = async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, {
      fetch,
      keyStore,
      tokenPinStore,
      dataDir,
      machinePolicyPath,
      ...(machine ? { machine, pinCost: CHEAP } : {}),
    });
    outputs.push(io.out(), io.err());
    return { code, out: io.out(), err: io.err() };
  };
  return { run, keyStore, tokenPinStore, dataDir, outputs };
}

/**
 * Files under `folder` holding the key as typed, in UTF-16LE or as its base64 (the bytes the
 * token holds), as the leak scan (e2e/leak/) seeks it.
 */
function filesHolding(folder: string, key: string): string[] {
  const forms = [
    Buffer.from(key, "utf8"),
    Buffer.from(key, "utf16le"),
    Buffer.from(Buffer.from(key, "utf8").toString("base64"), "ascii"),
  ];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => {
      const bytes = readFileSync(path);
      return forms.some((form) => bytes.includes(form));
    });
}

/** The last request's secret-key is the key's signature of its timestamp. */
function signedWith(accessKey: string): boolean {
  const seen = server.requests.at(-1);
  return seen?.headers["secret-key"] === signTimestamp(accessKey, seen?.headers["secret-key-timestamp"] ?? "");
}

test(
  "set-token-pin, set-key into the token, then a request signed by the token; the key is found nowhere",
  { skip },
  async () => {
    const c = counter(policy());
    // A key an older setup left in the keychain: set-key with the token removes it.
    c.keyStore.value = boundKeyText(KEY, server.baseUrl);
    assert.equal((await c.run(["set-token-pin"], `${TEST_SECRETS.tokenPins.user}\n`)).code, EXIT.ok);
    assert.equal(c.tokenPinStore.value, TEST_SECRETS.tokenPins.user);
    const stored = await c.run(["set-key"], `${KEY}\n`);
    assert.equal(stored.code, EXIT.ok, stored.err);
    assert.match(stored.out, /in the token counter-token as eko-access-key; none is left in the keychain/);
    assert.equal(c.keyStore.value, null, "no key left in the keychain");

    const otp = await c.run(["otp", "13192443", "--json"]);
    assert.equal(otp.code, EXIT.ok, otp.err);
    assert.ok(signedWith(KEY), "the token's signature is Eko's");

    const doctor = JSON.parse((await c.run(["doctor", "--json"])).out);
    const rows = doctor.value.checks.map((check: { id: string; status: string }) => [check.id, check.status]);
    assert.deepEqual(rows.slice(1, 4), [
      ["keychain", "ok"],
      ["access-key", "skipped"],
      ["signer", "ok"],
    ]);

    const shown = await c.run(["config", "show"]);
    assert.match(shown.out, /^signer: +pkcs11$/m);
    assert.match(shown.out, /^token PIN: +stored in the system keychain$/m);

    const leaks = [...filesHolding(c.dataDir, KEY), ...filesHolding(softhsm, KEY)];
    assert.deepEqual(leaks, [], "the key in no file of the data folder, nor in clear in the token's files");
    for (const output of c.outputs) {
      assert.ok(!output.includes(KEY), "no key in the output");
      assert.ok(!output.includes(TEST_SECRETS.tokenPins.user), "no PIN in the output");
    }
  },
);

test(
  "provision with signer pkcs11 puts the key file's key into the token, none into the keychain",
  { skip },
  async () => {
    const c = counter(null, keychainMachine());
    await c.run(["set-token-pin"], TEST_SECRETS.tokenPins.user);
    const folder = tempDataDir("signer-pkcs11-provision");
    const file = join(folder, "policy.json");
    const provisioned = {
      developerKey: provisionedAccount.developerKey,
      initiatorId: provisionedAccount.initiatorId,
      pkcs11Key: "provisioned",
    };
    // An open provisioned counter runs on settings.json, which never names the library: refused.
    writeFileSync(file, JSON.stringify(policy(provisioned)));
    const open = await c.run(["provision", "--file", file, "--key-stdin", "--json"], PROVISIONED_KEY);
    assert.equal(open.code, EXIT.usage);
    assert.equal(JSON.parse(open.out).error.reason, "needs-settings-locked");
    const adminPinHash = await hashPin(TEST_SECRETS.adminPins.other, CHEAP);
    writeFileSync(file, JSON.stringify(policy({ ...provisioned, settingsLocked: true, adminPinHash })));
    const done = await c.run(["provision", "--file", file, "--key-stdin", "--json"], PROVISIONED_KEY);
    assert.equal(done.code, EXIT.ok, done.out + done.err);
    assert.equal(JSON.parse(done.out).value.accessKey, "in-token");
    assert.equal(c.keyStore.value, null);
    const otp = await c.run(["otp", "13192443", "--json"]);
    assert.equal(otp.code, EXIT.ok, otp.out);
    assert.ok(signedWith(PROVISIONED_KEY));
  },
);

test("a token the counter cannot use: the error's kind, and nothing is sent", { skip }, async () => {
  const c = counter(policy({ pkcs11Token: "not-plugged-in" }));
  await c.run(["set-token-pin"], TEST_SECRETS.tokenPins.user);
  const sent = server.requests.length;
  const otp = await c.run(["otp", "13192443", "--json"]);
  assert.equal(otp.code, EXIT.failed);
  assert.equal(JSON.parse(otp.out).error.kind, "token-absent");
  assert.equal(server.requests.length, sent, "nothing reached the server");
  const noPin = counter(policy());
  const missing = await noPin.run(["otp", "13192443", "--json"]);
  assert.deepEqual(JSON.parse(missing.out).error.missing, ["tokenPin"]);
});

test(
  "the token's library comes from a policy only: not config set, not an open counter's settings.json",
  { skip },
  async () => {
    const open = counter(null);
    const refused = await open.run(["config", "set", "pkcs11-module", "/home/agent/own-library.so", "--json"]);
    assert.equal(refused.code, EXIT.usage);
    assert.deepEqual(JSON.parse(refused.out).error, {
      kind: "invalid-input",
      field: "pkcs11Module",
      reason: "policy-only",
      setting: "pkcs11-module",
      message: JSON.parse(refused.out).error.message,
    });
    writeFileSync(
      join(open.dataDir, "settings.json"),
      JSON.stringify({ signer: "pkcs11", pkcs11Module: "/home/agent/own-library.so", pkcs11Token: TOKEN }),
    );
    const shown = JSON.parse((await open.run(["config", "show", "--json"])).out);
    assert.equal(shown.value.signer, "pkcs11");
    assert.equal(shown.value.pkcs11Module, null);
  },
);

test("a PIN the token refuses leaves the keychain: no later command or restart tries it again", { skip }, async () => {
  const c = counter(policy());
  await c.run(["set-token-pin"], TEST_SECRETS.tokenPins.wrong);
  const sent = server.requests.length;
  const refused = await c.run(["otp", "13192443", "--json"]);
  assert.deepEqual(JSON.parse(refused.out).error.details, { cause: "CKR_PIN_INCORRECT" });
  assert.equal(c.tokenPinStore.value, null, "the refused PIN is gone from the keychain");
  const next = await c.run(["otp", "13192443", "--json"]);
  assert.deepEqual(JSON.parse(next.out).error.missing, ["tokenPin"]);
  assert.equal(server.requests.length, sent, "nothing reached the server");
  // The right PIN set again works at once.
  await c.run(["set-token-pin"], TEST_SECRETS.tokenPins.user);
  assert.equal((await c.run(["otp", "13192443", "--json"])).code, EXIT.ok);
});
