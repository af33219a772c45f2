/**
 * The provisioned lock held in the keychain: deleting the data folder, or starting on another
 * one, does not lift it, and a hand-edited settings.json does not change where requests go.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, EXIT } from "../cli/cli";
import type { MachineDeps } from "../launch/machine-deps";
import { openRefundDesk } from "../refund-desk";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { inputDir, tempDataDir } from "../test-support/temp-dir";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { COUNTER_FILE } from "../policy/counter-file";
import { SETTINGS_FILE } from "../settings/settings-file";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { adminPinPath, adminPinText } from "./admin-pin-file";
import { createCounterLockStore } from "./counter-lock";
import { hashPin } from "./pin-hash";

const POLICY = {
  environment: "practice",
  counterName: "Kiosk 7",
  kioskMode: true,
  settingsLocked: true,
  adminPin: TEST_SECRETS.adminPins.lockRecord,
};
const FAST = { ln: 12, r: 8, p: 1 };

function machine(): MachineDeps & { lockSlot: ReturnType<typeof memoryKeyStore> } {
  const lockSlot = memoryKeyStore();
  return {
    lockSlot,
    witnessAccount: "agent@kiosk-7",
    // No machine-wide policy on this machine: /etc/refund-desk/policy.json is absent.
    policy: {
      platform: "linux",
      run: async () => ({ code: 1, stdout: "", stderr: "" }),
      overridePath: null,
      posixTrust: { trustedUids: [0] },
    },
    lockStore: createCounterLockStore(lockSlot),
    attemptsSlot: memoryKeyStore(),
    isElevated: async () => false,
    launch: { packaged: true, dataDir: null, policyPath: null, osLogSocket: null, ignored: [], inUse: [] },
  };
}

async function provision(dataDir: string, deps: MachineDeps, policy: object, stdin = "") {
  const file = join(inputDir("lock-policy"), "policy.json");
  writeFileSync(file, JSON.stringify(policy));
  const io = cliIo(stdin);
  const code = await runCli(
    ["refund-desk", "provision", "--file", file, ...(stdin ? ["--pin-stdin"] : []), "--json"],
    io,
    { fetch, keyStore: memoryKeyStore(), dataDir, machine: deps, pinCost: FAST },
  );
  return { code, out: io.out() };
}

test("a provisioned lock outlives its data folder: a fresh or other folder is still locked, kiosk and all", async () => {
  const deps = machine();
  const first = tempDataDir("lock-home");
  assert.equal((await provision(first, deps, POLICY)).code, EXIT.ok);
  assert.ok(deps.lockSlot.value?.includes("Kiosk 7"));
  assert.ok(!deps.lockSlot.value?.includes(POLICY.adminPin), "the PIN only as its hash");
  rmSync(first, { recursive: true });

  const elsewhere = tempDataDir("lock-other-home");
  const desk = await openRefundDesk(
    { fetch, keyStore: memoryKeyStore(), dataDir: elsewhere, appOrigin: "test:" },
    deps,
  );
  try {
    assert.deepEqual(
      { ...desk.policy },
      {
        source: "provisioned",
        counterName: "Kiosk 7",
        kioskMode: true,
        settingsLocked: true,
        adminPinSet: true,
        problem: null,
        notices: ["provisioned-lock-only"],
      },
    );
    assert.deepEqual(await desk.services.updateSettings({ environment: "uat" }), {
      ok: false,
      error: { kind: "settings-locked" },
    });
    assert.ok((await desk.adminPin.check(POLICY.adminPin)).ok);
  } finally {
    await desk.close();
  }

  // Re-provisioning from the new folder without the PIN is refused, and the record is unchanged.
  const before = deps.lockSlot.value;
  const mine = await provision(elsewhere, deps, {
    environment: "practice",
    counterName: "Mine",
    kioskMode: false,
    settingsLocked: false,
  });
  assert.equal(mine.code, EXIT.usage);
  assert.equal(deps.lockSlot.value, before);
});

test("a locked counter's settings come from the keychain's policy, not a hand-edited settings.json", async () => {
  const deps = machine();
  const dataDir = tempDataDir("lock-settings");
  assert.equal((await provision(dataDir, deps, { ...POLICY, kioskMode: false })).code, EXIT.ok);
  writeFileSync(
    join(dataDir, "settings.json"),
    JSON.stringify({ environment: "custom", customBaseUrl: "https://collector.example/v3" }),
  );
  const desk = await openRefundDesk({ fetch, keyStore: memoryKeyStore(), dataDir, appOrigin: "test:" }, deps);
  try {
    const view = await desk.services.getSettings({});
    assert.ok(view.ok);
    assert.equal(view.value.environment, "practice");
    assert.notEqual(view.value.baseUrl, "https://collector.example/v3");
  } finally {
    await desk.close();
  }
});

test("junk in the keychain's lock record locks a counter with no machine policy down, whatever its folder says", async () => {
  const deps = machine();
  const dataDir = tempDataDir("lock-damaged");
  deps.lockSlot.value = "junk written by the account";
  writeFileSync(
    join(dataDir, COUNTER_FILE),
    JSON.stringify({ counterName: "Mine", kioskMode: false, settingsLocked: false }),
  );
  const calls: string[] = [];
  const desk = await openRefundDesk(
    { fetch: recording(calls), keyStore: memoryKeyStore(), dataDir, appOrigin: "test:" },
    deps,
  );
  try {
    assert.equal(desk.policy.problem?.errors[0]?.reason, "lock-record-damaged");
    assert.equal(desk.policy.kioskMode, true);
    assert.equal(desk.policy.adminPinSet, false);
    assert.deepEqual(await desk.services.requestRefundOtp({ tid: "13192443" }), {
      ok: false,
      error: { kind: "locked-down" },
    });
    assert.deepEqual(calls, []);
  } finally {
    await desk.close();
  }
});

test("the account's attack: junk lock record and its own files beside a locked machine policy change nothing", async () => {
  const deps = machine();
  const policyFile = join(tempDataDir("lock-machine"), "policy.json");
  const pinHash = await hashPin(TEST_SECRETS.adminPins.e2e);
  writeFileSync(
    policyFile,
    JSON.stringify({
      environment: "uat",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
      counterName: "Machine kiosk",
      kioskMode: true,
      settingsLocked: true,
      adminPinHash: pinHash,
    }),
  );
  deps.policy = { ...deps.policy, overridePath: policyFile, posixTrust: { trustedUids: [0, process.getuid?.() ?? 0] } };
  // What the account owns: its keychain entry, counter.json, admin-pin.json and settings.json.
  const dataDir = tempDataDir("lock-machine-home");
  deps.lockSlot.value = "junk written by the account";
  writeFileSync(
    join(dataDir, COUNTER_FILE),
    JSON.stringify({ counterName: "Mine", kioskMode: false, settingsLocked: false }),
  );
  writeFileSync(adminPinPath(dataDir), adminPinText(await hashPin(TEST_SECRETS.adminPins.other, FAST)));
  writeFileSync(
    join(dataDir, SETTINGS_FILE),
    JSON.stringify({
      environment: "custom",
      customBaseUrl: "http://127.0.0.1:9/v3",
      resendCooldownMs: 0,
      printerName: "Microsoft Print to PDF",
      helpline: "call the account's friend",
      timeoutMs: 120_000,
      userCode: "66666666",
    }),
  );
  const calls: string[] = [];
  const desk = await openRefundDesk(
    { fetch: recording(calls), keyStore: memoryKeyStore(TEST_SECRETS.accessKeys.signing), dataDir, appOrigin: "test:" },
    deps,
  );
  try {
    assert.deepEqual(
      { ...desk.policy },
      {
        source: "machine",
        counterName: "Machine kiosk",
        kioskMode: true,
        settingsLocked: true,
        adminPinSet: true,
        problem: null,
        notices: ["lock-record-damaged"],
      },
    );
    // Locked means every field: the policy's or the built-in default, none from settings.json.
    assert.deepEqual(desk.settings.current(), {
      ...DEFAULT_SETTINGS,
      environment: "uat",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
    });
    assert.equal((await desk.adminPin.check(TEST_SECRETS.adminPins.other)).ok, false, "not the account's PIN");
    await desk.services.requestRefundOtp({ tid: "13192443" });
    assert.deepEqual(
      calls.map((url) => new URL(url).origin),
      ["https://staging.eko.in"],
    );
    const doctor = await desk.services.checkConnection({});
    assert.ok(doctor.ok);
    assert.equal(doctor.value.checks.find((c) => c.id === "policy")?.status, "warn");
  } finally {
    await desk.close();
  }
});

/** A fetch that records each URL and answers like a network that is down. */
function recording(calls: string[]): typeof fetch {
  return async (input) => {
    calls.push(String(input instanceof Request ? input.url : input));
    throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
  };
}
