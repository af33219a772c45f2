import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../app/settings";
import { validatePolicy, overlayPolicy } from "../policy/policy";
import { receiptSetup } from "../refund/receipt-setup";
import { tempDataDir } from "../test-support/temp-dir";
import { createSettingsFile, SETTINGS_FILE } from "./settings-file";
import { applySettingsPatch } from "./settings-validation";

const refused = (patch: Record<string, unknown>, field: string, reason: string) => {
  const result = applySettingsPatch(DEFAULT_SETTINGS, patch);
  assert.deepEqual(result, { ok: false, error: { kind: "invalid-input", field, reason } }, JSON.stringify(patch));
};

test("receipt defaults: 58 mm paper, agent copy in kiosks, the app's language, no grievance text, 2 min idle clear", () => {
  assert.equal(DEFAULT_SETTINGS.paperSize, "58mm");
  assert.equal(DEFAULT_SETTINGS.agentCopy, "kiosk");
  assert.equal(DEFAULT_SETTINGS.receiptLanguages, "interface");
  assert.equal(DEFAULT_SETTINGS.helpline, null);
  assert.equal(DEFAULT_SETTINGS.rbiGrievance, false);
  assert.equal(DEFAULT_SETTINGS.idleClearMinutes, 2);
});

test("receipt fields: good values are kept, contacts trimmed, empty clears", () => {
  const next = applySettingsPatch(DEFAULT_SETTINGS, {
    paperSize: "a4",
    agentCopy: "never",
    receiptLanguages: "both",
    helpline: "  1800-103-3333 ",
    grievanceContact: "grievance@partner.example, 2nd floor, Pune 411001",
    rbiGrievance: true,
    idleClearMinutes: 15,
  });
  assert.ok(next.ok);
  assert.equal(next.value.helpline, "1800-103-3333");
  assert.equal(next.value.paperSize, "a4");
  assert.equal(next.value.idleClearMinutes, 15);
  const cleared = applySettingsPatch(next.value, { helpline: "  ", grievanceContact: null });
  assert.ok(cleared.ok && cleared.value.helpline === null && cleared.value.grievanceContact === null);
  const hindi = applySettingsPatch(DEFAULT_SETTINGS, { grievanceContact: "शिकायत अधिकारी, पुणे" });
  assert.ok(hindi.ok && hindi.value.grievanceContact === "शिकायत अधिकारी, पुणे");
});

test("receipt fields: each bad value refused with its field and reason", () => {
  refused({ paperSize: "110mm" }, "paperSize", "unknown-choice");
  refused({ agentCopy: "sometimes" }, "agentCopy", "unknown-choice");
  refused({ receiptLanguages: "ta" }, "receiptLanguages", "unknown-choice");
  refused({ helpline: "x".repeat(121) }, "helpline", "too-long");
  refused({ helpline: "=HYPERLINK(1)" }, "helpline", "bad-characters");
  refused({ grievanceContact: "line one\nline two" }, "grievanceContact", "bad-characters");
  refused({ grievanceContact: 1800 }, "grievanceContact", "not-text");
  refused({ rbiGrievance: "yes" }, "rbiGrievance", "not-yes-or-no");
  for (const minutes of [0, 16, 1.5, Number.NaN])
    refused({ idleClearMinutes: minutes }, "idleClearMinutes", "out-of-range");
});

test("settings.json keeps the receipt fields across a save and load; a bad one falls back to its default", () => {
  const dir = tempDataDir("receipt-settings");
  const file = createSettingsFile(dir);
  const next = applySettingsPatch(DEFAULT_SETTINGS, {
    paperSize: "80mm",
    helpline: "1800 11 2233",
    idleClearMinutes: 5,
  });
  assert.ok(next.ok);
  file.save(next.value);
  assert.deepEqual(file.load(), next.value);
  writeFileSync(
    join(dir, SETTINGS_FILE),
    JSON.stringify({ paperSize: "A3", idleClearMinutes: 99, rbiGrievance: true }),
  );
  const loaded = file.load();
  assert.equal(loaded.paperSize, "58mm");
  assert.equal(loaded.idleClearMinutes, 2);
  assert.equal(loaded.rbiGrievance, true);
});

test("policy: the receipt fields are checked by the settings' rules and win over the user's", () => {
  const base = { environment: "practice", counterName: "Counter 1", kioskMode: false, settingsLocked: false };
  const good = validatePolicy(
    {
      ...base,
      paperSize: "80mm",
      agentCopy: "always",
      helpline: "1800 11 2233",
      rbiGrievance: true,
      idleClearMinutes: 3,
    },
    "provision",
  );
  assert.ok(good.ok);
  assert.deepEqual(
    {
      paperSize: good.value.policy.paperSize,
      agentCopy: good.value.policy.agentCopy,
      helpline: good.value.policy.helpline,
      rbi: good.value.policy.rbiGrievance,
      idle: good.value.policy.idleClearMinutes,
    },
    { paperSize: "80mm", agentCopy: "always", helpline: "1800 11 2233", rbi: true, idle: 3 },
  );
  const settings = overlayPolicy(
    { ...DEFAULT_SETTINGS, paperSize: "a4", idleClearMinutes: 9, receiptLanguages: "both" },
    good.value.policy,
  );
  assert.equal(settings.paperSize, "80mm");
  assert.equal(settings.idleClearMinutes, 3);
  assert.equal(settings.receiptLanguages, "both", "a field the policy leaves out stays the user's");
  const bad = validatePolicy({ ...base, paperSize: "A5", idleClearMinutes: 30, helpline: "@evil" }, "provision");
  assert.ok(!bad.ok);
  assert.deepEqual(bad.error.map((e) => `${e.field}:${e.reason}`).sort(), [
    "helpline:bad-characters",
    "idleClearMinutes:out-of-range",
    "paperSize:unknown-choice",
  ]);
});

test("receipt setup: the agent's copy follows kiosk mode unless always or never; the practice agent code", () => {
  const kiosk = { counterName: "Counter 1", kioskMode: true };
  const desk = { counterName: null, kioskMode: false };
  assert.equal(receiptSetup(DEFAULT_SETTINGS, kiosk).agentCopy, true);
  assert.equal(receiptSetup(DEFAULT_SETTINGS, desk).agentCopy, false);
  assert.equal(receiptSetup({ ...DEFAULT_SETTINGS, agentCopy: "always" }, desk).agentCopy, true);
  assert.equal(receiptSetup({ ...DEFAULT_SETTINGS, agentCopy: "never" }, kiosk).agentCopy, false);
  assert.equal(receiptSetup(DEFAULT_SETTINGS, kiosk).counterName, "Counter 1");
  assert.equal(receiptSetup(DEFAULT_SETTINGS, kiosk).agentCode, "20810200");
  assert.equal(
    receiptSetup({ ...DEFAULT_SETTINGS, environment: "uat", userCode: "12345678" }, kiosk).agentCode,
    "12345678",
  );
});
