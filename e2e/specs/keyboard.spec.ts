import type { Page } from "@playwright/test";
import { checkTid, expect, practiceOn, test } from "../fixtures/app";
import { E2E_ACCESS_KEY } from "../fixtures/test-keys";

// An agent with a queue in front of them works from the keyboard. These tests never click: every
// step is a key press, and each checks where focus went, because that is where the eyes go next.

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null);

/** Presses `key` until the element with `testId` has focus; fails after `max` presses. */
async function pressUntilFocused(page: Page, key: string, testId: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if ((await focusedTestId(page)) === testId) return;
  }
  throw new Error(`${testId} never took focus after ${max} × ${key} (focus is on ${await focusedTestId(page)})`);
}

async function expectTabOrder(page: Page, testIds: string[]): Promise<void> {
  for (const testId of testIds) {
    await page.keyboard.press("Tab");
    expect(
      await focusedTestId(page),
      `Tab after ${testIds.indexOf(testId) === 0 ? "start" : testIds[testIds.indexOf(testId) - 1]}`,
    ).toBe(testId);
  }
}

test("a whole shift without the mouse: check, send, copy, next customer, an error, Settings and back", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(host.url).origin });
  const tid = page.getByTestId("tid-input");

  // The field has focus on start; Tab goes on to Check, "Customer has no tid?", the practice list's
  // fold button and its first tid; as many Shift+Tabs come back.
  await expect(tid).toBeFocused();
  await expectTabOrder(page, ["check-tid", "find-mobile-open", "practice-toggle", "practice-tid-13192443"]);
  for (let back = 0; back < 4; back += 1) await page.keyboard.press("Shift+Tab");
  await expect(tid).toBeFocused();

  // Enter checks; Send OTP, the verdict's action, takes focus.
  await page.keyboard.type("13192443");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("send-otp")).toBeFocused();
  // Enter sends; the customer's OTP field takes focus, ready for the digits.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  const reference = (await page.getByTestId("otp-ref-id").textContent()) ?? "";
  expect(reference).not.toBe("");
  // Resend is still counting down (disabled), so Tab skips it.
  await expectTabOrder(page, ["refund-submit", "otp-ref-id", "copy-otp-ref"]);

  // Alt+C copies the reference from wherever focus is; the button says so.
  await page.keyboard.press("Alt+C");
  await expect(page.getByTestId("copy-otp-ref")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference);

  // Alt+N: the next customer. The screen clears and the field takes focus.
  await page.keyboard.press("Alt+N");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveValue("");
  await expect(page.getByTestId("otp-result")).toHaveCount(0);

  // A tid Eko does not know: the field at fault keeps focus, marked and described by the error;
  // the error's details open with Enter and close with Escape.
  await page.keyboard.type("13192445");
  await page.keyboard.press("Enter");
  const error = page.getByTestId("error");
  await expect(error).toHaveAttribute("data-kind", "unknown-tid");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveAttribute("aria-invalid", "true");
  await expectTabOrder(page, ["check-tid", "new-request", "error-details-toggle"]);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("error-details")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("error-details")).toBeHidden();
  await expect(page.getByTestId("error-details-toggle")).toBeFocused();
  // "New request" by Shift+Tab and Enter works like Alt+N.
  await pressUntilFocused(page, "Shift+Tab", "new-request");
  await page.keyboard.press("Enter");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveValue("");

  // A practice tid picked from the list fills the field and hands focus back to it.
  await pressUntilFocused(page, "Tab", "practice-tid-13192446", 20);
  await page.keyboard.press("Enter");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveValue("13192446");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("send-otp")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(error).toBeFocused();
  await expect(error).toHaveAttribute("data-kind", "eko");

  // Settings sits before the field in tab order (in the header); its title takes focus.
  await page.keyboard.press("Alt+N");
  await pressUntilFocused(page, "Shift+Tab", "nav-settings");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeFocused();
  await pressUntilFocused(page, "Tab", "timeout-input");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("20");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("settings-saved")).toBeVisible();

  // Escape goes back, and the field has focus again.
  await page.keyboard.press("Escape");
  await expect(tid).toBeFocused();
  await expect(page.getByTestId("settings-saved")).toHaveCount(0);

  // The language switch in the header, by keyboard too.
  await pressUntilFocused(page, "Shift+Tab", "lang-toggle");
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByTestId("check-tid")).toHaveText("ट्रांज़ैक्शन जाँचें");

  const tidOf = (path: string) => /\/(\d+)(\/otp)?(\?|$)/.exec(path)?.[1];
  expect(simulator.requests.map((r) => `${r.method} ${tidOf(r.path)}`)).toEqual([
    "GET 13192443",
    "POST 13192443",
    "GET 13192445",
    "GET 13192446",
    "POST 13192446",
  ]);
});

