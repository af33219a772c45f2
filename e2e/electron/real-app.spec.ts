/**
 * The real app in Electron: the built package where there is one (CI's Windows and macOS runners
 * build it with `npm run pack:e2e`), driven through Playwright's _electron. Skipped, and said so,
 * where there is neither a build nor an Electron binary.
 */
import { expect, test } from "@playwright/test";
import { IPC_METHODS } from "../../app/ipc";
import { APP_ENTRY_URL } from "../../main/window-policy/protocol-paths";
import { PRACTICE_OTP } from "../../main/simulator/scenarios";
import { checkAndSendOtp } from "../fixtures/app";
import { launchDesk, WRONG_OTP, type Desk } from "./desk-app";

let desk: Desk | undefined;
test.afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

test("one window shown on app://, with the CSP header; the preload exposes exactly the contract", async () => {
  desk = await launchDesk();
  const page = await desk.app.firstWindow();
  await expect(page).toHaveURL(APP_ENTRY_URL);
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  const windows = await desk.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), kiosk: w.isKiosk() })),
  );
  expect(windows).toEqual([{ visible: true, kiosk: false }]);

  // The header as the window's session serves app:// (its own protocol handler; ses.fetch goes through it).
  const served = await desk.app.evaluate(async ({ session }, url) => {
    const response = await session.fromPartition("persist:refund-desk").fetch(url);
    return { status: response.status, csp: response.headers.get("content-security-policy") };
  }, APP_ENTRY_URL);
  expect(served).toEqual({
    status: 200,
    csp:
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      "connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  // And a policy is in force in the page: an inline script does not run.
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "document.documentElement.dataset.inline = 'ran'";
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return document.documentElement.dataset.inline === "ran";
  });
  expect(inlineRan).toBe(false);

  const exposed = await page.evaluate(() => {
    const w = window as unknown as {
      require?: unknown;
      process?: unknown;
      module?: unknown;
      refundDesk: Record<string, unknown>;
    };
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      methods: Object.keys(w.refundDesk).sort(),
      functions: Object.values(w.refundDesk).every((value) => typeof value === "function"),
    };
  });
  expect(exposed).toEqual({
    require: "undefined",
    process: "undefined",
    module: "undefined",
    methods: [...IPC_METHODS].sort(),
    functions: true,
  });
});

test("a Practice refund end to end: check, OTP, refund with the customer's OTP, receipt", async () => {
  desk = await launchDesk();
  const page = await desk.app.firstWindow();
  await checkAndSendOtp(page, "13192443");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  // A wrong OTP first: a distinctive one, for the leak scan of the profile folders afterwards.
  await page.getByTestId("customer-otp").fill(WRONG_OTP);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
  await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
  await page.getByTestId("customer-otp").press("Enter");
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText("13192443");
  await expect(receipt.locator("div", { hasText: "Refunded amount" }).locator("dd")).toHaveText("₹5,000.00");
  await expect(receipt).toContainText("Practice — no money moved");
});

test("the window navigates nowhere and opens no other window", async () => {
  desk = await launchDesk();
  const page = await desk.app.firstWindow();
  await expect(page.getByTestId("tid-input")).toBeVisible();

  const opened = await page.evaluate(() => [
    window.open("https://example.com/") === null,
    window.open("app://refund-desk/index.html") === null,
  ]);
  expect(opened, "window.open returns null: the open handler denied it").toEqual([true, true]);
  for (const target of ["https://example.com/", "file:///", "app://elsewhere/index.html"]) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    // Nothing to wait for when it works: give a navigation the time it would take, then look.
    await page.waitForTimeout(500);
    expect(page.url(), `navigation to ${target}`).toBe(APP_ENTRY_URL);
  }
  const urls = await desk.app.evaluate(({ webContents }) => webContents.getAllWebContents().map((c) => c.getURL()));
  expect(urls).toEqual([APP_ENTRY_URL]);
  expect(desk.app.windows()).toHaveLength(1);
  await expect(page.getByTestId("tid-input")).toBeVisible();
});
