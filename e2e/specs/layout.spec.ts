import type { Locator, Page } from "@playwright/test";
import { checkAndSendOtp, expect, test } from "../fixtures/app";
import { E2E_ACCESS_KEY } from "../fixtures/test-keys";

// The screens from a 13-inch laptop at 200 % zoom to a kiosk panel: nothing scrolls sideways, the
// one primary action can be reached, and in kiosk mode every target is at least 44 × 44 px.

/** CSS px at 200 % zoom of a 1280 × 800 window. */
const ZOOM_200 = { width: 640, height: 400 };
const WINDOWS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

async function send(page: Page, tid: string): Promise<void> {
  await page.getByTestId("tid-input").fill(tid);
  await page.getByTestId("tid-input").press("Enter");
}

async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `page scrolls sideways: ${state}`).toBeLessThanOrEqual(0);
}

/** Scrolled to, the action is whole on screen and nothing covers its middle. */
async function expectReachable(action: Locator, state: string): Promise<void> {
  // Centred, so sub-pixel rounding at the viewport's edge cannot cut a hair off it.
  await action.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(action, `${state}: not whole on screen`).toBeInViewport({ ratio: 1 });
  const onTop = await action.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && el.contains(hit);
  });
  expect(onTop, `${state}: covered`).toBe(true);
}

async function setLanguage(page: Page, lang: "en" | "hi"): Promise<void> {
  if ((await page.locator("html").getAttribute("lang")) !== lang) await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

for (const lang of ["en", "hi"] as const) {
  for (const largeText of [false, true]) {
    const mode = `${lang}${largeText ? ", large text" : ""}`;
    test(`at 200 % zoom (640 × 400) the screens hold: ${mode}`, async ({ page, openApp }) => {
      await page.setViewportSize(ZOOM_200);
      await openApp();
      await setLanguage(page, lang);
      if (largeText) await page.getByTestId("large-text-toggle").click();
      const sendButton = page.getByTestId("check-tid");

      await expectNoSidewaysScroll(page, "empty");
      await expectReachable(sendButton, "empty");

      await checkAndSendOtp(page, "13192443");
      await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
      await expectNoSidewaysScroll(page, "success");
      await expectReachable(page.getByTestId("copy-otp-ref"), "success: Copy");
      await expectReachable(page.getByTestId("new-request"), "success: New request");

      await send(page, "13192445");
      await page.getByTestId("error-details-toggle").click();
      await expect(page.getByTestId("error-details")).toBeVisible();
      await expectNoSidewaysScroll(page, "error with details");
      await expectReachable(sendButton, "error");

      await page.getByTestId("nav-settings").click();
      await expect(page.getByTestId("access-key-status")).toBeVisible();
      await expectNoSidewaysScroll(page, "settings");
      await expectReachable(page.getByTestId("save-settings"), "settings: Save");
      await page.getByTestId("check-connection").click();
      await expect(page.getByTestId("doctor-report")).toBeVisible();
      await expectNoSidewaysScroll(page, "connection check");
    });
  }
}

test("from 1024 × 768 to 1920 × 1080, in both text sizes, the field and Check are in the first view", async ({
  page,
  openApp,
}) => {
  await openApp();
  for (const largeText of [false, true]) {
    if (largeText) await page.getByTestId("large-text-toggle").click();
    for (const size of WINDOWS) {
      await page.setViewportSize(size);
      const state = `${size.width} × ${size.height}${largeText ? ", large text" : ""}`;
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoSidewaysScroll(page, state);
      await expect(page.getByTestId("tid-input"), state).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId("check-tid"), state).toBeInViewport({ ratio: 1 });
      // Lines stay readable on a wide panel: the content column does not stretch edge to edge.
      const width = await page.locator("main").evaluate((el) => el.getBoundingClientRect().width);
      expect(width, state).toBeLessThanOrEqual(largeText ? 1562 : 1278);
    }
  }
});

test("large text scales the type: a quarter larger, headings included", async ({ page, openApp }) => {
  await openApp();
  const sizes = () =>
    page.evaluate(() =>
      ["#request-title", "#tid-input", "[data-testid=check-tid]"].map((s) =>
        parseFloat(getComputedStyle(document.querySelector(s)!).fontSize),
      ),
    );
  const normal = await sizes();
  await page.getByTestId("large-text-toggle").click();
  const large = await sizes();
  for (const [i, size] of large.entries()) expect(size / (normal[i] ?? 1)).toBeCloseTo(22 / 18, 2);
});

/** Everything a finger could be meant to press on the page now. */
async function targetSizes(page: Page): Promise<{ what: string; width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, input, select, a[href], [tabindex]:not([tabindex='-1'])")]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          what: el.dataset.testid ?? el.id ?? el.tagName,
          width: Math.round(box.width * 10) / 10,
          height: Math.round(box.height * 10) / 10,
        };
      }),
  );
}

async function expectTouchSized(page: Page, state: string): Promise<void> {
  const targets = await targetSizes(page);
  expect(targets.length, `${state}: no targets found`).toBeGreaterThan(0);
  expect(
    targets.filter((t) => t.width < 44 || t.height < 44),
    `${state}: targets under 44 × 44 px`,
  ).toEqual([]);
}

test("kiosk mode (?kiosk=1): every target is at least 44 × 44 px on every screen", async ({ page, openApp }) => {
  const host = await openApp();
  // Outside kiosk mode the details toggle is a text link, smaller than a fingertip.
  await send(page, "13192445");
  await expect(page.getByTestId("error-details-toggle")).toBeVisible();
  const small = (await targetSizes(page)).filter((t) => t.height < 44).map((t) => t.what);
  expect(small).toContain("error-details-toggle");

  await page.goto(`${host.url}?kiosk=1`);
  await expect(page.locator("html")).toHaveClass(/kiosk/);
  await expectTouchSized(page, "request, empty");
  await checkAndSendOtp(page, "13192443");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  await expectTouchSized(page, "success");
  await send(page, "13192445");
  await page.getByTestId("error-details-toggle").click();
  await expectTouchSized(page, "error with details");

  await page.getByTestId("nav-settings").click();
  await page.getByTestId("env-select").selectOption("custom");
  await expectTouchSized(page, "settings, custom server");
  // A key is stored for the environment in force: the custom server is saved first.
  await page.getByTestId("base-url-input").fill("http://127.0.0.1:9/ekoapi/v3");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await page.getByTestId("access-key-input").fill(E2E_ACCESS_KEY);
  await page.getByTestId("store-access-key").click();
  await expect(page.getByTestId("access-key-status")).toHaveAttribute("data-state", "stored");
  await expectTouchSized(page, "settings, key stored");
  await page.getByTestId("replace-access-key").click();
  await expectTouchSized(page, "settings, replacing the key");
  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("doctor-report")).toBeVisible();
  await expectTouchSized(page, "connection check");
});
