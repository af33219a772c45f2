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
import { tempDataDir } from "../test-support/temp-dir";
import { createCounterLockStore, lockRecordText, parseLockRecord } from "./counter-lock";

const POLICY = {
  environment: "practice",
  counterName: "Kiosk 7",
  kioskMode: true,
  settingsLocked: true,
  adminPin: "602913",
};
const FAST = { ln: 12, r: 8, p: 1 };

function machine(): MachineDeps & { lockSlot: ReturnType<typeof memoryKeyStore> } {
  const lockSlot = memoryKeyStore();
  return {
    lockSlot,
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
    launch: { packaged: true, dataDir: null, policyPath: null, ignored: [], inUse: [] },
  };
}

async function provision(dataDir: string, deps: MachineDeps, policy: object, stdin = "") {
  const file = join(tempDataDir("lock-policy"), "policy.json");
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

test("a damaged keychain record locks the counter instead of opening it", async () => {
  const deps = machine();
  deps.lockSlot.value = '{"provisioned": {"counterName": 1}}';
  const desk = await openRefundDesk(
    { fetch, keyStore: memoryKeyStore(), dataDir: tempDataDir("lock-damaged"), appOrigin: "test:" },
    deps,
  );
  try {
    assert.equal(desk.policy.settingsLocked, true);
    assert.equal(desk.policy.problem?.errors[0]?.reason, "lock-record-damaged");
  } finally {
    await desk.close();
  }
  assert.equal(parseLockRecord("not json"), null);
  const record = {
    provisioned: null,
    lastMachine: {
      policy: { environment: "practice" as const, counterName: "M", kioskMode: false, settingsLocked: false },
      pinHash: null,
    },
  };
  assert.deepEqual(parseLockRecord(lockRecordText(record)), record);
});

test("a machine policy that applied is remembered; truncated later, the counter stays a locked kiosk with its PIN", async () => {
  const deps = machine();
  const policyFile = join(tempDataDir("lock-machine"), "policy.json");
  const hash = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";
  const text = JSON.stringify({
    environment: "practice",
    counterName: "Machine kiosk",
    kioskMode: true,
    settingsLocked: false,
    adminPinHash: hash,
  });
  writeFileSync(policyFile, text);
  deps.policy = { ...deps.policy, overridePath: policyFile, posixTrust: { trustedUids: [0, process.getuid?.() ?? 0] } };
  const open = () =>
    openRefundDesk(
      { fetch, keyStore: memoryKeyStore(), dataDir: tempDataDir("lock-machine-home"), appOrigin: "test:" },
      deps,
    );
  const first = await open();
  await first.close();
  assert.equal(first.policy.settingsLocked, false);

  writeFileSync(policyFile, text.slice(0, 40));
  const second = await open();
  try {
    assert.equal(second.policy.kioskMode, true, "kiosk as last known");
    assert.equal(second.policy.settingsLocked, true, "locked while the policy is broken");
    assert.equal(second.policy.counterName, "Machine kiosk");
    assert.equal(second.policy.adminPinSet, true);
    assert.deepEqual(second.policy.problem?.errors, [{ kind: "invalid-input", field: "file", reason: "not-json" }]);
    const doctor = await second.services.checkConnection({});
    assert.ok(doctor.ok);
    const check = doctor.value.checks.find((c) => c.id === "policy");
    assert.equal(check?.status, "fail");
    assert.match(check?.detail ?? "", /policy\.json — file: not-json/);
    // Eko calls still go out, with the settings in force.
    assert.ok((await second.services.requestRefundOtp({ tid: "13192443" })).ok);
  } finally {
    await second.close();
  }
});