test("a refused tid keeps focus in the field, marked invalid and described by the announced error", async ({
  page,
  openApp,
}) => {
  await openApp();
  const tid = page.getByTestId("tid-input");
  await expect(tid).toBeFocused();
  await page.keyboard.type("12ab");
  await page.keyboard.press("Enter");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The transaction ID can only contain digits");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveAttribute("aria-invalid", "true");
  // The field's description is the hint and the error's words, not the panel's buttons.
  await expect(tid).toHaveAccessibleDescription(
    "Digits only, as printed on the receipt. The transaction ID can only contain digits Remove letters, spaces and other signs, then press Check transaction again.",
  );
});

test("while a request is out, a live region says so; the answer then replaces it", async ({ page, openApp }) => {
  const { practice } = await practiceOn(0.5);
  await openApp({ practice });
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await page.keyboard.type("13192447");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("send-otp")).toBeFocused();
  await page.keyboard.press("Enter");
  const status = page.getByTestId("sending-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveText("Sending the request. Wait for the answer on the screen.");
  await expect(page.getByTestId("customer-otp")).toBeFocused({ timeout: 10_000 });
  await expect(status).toHaveText("");
});

test("Escape in Settings first cancels replacing the access key or closes error details, then goes back", async ({
  page,
  openApp,
}) => {
  // A key is stored for UAT, production or a custom server: this counter is on UAT.
  const host = await openApp();
  await host.desk.services.updateSettings({ environment: "uat" });
  await page.reload();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await pressUntilFocused(page, "Shift+Tab", "nav-settings");
  await page.keyboard.press("Enter");
  // Settings is a chunk of its own: the form is there once its heading is.
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await pressUntilFocused(page, "Tab", "access-key-input");
  await page.keyboard.type(E2E_ACCESS_KEY);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("access-key-status")).toHaveAttribute("data-state", "stored");
  await expect(page.getByTestId("access-key-status")).toBeFocused();

  await pressUntilFocused(page, "Tab", "replace-access-key");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("access-key-input")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("access-key-input")).toHaveCount(0);
  await expect(page.getByTestId("access-key-status")).toBeFocused();

  // A refused value: the error takes focus; Escape closes its details before leaving.
  await pressUntilFocused(page, "Shift+Tab", "initiator-id-input");
  await page.keyboard.type("12345");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("error")).toBeFocused();
  await expectTabOrder(page, ["error-details-toggle"]);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("error-details")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("tid-input")).toBeFocused();
});

test("the shortcuts are shown on their buttons and named to assistive technology", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await checkTid(page, "13192443");
  await expect(page.getByTestId("send-otp")).toHaveAttribute("aria-keyshortcuts", "Alt+S");
  await expect(page.getByTestId("send-otp")).toContainText("Alt+S");
  await expect(page.getByTestId("send-otp")).toHaveAccessibleName("Send OTP to customer");
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("copy-otp-ref")).toHaveAttribute("aria-keyshortcuts", "Alt+C");
  await expect(page.getByTestId("copy-otp-ref")).toContainText("Alt+C");
  await expect(page.getByTestId("copy-otp-ref")).toHaveAccessibleName("Copy");
  await expect(page.getByTestId("new-request")).toHaveAttribute("aria-keyshortcuts", "Alt+N");
  await expect(page.getByTestId("new-request")).toContainText("Alt+N");
  await page.keyboard.press("Alt+N");
  await pressUntilFocused(page, "Shift+Tab", "nav-settings");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("settings-back")).toHaveAttribute("aria-keyshortcuts", "Escape");
  await expect(page.getByTestId("settings-back")).toContainText("Esc");
});

test("the language and large text are remembered on this machine", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await pressUntilFocused(page, "Shift+Tab", "large-text-toggle");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("large-text-toggle")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await rootSize()).toBe("22px");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await expect(page.getByTestId("large-text-toggle")).toHaveAttribute("aria-pressed", "true");
  expect(await rootSize()).toBe("22px");
  await expect(page.getByTestId("tid-input")).toBeFocused();
});
