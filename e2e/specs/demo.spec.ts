/**
 * The browser demo (`npm run demo`) as its host serves it: the same renderer with a banner saying
 * it is a demo, and Practice kept even when someone picks another environment.
 */
import { keepPractice } from "../../scripts/demo/practice-only";
import { expect, test } from "../fixtures/app";

test("the demo says on screen that it is a demo, in both languages, and stays in Practice", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ demo: true, intercept: keepPractice });
  const banner = page.getByTestId("demo-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("DEMO in a web browser");
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await page.getByTestId("lang-toggle").click();
  await expect(banner).toContainText("वेब ब्राउज़र में डेमो");
  await page.getByTestId("lang-toggle").click();
  await expect(banner).toContainText("DEMO in a web browser");

  await page.getByTestId("nav-settings").click();
  await page.getByTestId("env-select").selectOption("uat");
  await page.getByTestId("save-settings").click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(host.desk.settings.current().environment).toBe("practice");
  await expect(banner).toBeVisible();
});

test("the counter's own window shows no demo banner", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});
