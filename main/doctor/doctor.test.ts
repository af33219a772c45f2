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
