import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { tempDataDir } from "../test-support/temp-dir";
import { createSettingsFile, SETTINGS_FILE } from "./settings-file";
import { applySettingsPatch, checkBaseUrl } from "./settings-validation";

const refused = (patch: Parameters<typeof applySettingsPatch>[1], field: string, reason: string) => {
  const result = applySettingsPatch(DEFAULT_SETTINGS, patch);
  assert.deepEqual(result, { ok: false, error: { kind: "invalid-input", field, reason } }, JSON.stringify(patch));
};

test("a fresh install is in Practice with a 15 s timeout and a 30 s resend cooldown", () => {
  assert.equal(DEFAULT_SETTINGS.environment, "practice");
  assert.equal(DEFAULT_SETTINGS.timeoutMs, 15_000);
  assert.equal(DEFAULT_SETTINGS.resendCooldownMs, 30_000);
});

test("accepts a complete UAT configuration", () => {
  const result = applySettingsPatch(DEFAULT_SETTINGS, {
    environment: "uat",
    developerKey: "becbbce45f79c6f5109f848acd540567",
    initiatorId: " 9962981729 ",
  });
  assert.ok(result.ok);
  assert.equal(result.value.initiatorId, "9962981729");
});

test("refuses each bad field with its reason", () => {
  refused({ initiatorId: "12345" }, "initiatorId", "not-10-digits");
  refused({ initiatorId: "99629817290" }, "initiatorId", "not-10-digits");
  refused({ developerKey: "has space in it" }, "developerKey", "bad-shape");
  refused({ developerKey: "short" }, "developerKey", "bad-shape");
  refused({ timeoutMs: 10 }, "timeoutMs", "out-of-range");
  refused({ timeoutMs: 1.5e6 }, "timeoutMs", "out-of-range");
  refused({ resendCooldownMs: -1 }, "resendCooldownMs", "out-of-range");
  refused({ resendCooldownMs: 600_001 }, "resendCooldownMs", "out-of-range");
  refused({ environment: "custom" }, "customBaseUrl", "required-for-custom");
  refused({ environment: "staging" as never }, "environment", "unknown-choice");
  refused({ customBaseUrl: "http://eko.example.com/v3" }, "customBaseUrl", "not-https");
  refused({ customBaseUrl: "ftp://eko.example.com/v3" }, "customBaseUrl", "not-https");
  refused({ customBaseUrl: "https://user:pw@eko.example.com/v3" }, "customBaseUrl", "has-credentials");
  refused({ customBaseUrl: "https://eko.example.com/v3?x=1" }, "customBaseUrl", "has-query");
  refused({ customBaseUrl: "not a url" }, "customBaseUrl", "not-a-url");
  refused({ developerKey: 12345678 as never }, "developerKey", "not-text");
});

test("http is allowed for loopback only (the simulator); trailing slashes are dropped", () => {
  assert.deepEqual(checkBaseUrl("http://127.0.0.1:8080/ekoapi/v3/"), {
    ok: true,
    value: "http://127.0.0.1:8080/ekoapi/v3",
  });
  assert.deepEqual(checkBaseUrl("https://api.eko.in:25002/ekoicici/v3"), {
    ok: true,
    value: "https://api.eko.in:25002/ekoicici/v3",
  });
});

test("null clears a field", () => {
  const set = applySettingsPatch(DEFAULT_SETTINGS, { initiatorId: "9962981729" });
  assert.ok(set.ok);
  const cleared = applySettingsPatch(set.value, { initiatorId: null });
  assert.ok(cleared.ok);
  assert.equal(cleared.value.initiatorId, null);
});

test("settings survive a save and load, custom URL included", () => {
  const dir = tempDataDir("settings");
  const file = createSettingsFile(dir);
  const next = applySettingsPatch(DEFAULT_SETTINGS, {
    customBaseUrl: "https://eko.branch.example/v3",
    environment: "custom",
    timeoutMs: 20_000,
  });
  assert.ok(next.ok);
  file.save(next.value);
  assert.deepEqual(createSettingsFile(dir).load(), next.value);
});

test("a damaged settings file opens with defaults, keeping the fields that still validate", () => {
  const dir = tempDataDir("settings");
  writeFileSync(join(dir, SETTINGS_FILE), "{ not json");
  assert.deepEqual(createSettingsFile(dir).load(), DEFAULT_SETTINGS);
  writeFileSync(
    join(dir, SETTINGS_FILE),
    JSON.stringify({
      initiatorId: "9962981729",
      developerKey: 42,
      timeoutMs: "soon",
      environment: "moon",
      __proto__: { x: 1 },
    }),
  );
  const loaded = createSettingsFile(dir).load();
  assert.equal(loaded.initiatorId, "9962981729");
  assert.equal(loaded.timeoutMs, DEFAULT_SETTINGS.timeoutMs);
  assert.equal(loaded.environment, "practice");
  assert.ok(!readFileSync(join(dir, SETTINGS_FILE), "utf8").includes("accessKey"));
});

test("the user code: 8 ASCII digits as Eko's (20810200), null clears, a hand-edited number is refused", () => {
  assert.equal(DEFAULT_SETTINGS.userCode, null);
  const set = applySettingsPatch(DEFAULT_SETTINGS, { userCode: " 20810200 " });
  assert.ok(set.ok);
  assert.equal(set.value.userCode, "20810200");
  for (const bad of ["2081020", "208102000", "2081020a", "२०८१०२००", "2081 0200"])
    refused({ userCode: bad }, "userCode", "not-8-digits");
  refused({ userCode: 20810200 as never }, "userCode", "not-text");
  const cleared = applySettingsPatch(set.value, { userCode: null });
  assert.ok(cleared.ok && cleared.value.userCode === null);

  const dir = tempDataDir("settings");
  writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ userCode: "20810200", initiatorId: "9962981729" }));
  assert.equal(createSettingsFile(dir).load().userCode, "20810200");
  writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ userCode: 20810200 }));
  assert.equal(createSettingsFile(dir).load().userCode, null, "an unquoted number does not stop the app");
});
