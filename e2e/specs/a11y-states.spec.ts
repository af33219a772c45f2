import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { hashPin } from "../../main/admin/pin-hash";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";
import { expectAccessible, expectAccessibleInBothLanguages } from "../fixtures/axe";
import { checkAndSendOtp, checkTid, expect, practiceOn, test } from "../fixtures/app";

// axe-core, moderate findings and above, over the states a11y.spec.ts does not reach: checking
// with Eko, the refund outcomes an agent meets, every transaction that is not waiting for a
// refund, and the admin PIN dialog for leaving kiosk mode, with its wrong-PIN wait.

const PRACTICE_OTP = TEST_SECRETS.otps.practice;

async function refundWith(page: Page, otp: string): Promise<void> {
  await page.getByTestId("customer-otp").fill(otp);
  await page.getByTestId("customer-otp").press("Enter");
}

test("checking with Eko: the check button busy while the inquiry is retried", async ({ page, openApp }) => {
  test.setTimeout(90_000);
  // 900510's inquiry fails twice before it answers; each pause before a retry lasts 10 s here,
  // long enough to run axe in both languages on the busy state.
  await openApp({ sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms > 0 ? 10_000 : 0)) });
  await checkTid(page, "900510");
  await expect(page.getByTestId("check-tid")).toHaveAttribute("aria-busy", "true");
  await expectAccessibleInBothLanguages(page, "checking with Eko");
});

test("refund outcomes: refund not done, OTP expired, low balance", async ({ page, openApp }) => {
  test.setTimeout(90_000);
  const { practice } = await practiceOn(0);
  const host = await openApp({ practice, sleep: async () => {} });
  await host.desk.services.updateSettings({ timeoutMs: 1_000, resendCooldownMs: 0 });
  const cases: Array<[string, string]> = [
    ["13192456", "refund-not-done"],
    ["13192455", "otp-expired"],
    ["13192454", "insufficient-balance"],
  ];
  for (const [tid, kind] of cases) {
    await checkAndSendOtp(page, tid);
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
    await refundWith(page, PRACTICE_OTP);
    await expect(page.getByTestId("error")).toHaveAttribute("data-kind", kind, { timeout: 10_000 });
    await page.getByTestId("error-details-toggle").click();
    await expectAccessibleInBothLanguages(page, `refund ${kind} (tid ${tid})`);
    await page.getByTestId("new-request").click();
  }
});

test("every transaction that is not waiting for a refund", async ({ page, openApp }) => {
  test.setTimeout(90_000);
  await openApp();
  const states: Array<[string, string]> = [
    ["13192444", "refunded"],
    ["13192448", "success"],
    ["13192449", "failed"],
    ["13192450", "in-progress"],
    ["13192451", "hold"],
    ["13192452", "unknown"],
  ];
  for (const [tid, state] of states) {
    await checkTid(page, tid);
    await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", state);
    await expectAccessibleInBothLanguages(page, `transaction ${state} (tid ${tid})`);
  }
});

test("the kiosk-exit PIN dialog, a wrong PIN, and the wait after three", async ({ page, openApp }) => {
  test.setTimeout(90_000);
  const folder = tempDataDir("policy");
  const policyPath = join(folder, "policy.json");
  const policy = {
    environment: "practice",
    counterName: "Counter 7",
    kioskMode: true,
    settingsLocked: true,
    adminPinHash: await hashPin(TEST_SECRETS.adminPins.e2e),
  };
  writeFileSync(policyPath, JSON.stringify(policy));
  chmodSync(policyPath, 0o644);
  await openApp({ machinePolicyPath: policyPath });
  const html = page.locator("html");
  const tryPin = async (pin: string) => {
    await page.getByTestId("admin-pin").fill(pin);
    await page.getByTestId("pin-submit").click();
  };
  // The dialog is modal, so the language is switched with it closed and the dialog opened again.
  await page.getByTestId("exit-kiosk").click();
  await expect(page.getByTestId("pin-dialog")).toBeVisible();
  await expectAccessible(page, "kiosk-exit PIN dialog, English");
  for (const wrong of ["1111", "2222", "3333"]) {
    await tryPin(wrong);
    await expect(page.getByTestId("admin-pin")).toHaveValue("");
  }
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "wrong-pin");
  await expectAccessible(page, "kiosk-exit PIN: three wrong, wait started, English");
  await tryPin(TEST_SECRETS.adminPins.e2e);
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "pin-wait");
  await expectAccessible(page, "kiosk-exit PIN: the wait, English");

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
  await page.getByTestId("lang-toggle").click();
  await expect(html).toHaveAttribute("lang", "hi");
  await page.getByTestId("exit-kiosk").click();
  await expect(page.getByTestId("pin-dialog")).toBeVisible();
  await expectAccessible(page, "kiosk-exit PIN dialog, Hindi");
  await tryPin(TEST_SECRETS.adminPins.e2e);
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "pin-wait");
  await expectAccessible(page, "kiosk-exit PIN: the wait, Hindi");
});
