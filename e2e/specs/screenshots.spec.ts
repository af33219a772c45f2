import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { hashPin } from "../../main/admin/pin-hash";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { PRACTICE_OTP } from "../../app/settings";
import { checkTid, expect, test } from "../fixtures/app";

// The README's pictures, taken from the real bundle at the window width of a counter PC. Whole
// pages, so the README shows what is below the fold too (the refund form, the doctor's rows).
// They land in docs/screenshots only when asked (`npm run screenshots`), so an ordinary test run
// leaves the work tree clean; otherwise they go with the run's other artifacts.
const SCREENSHOTS = process.env.REFUND_DESK_UPDATE_SCREENSHOTS === "1" || !process.env.REFUND_DESK_TEST_ARTIFACTS
  ? join(__dirname, "..", "..", "docs", "screenshots")
  : join(process.env.REFUND_DESK_TEST_ARTIFACTS, "screenshots");

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), animations: "disabled", fullPage: true });
}

async function inHindi(page: Page): Promise<void> {
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
}

for (const lang of ["en", "hi"] as const) {
  const suffix = lang === "hi" ? "-hi" : "";

  test(`the counter flow, step by step (${lang})`, async ({ page, openApp }) => {
    await openApp();
    if (lang === "hi") await inHindi(page);
    await expect(page.getByTestId("practice-tids")).toBeVisible();
    await shoot(page, `request-empty${suffix}.png`);

    await checkTid(page, "13192443");
    await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
    await shoot(page, `request-checked${suffix}.png`);

    await page.getByTestId("send-otp").click();
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
    await expect(page.getByTestId("refund-form")).toBeVisible();
    await shoot(page, `request-otp-sent${suffix}.png`);

    await page.getByTestId("customer-otp").fill("80417293");
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
    await shoot(page, `request-wrong-otp${suffix}.png`);

    await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("receipt")).toBeVisible();
    await shoot(page, `request-receipt${suffix}.png`);
    await page.evaluate("window.print = () => {}");
    await page.getByTestId("print-receipt").click();
    await expect(page.getByTestId("print-sheet")).toBeAttached();
    await page.emulateMedia({ media: "print" });
    await shoot(page, `receipt-print${suffix}.png`);
    await page.emulateMedia({ media: "screen" });

    await checkTid(page, "13192445");
    await page.getByTestId("error-details-toggle").click();
    await expect(page.getByTestId("error-details")).toBeVisible();
    await shoot(page, `request-error${suffix}.png`);

    await page.getByTestId("nav-history").click();
    await expect(page.getByTestId("history")).toBeVisible();
    await expect(page.getByTestId("history").locator("tbody tr").first()).toBeVisible();
    await shoot(page, `history${suffix}.png`);
  });

  test(`the counter's paper, find by mobile and the day's totals (${lang})`, async ({ page, openApp }) => {
    const host = await openApp();
    await host.desk.services.updateSettings({ agentCopy: "always", helpline: "1800 103 3333", grievanceContact: "grievance@partner.example", rbiGrievance: true });
    if (lang === "hi") await inHindi(page);
    await page.evaluate("window.print = () => {}");

    await page.getByTestId("find-mobile-open").click();
    await page.getByTestId("mobile-input").fill("6111111111");
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
        await page.getByTestId(`paper-${copy}`).screenshot({ path: join(SCREENSHOTS, `receipt-${copy}-${paper}${suffix}.png`), animations: "disabled" });
      }
      await page.emulateMedia({ media: null });
    }

    await page.getByTestId("nav-history").click();
    await expect(page.getByTestId("day-summary")).toBeVisible();
    await page.getByTestId("day-summary").screenshot({ path: join(SCREENSHOTS, `day-summary${suffix}.png`), animations: "disabled" });
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
  writeFileSync(policyPath, JSON.stringify({ environment: "practice", counterName: "Counter 7", kioskMode: true, settingsLocked: true, adminPinHash: await hashPin("4826") }));
  chmodSync(policyPath, 0o644);
  await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("settings-locked")).toBeVisible();
  await shoot(page, "kiosk-settings-locked.png");
  await page.getByTestId("unlock-settings").click();
  await expect(page.getByTestId("admin-pin")).toBeFocused();
  await shoot(page, "kiosk-pin.png");
});
