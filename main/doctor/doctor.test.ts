import { test } from "node:test";
import assert from "node:assert/strict";
import type { DoctorCheck } from "../../app/doctor";
import { ok } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import type { EkoClient } from "../eko/eko-client";
import { createAccessKey } from "../keychain/access-key";
import { createPractice } from "../simulator/practice";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { createTokenPin, NO_PIN_ENTRY } from "../signer/token-pin";
import type { TokenClient } from "../signer/token-client";
import { runDoctor } from "./doctor";

const HOUR = 3_600_000;
const UAT: Settings = {
  ...DEFAULT_SETTINGS,
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  userCode: "20810200",
};

/** The doctor's clock row when the probe's Date shows `offsetMs`, with these settings. */
async function clockRow(settings: Settings, offsetMs: number): Promise<DoctorCheck | undefined> {
  const probed: string[] = [];
  const client = {
    probe: async (baseUrl: string) => {
      probed.push(baseUrl);
      return ok({ httpStatus: 404, dateOffsetMs: offsetMs });
    },
  } as unknown as EkoClient;
  const report = await runDoctor({
    version: "0.1.0",
    settings: () => settings,
    practice: createPractice(async () => assert.fail("Practice is not started here")),
    accessKey: createAccessKey(memoryKeyStore(TEST_SECRETS.accessKeys.signing)),
    client,
  });
  assert.ok(report.ok);
  assert.equal(probed.length, 1);
  assert.equal(report.value.clockOffsetMs, offsetMs);
  return report.value.checks.find((check) => check.id === "clock");
}

test("Eko's clock within the bound: the kiosk errors the app corrects only warn", async () => {
  for (const offset of [2 * HOUR, -3 * HOUR, 19_800_000])
    assert.deepEqual(await clockRow(UAT, offset), { id: "clock", status: "warn", detail: String(offset) });
  assert.deepEqual(await clockRow(UAT, 400), { id: "clock", status: "ok", detail: "400" });
});

test("Eko's clock past the bound: the check fails with clock-skew naming this computer's time and Eko's", async () => {
  const row = await clockRow(UAT, 8 * HOUR);
  assert.equal(row?.status, "fail");
  assert.equal(row?.error?.kind, "clock-skew");
  if (row?.error?.kind !== "clock-skew") return;
  assert.equal(row.error.offsetMs, 8 * HOUR);
  assert.equal(Date.parse(row.error.ekoTime) - Date.parse(row.error.pcTime), 8 * HOUR);
  assert.ok(Math.abs(Date.parse(row.error.pcTime) - Date.now()) < 60_000);
  // The bound is the setting in force: 30 minutes makes 2 hours too far.
  assert.equal((await clockRow({ ...UAT, maxClockCorrectionMinutes: 30 }, 2 * HOUR))?.status, "fail");
  assert.equal((await clockRow({ ...UAT, environment: "production" }, -7 * HOUR))?.status, "fail");
});

test("a custom URL's clock is only reported: the app corrects nothing there, so no bound applies", async () => {
  const custom: Settings = { ...UAT, environment: "custom", customBaseUrl: "https://api.eko.in:25002/ekoicici/v3" };
  assert.deepEqual(await clockRow(custom, 8 * HOUR), { id: "clock", status: "warn", detail: String(8 * HOUR) });
});

test("the fleet's record: version, policy and lock, signer and key, keychain, OS log, clock, last refund, problems", async () => {
  const client = { probe: async () => ok({ httpStatus: 404, dateOffsetMs: 45_000 }) } as unknown as EkoClient;
  const asked: string[] = [];
  const report = await runDoctor({
    version: "9.8.7",
    settings: () => UAT,
    practice: createPractice(async () => assert.fail("Practice is not started here")),
    accessKey: createAccessKey(memoryKeyStore(null)),
    client,
    policy: {
      source: "machine",
      counterName: "Pune Camp - Counter 3",
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: true,
      problem: null,
      notices: [],
    },
    osLog: { problem: () => "cannot start /usr/bin/logger" },
    lastRefundAt: async (environment) => {
      asked.push(environment);
      return "2026-03-05T10:15:00.000Z";
    },
  });
  assert.ok(report.ok);
  assert.deepEqual(asked, ["uat"]);
  assert.deepEqual(report.value.fleet, {
    version: "9.8.7",
    environment: "uat",
    counterName: "Pune Camp - Counter 3",
    policySource: "machine",
    lockedDown: false,
    settingsLocked: true,
    kioskMode: true,
    signer: "keychain",
    keychain: "ok",
    key: "fail",
    osLog: "warn",
    clockOffsetMs: 45_000,
    lastRefundAt: "2026-03-05T10:15:00.000Z",
    failed: ["access-key"],
    warned: ["os-log", "clock"],
  });
});

test("the fleet's record without a policy or a journal: nothing provisioned, no refund, no OS log", async () => {
  const client = { probe: async () => ok({ httpStatus: 404, dateOffsetMs: 0 }) } as unknown as EkoClient;
  const report = await runDoctor({
    version: "0.1.0",
    settings: () => ({ ...UAT, signer: "pkcs11" }),
    practice: createPractice(async () => assert.fail("Practice is not started here")),
    accessKey: createAccessKey(memoryKeyStore(TEST_SECRETS.accessKeys.signing)),
    client,
  });
  assert.ok(report.ok);
  const { fleet } = report.value;
  assert.deepEqual(
    [fleet.policySource, fleet.counterName, fleet.lockedDown, fleet.settingsLocked, fleet.kioskMode],
    ["none", null, false, false, false],
  );
  // No token given: the key's row is the access key's, and no OS log row.
  assert.deepEqual([fleet.signer, fleet.key, fleet.osLog, fleet.lastRefundAt], ["pkcs11", "ok", null, null]);
  // With the token: its row, here failing for want of a library and a token label.
  const withToken = await runDoctor({
    version: "0.1.0",
    settings: () => ({ ...UAT, signer: "pkcs11" }),
    practice: createPractice(async () => assert.fail("Practice is not started here")),
    accessKey: createAccessKey(memoryKeyStore(null)),
    token: { tokenPin: createTokenPin(NO_PIN_ENTRY), token: {} as TokenClient },
    client,
  });
  assert.ok(withToken.ok);
  assert.equal(withToken.value.fleet.key, "fail");
  assert.deepEqual(withToken.value.fleet.failed, ["signer"]);
});

test("the fleet's record of a counter locked down by a machine policy it cannot trust", async () => {
  const client = { probe: async () => ok({ httpStatus: 404, dateOffsetMs: 0 }) } as unknown as EkoClient;
  const report = await runDoctor({
    version: "0.1.0",
    settings: () => UAT,
    practice: createPractice(async () => assert.fail("Practice is not started here")),
    accessKey: createAccessKey(memoryKeyStore(TEST_SECRETS.accessKeys.signing)),
    client,
    policy: {
      source: "none",
      counterName: null,
      kioskMode: false,
      settingsLocked: true,
      adminPinSet: false,
      problem: { path: "/etc/refund-desk/policy.json", errors: [] },
      notices: [],
    },
  });
  assert.ok(report.ok);
  assert.equal(report.value.fleet.lockedDown, true);
  assert.deepEqual(report.value.fleet.failed, ["policy"]);
});
