import { test } from "node:test";
import assert from "node:assert/strict";
import {
  AGENT_COPY_CHOICES,
  DEFAULT_SETTINGS,
  EKO_BASE_URLS,
  ENVIRONMENTS,
  PAPER_SIZES,
  PRACTICE_OTP,
  RECEIPT_LANGUAGE_CHOICES,
} from "./settings";
import { TEST_SECRETS } from "../main/test-support/test-secrets";

test("a new install starts in Practice, unconfigured, with the published waits and a 58 mm receipt", () => {
  assert.deepEqual(DEFAULT_SETTINGS, {
    environment: "practice",
    customBaseUrl: null,
    developerKey: null,
    initiatorId: null,
    userCode: null,
    timeoutMs: 15_000,
    resendCooldownMs: 30_000,
    printerName: null,
    paperSize: "58mm",
    agentCopy: "kiosk",
    receiptLanguages: "interface",
    helpline: null,
    grievanceContact: null,
    rbiGrievance: false,
    idleClearMinutes: 2,
    maxClockCorrectionMinutes: 360,
    signer: "keychain",
    pkcs11Module: null,
    pkcs11Token: null,
    pkcs11Key: "eko-access-key",
    journalRetentionMonths: 1200,
  });
});

test("Eko's published base URLs, and the choices each setting offers", () => {
  assert.deepEqual(EKO_BASE_URLS, {
    uat: "https://staging.eko.in/ekoapi/v3",
    production: "https://api.eko.in/ekoicici/v3",
  });
  assert.deepEqual([...ENVIRONMENTS], ["practice", "uat", "production", "custom"]);
  assert.deepEqual([...PAPER_SIZES], ["58mm", "80mm", "a4"]);
  assert.deepEqual([...AGENT_COPY_CHOICES], ["kiosk", "always", "never"]);
  assert.deepEqual([...RECEIPT_LANGUAGE_CHOICES], ["interface", "both"]);
  assert.equal(PRACTICE_OTP, TEST_SECRETS.otps.practice);
});
