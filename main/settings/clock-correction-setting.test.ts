import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { overlayPolicy, validatePolicy } from "../policy/policy";
import { tempDataDir } from "../test-support/temp-dir";
import { createSettingsFile, SETTINGS_FILE } from "./settings-file";
import { checkSettingsPatch } from "./settings-validation";

const POLICY = { environment: "practice", counterName: "Counter 1", kioskMode: false, settingsLocked: false };

test("the clock's bound: 360 minutes by default, whole minutes from 5 to 1440", () => {
  assert.equal(DEFAULT_SETTINGS.maxClockCorrectionMinutes, 360);
  for (const minutes of [5, 1440]) {
    const checked = checkSettingsPatch(DEFAULT_SETTINGS, { maxClockCorrectionMinutes: minutes });
    assert.ok(checked.ok && checked.value.maxClockCorrectionMinutes === minutes, String(minutes));
  }
  for (const minutes of [4, 1441, 30.5, Number.NaN, "60" as unknown as number])
    assert.deepEqual(checkSettingsPatch(DEFAULT_SETTINGS, { maxClockCorrectionMinutes: minutes }), {
      ok: false,
      error: [{ kind: "invalid-input", field: "maxClockCorrectionMinutes", reason: "out-of-range" }],
    });
});

test("settings.json: a good bound is read, a hand-edited bad one leaves the default", () => {
  const dataDir = tempDataDir("clock-bound");
  const file = createSettingsFile(dataDir);
  file.save({ ...DEFAULT_SETTINGS, maxClockCorrectionMinutes: 45 });
  assert.equal(file.load().maxClockCorrectionMinutes, 45);
  writeFileSync(join(dataDir, SETTINGS_FILE), JSON.stringify({ maxClockCorrectionMinutes: 525_600 }));
  assert.equal(file.load().maxClockCorrectionMinutes, 360);
});

test("the machine policy sets the bound and it wins over settings.json; out of range, the policy is refused", () => {
  const valid = validatePolicy({ ...POLICY, maxClockCorrectionMinutes: 15 }, "machine");
  assert.ok(valid.ok, JSON.stringify(valid));
  assert.equal(valid.value.policy.maxClockCorrectionMinutes, 15);
  const inForce = overlayPolicy({ ...DEFAULT_SETTINGS, maxClockCorrectionMinutes: 1440 }, valid.value.policy);
  assert.equal(inForce.maxClockCorrectionMinutes, 15);
  for (const minutes of [0, 100_000])
    assert.deepEqual(validatePolicy({ ...POLICY, maxClockCorrectionMinutes: minutes }, "machine"), {
      ok: false,
      error: [{ kind: "invalid-input", field: "maxClockCorrectionMinutes", reason: "out-of-range" }],
    });
});
