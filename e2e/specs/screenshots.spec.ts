import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/app";

// The README's pictures, taken from the real bundle at the window width of a counter PC. Whole
// pages, so the README shows what is below the fold too (the resend button, the doctor's rows).
// They land in docs/screenshots only when asked (`npm run screenshots`), so an ordinary test run
// leaves the work tree clean; otherwise they go with the run's other artifacts.
const SCREENSHOTS = process.env.REFUND_DESK_UPDATE_SCREENSHOTS === "1" || !process.env.REFUND_DESK_TEST_ARTIFACTS
  ? join(__dirname, "..", "..", "docs", "screenshots")
  : join(process.env.REFUND_DESK_TEST_ARTIFACTS, "screenshots");

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), animations: "disabled", fullPage: true });
}

async function sendTid(page: Page, tid: string): Promise<void> {
  await page.getByTestId("tid-input").fill(tid);
  await page.getByTestId("tid-input").press("Enter");
}

test("request screens", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("practice-tids")).toBeVisible();
  await shoot(page, "request-empty.png");

  await sendTid(page, "13192443");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  await shoot(page, "request-success.png");

  await sendTid(page, "13192445");
  await page.getByTestId("error-details-toggle").click();
  await expect(page.getByTestId("error-details")).toBeVisible();
  await shoot(page, "request-error.png");
});

async function inHindi(page: Page): Promise<void> {
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
}

test("request screens in Hindi", async ({ page, openApp }) => {
  await openApp();
  await inHindi(page);
  await expect(page.getByTestId("practice-tids")).toBeVisible();
  await shoot(page, "request-empty-hi.png");

  await sendTid(page, "13192443");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  await shoot(page, "request-success-hi.png");

  await sendTid(page, "13192445");
  await page.getByTestId("error-details-toggle").click();
  await expect(page.getByTestId("error-details")).toBeVisible();
  await shoot(page, "request-error-hi.png");
});

test("settings in Hindi", async ({ page, openApp }) => {
  await openApp();
  await inHindi(page);
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("access-key-status")).toBeVisible();
  await shoot(page, "settings-hi.png");
});

test("settings screens", async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("access-key-status")).toBeVisible();
  await shoot(page, "settings.png");

  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("doctor-report")).toBeVisible();
  await shoot(page, "settings-doctor.png");
});
