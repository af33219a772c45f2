/**
 * Where each setting comes from, walked over every field of Settings: a locked counter takes the
 * policy's value or the built-in default and nothing from settings.json; an open policy goes over
 * the user's file; a counter locked down runs on the defaults alone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Policy } from "../../app/policy";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashPin } from "../admin/pin-hash";
import { createSettingsFile } from "../settings/settings-file";
import { testDesk } from "../test-support/desk";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { readsUserSettings, settingsInForce } from "./settings-in-force";

/** A valid value other than the default for every field: typed, so a new setting must be added here. */
const CHANGED_BY_THE_ACCOUNT: Settings = {
  environment: "custom",
  customBaseUrl: "https://collector.example/v3",
  developerKey: "accountskey12345",
  initiatorId: "9000000001",
  userCode: "66666666",
  timeoutMs: 120_000,
  resendCooldownMs: 0,
  printerName: "Microsoft Print to PDF",
  paperSize: "a4",
  agentCopy: "never",
  receiptLanguages: "both",
  helpline: "call the account's friend",
  grievanceContact: "nobody",
  rbiGrievance: true,
  idleClearMinutes: 15,
  maxClockCorrectionMinutes: 1440,
  signer: "pkcs11",
  pkcs11Module: "/home/agent/own-library.so",
  pkcs11Token: "agent's token",
  pkcs11Key: "agent's key",
  journalRetentionMonths: 2,
};
const FIELDS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const LOCKED: Policy = { environment: "uat", counterName: "C1", kioskMode: true, settingsLocked: true };

test("the account's values differ from the defaults in every field (else the walk below proves nothing)", () => {
  assert.deepEqual(Object.keys(CHANGED_BY_THE_ACCOUNT).sort(), [...FIELDS].sort());
  for (const field of FIELDS) assert.notDeepEqual(CHANGED_BY_THE_ACCOUNT[field], DEFAULT_SETTINGS[field], field);
});

test("locked: every field the policy leaves out is the built-in default, never the user's", () => {
  const inForce = settingsInForce({ from: "policy", policy: LOCKED }, CHANGED_BY_THE_ACCOUNT);
  for (const field of FIELDS) {
    const expected = field === "environment" ? "uat" : DEFAULT_SETTINGS[field];
    assert.deepEqual(inForce[field], expected, field);
  }
  assert.equal(readsUserSettings({ from: "policy", policy: LOCKED }), false);
});

test("locked down: the defaults, whatever the user's file says", () => {
  assert.deepEqual(settingsInForce({ from: "policy", policy: null }, CHANGED_BY_THE_ACCOUNT), DEFAULT_SETTINGS);
});

test("open policy: its fields over the user's; no policy: the user's", () => {
  const open = settingsInForce(
    { from: "user-under-policy", policy: { ...LOCKED, settingsLocked: false } },
    CHANGED_BY_THE_ACCOUNT,
  );
  // The token's library and the journal's retention are a policy's alone, even under an open policy.
  assert.deepEqual(open, {
    ...CHANGED_BY_THE_ACCOUNT,
    environment: "uat",
    pkcs11Module: null,
    journalRetentionMonths: 1200,
  });
  assert.deepEqual(settingsInForce({ from: "user" }, CHANGED_BY_THE_ACCOUNT), CHANGED_BY_THE_ACCOUNT);
  assert.equal(readsUserSettings({ from: "user-under-policy", policy: LOCKED }), true);
});

function policyFile(policy: object): string {
  const path = join(tempDataDir("locked-every-field-policy"), "policy.json");
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

test("through the desk: a machine policy, open then locked, and a settings.json that changes every field", async () => {
  const dataDir = tempDataDir("locked-every-field");
  createSettingsFile(dataDir).save(CHANGED_BY_THE_ACCOUNT);
  const practice = { environment: "practice", counterName: "C1", kioskMode: false };
  const open = testDesk({ dataDir, machinePolicyPath: policyFile({ ...practice, settingsLocked: false }) });
  const adminPinHash = await hashPin(TEST_SECRETS.adminPins.e2e);
  const locked = testDesk({
    dataDir,
    machinePolicyPath: policyFile({ ...practice, settingsLocked: true, adminPinHash }),
  });
  try {
    // Open: the user's file has its say, except on the token's library and the journal's retention, which only a policy names.
    assert.deepEqual(open.desk.settings.current(), {
      ...CHANGED_BY_THE_ACCOUNT,
      environment: "practice",
      pkcs11Module: null,
      journalRetentionMonths: 1200,
    });
    assert.deepEqual(locked.desk.settings.current(), DEFAULT_SETTINGS);
  } finally {
    await open.desk.close();
    await locked.desk.close();
  }
});
