import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { hashPin } from "../../main/admin/pin-hash";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { PRACTICE_OTP } from "../../app/settings";
import { checkAndSendOtp, checkTid, expect, test } from "../fixtures/app";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// The README's pictures, taken from the real bundle. The counter flow at 1366×768, the usual office
// PC, as the agent sees it: the viewport, not the whole page, so a picture shows what fits on one
// screen. Settings, History and the printed receipt are whole pages (the doctor's rows, the slip).
// They land in docs/screenshots only when asked (`npm run screenshots`), so an ordinary test run
// leaves the work tree clean; otherwise they go with the run's other artifacts.
const SCREENSHOTS =
  process.env.REFUND_DESK_UPDATE_SCREENSHOTS === "1" || !process.env.REFUND_DESK_TEST_ARTIFACTS
    ? join(__dirname, "..", "..", "docs", "screenshots")
    : join(process.env.REFUND_DESK_TEST_ARTIFACTS, "screenshots");

const COUNTER_PC = { width: 1366, height: 768 };

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), animations: "disabled", fullPage });
}

/** One step of the counter flow: the first view, at the top. */
async function shootStep(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, name, false);
}

async function inHindi(page: Page): Promise<void> {
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
}

for (const lang of ["en", "hi"] as const) {
  const suffix = lang === "hi" ? "-hi" : "";

  test(`the counter flow, step by step (${lang})`, async ({ page, openApp }) => {
    await page.setViewportSize(COUNTER_PC);
    await openApp();
    if (lang === "hi") await inHindi(page);
    await expect(page.getByTestId("practice-tids")).toBeVisible();
    await shootStep(page, `request-empty${suffix}.png`);

    await checkTid(page, "13192443");
    await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
    await expect(page.getByTestId("send-otp")).toBeFocused();
    await shootStep(page, `request-checked${suffix}.png`);

    await page.keyboard.press("Alt+S");
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
    await expect(page.getByTestId("customer-otp")).toBeFocused();
    await shootStep(page, `request-otp-sent${suffix}.png`);

    await page.keyboard.type(TEST_SECRETS.otps.wrongE2e);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
    await shootStep(page, `request-wrong-otp${suffix}.png`);

    await page.keyboard.type(PRACTICE_OTP);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("receipt")).toBeVisible();
    await expect(page.getByTestId("print-receipt")).toBeFocused();
    await shootStep(page, `request-receipt${suffix}.png`);
    await page.getByTestId("print-receipt").click();
    await expect(page.getByTestId("print-sheet")).toBeAttached();
    await page.emulateMedia({ media: "print" });
    await shoot(page, `receipt-print${suffix}.png`);
    await page.emulateMedia({ media: "screen" });

    await page.keyboard.press("Alt+N");
    await checkTid(page, "13192445");
    await page.getByTestId("error-details-toggle").click();
    await expect(page.getByTestId("error-details")).toBeVisible();
    await shootStep(page, `request-error${suffix}.png`);

    // A reload while an OTP is out: the refund comes back under its banner.
    await page.keyboard.press("Alt+N");
    await checkAndSendOtp(page, "13192455");
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
    await page.reload();
    await expect(page.getByTestId("restored-banner")).toBeVisible();
    await shootStep(page, `request-restored${suffix}.png`);

    // An expired OTP: one button for a new one, the old reference greyed out.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("customer-otp")).toBeFocused();
    await page.keyboard.type(PRACTICE_OTP);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("otp-ref-expired")).toBeVisible();
    await shootStep(page, `request-expired${suffix}.png`);

    await page.getByTestId("nav-history").click();
    await expect(page.getByTestId("history")).toBeVisible();
    await expect(page.getByTestId("history").locator("tbody tr").first()).toBeVisible();
    await shoot(page, `history${suffix}.png`);
  });

  test(`the counter's paper, find by mobile and the day's totals (${lang})`, async ({ page, openApp }) => {
    const host = await openApp();
    await host.desk.services.updateSettings({
      agentCopy: "always",
      helpline: "1800 103 3333",
      grievanceContact: "grievance@partner.example",
      rbiGrievance: true,
    });
    if (lang === "hi") await inHindi(page);
    await page.evaluate("window.print = () => {}");

    await page.getByTestId("find-mobile-open").click();
    await page.getByTestId("mobile-input").fill(TEST_SECRETS.customerMobiles.withPending);
    await page.getByTestId("find-mobile-submit").click();
    await expect(page.getByTestId("find-mobile-row")).toHaveCount(2);
    await shoot(page, `find-by-mobile${suffix}.png`);

    await page.getByTestId("find-mobile-row").first().getByTestId("find-mobile-check").click();
    await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
    await page.getByTestId("send-otp").click();
    await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("receipt")).toBeVisible();
    for (const paper of ["58mm", "80mm"] as const) {
      await host.desk.services.updateSettings({ paperSize: paper });
      await page.getByTestId("print-receipt").click();
      await expect(page.getByTestId("print-sheet")).toHaveAttribute("data-paper", paper);
      await page.emulateMedia({ media: "print" });
      for (const copy of ["customer", "agent"] as const) {
        await page
          .getByTestId(`paper-${copy}`)
          .screenshot({ path: join(SCREENSHOTS, `receipt-${copy}-${paper}${suffix}.png`), animations: "disabled" });
      }
      await page.emulateMedia({ media: null });
    }

    await page.getByTestId("nav-history").click();
    await expect(page.getByTestId("day-summary")).toBeVisible();
    await page
      .getByTestId("day-summary")
      .screenshot({ path: join(SCREENSHOTS, `day-summary${suffix}.png`), animations: "disabled" });
  });

  test(`settings (${lang})`, async ({ page, openApp }) => {
    await openApp();
    if (lang === "hi") await inHindi(page);
    await page.getByTestId("nav-settings").click();
    await expect(page.getByTestId("access-key-status")).toBeVisible();
    await shoot(page, `settings${suffix}.png`);
    if (lang === "hi") return;
    await page.getByTestId("check-connection").click();
    await expect(page.getByTestId("doctor-report")).toBeVisible();
    await shoot(page, "settings-doctor.png");
  });
}

test("a kiosk: locked settings and the admin PIN", async ({ page, openApp }) => {
  const policyPath = join(tempDataDir("policy"), "policy.json");
  writeFileSync(
    policyPath,
    JSON.stringify({
      environment: "practice",
      counterName: "Counter 7",
      kioskMode: true,
      settingsLocked: true,
      adminPinHash: await hashPin("4826"),
    }),
  );
  chmodSync(policyPath, 0o644);
  await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("settings-locked")).toBeVisible();
  await shoot(page, "kiosk-settings-locked.png");
  await page.getByTestId("unlock-settings").click();
  await expect(page.getByTestId("admin-pin")).toBeFocused();
  await shoot(page, "kiosk-pin.png");
});
