import { IPC_METHODS } from "../../app/ipc";
import { expect, practiceOn, test } from "../fixtures/app";

// What the simulator answers as otp_ref_id; the screen must show it whole.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("a fresh install opens on Practice, ready to type a tid", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", "practice");
  await expect(page.getByTestId("tid-input")).toBeFocused();
  // The stand-in must offer what the preload offers: the contract's methods and nothing more.
  const methods = await page.evaluate(() => Object.keys((window as unknown as { refundDesk: object }).refundDesk).sort());
  expect(methods).toEqual([...IPC_METHODS].sort());
});

test("Enter sends the tid and shows the reference; resend gets a new one", async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId("tid-input").fill("13192443");
  await page.getByTestId("tid-input").press("Enter");

  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).toHaveText(UUID);
  await expect(page.getByTestId("otp-result")).toContainText("13192443");
  const first = await ref.textContent();

  await page.getByTestId("resend-otp").click();
  await expect(ref).not.toHaveText(first ?? "");
  await expect(ref).toHaveText(UUID);
});

test("the send button is locked while a slow answer is awaited, and a second Enter sends nothing", async ({ page, openApp }) => {
  // The slow scenario waits 4 s at scale 1; half of that is long enough to see the lock.
  const { practice, simulator } = await practiceOn(0.5);
  await openApp({ practice });
  const input = page.getByTestId("tid-input");
  await input.fill("13192447");
  await input.press("Enter");

  await expect(page.getByTestId("send-otp")).toBeDisabled();
  await input.press("Enter");
  await expect(page.getByTestId("otp-ref-id")).toHaveText(UUID, { timeout: 10_000 });
  await expect(page.getByTestId("send-otp")).toBeEnabled();
  expect(simulator.requests.map((r) => r.path)).toEqual(["/ekoapi/v3/customer/payment/refund/13192447/otp"]);
});

test("an unknown tid explains itself, with Eko's raw answer under details", async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId("tid-input").fill("13192445");
  await page.getByTestId("send-otp").click();

  const panel = page.getByTestId("error");
  await expect(panel).toHaveAttribute("data-kind", "unknown-tid");
  await expect(page.getByTestId("error-details")).toBeHidden();
  await page.getByTestId("error-details-toggle").click();
  const details = page.getByTestId("error-details");
  await expect(details).toBeVisible();
  await expect(details.locator(".detail-row", { hasText: "HTTP status" }).locator("dd")).toHaveText("200");
  await expect(details.locator(".detail-row", { hasText: "Eko status" }).locator("dd")).toHaveText("168");
});

test("a tid that is not digits is refused before any request", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await page.getByTestId("tid-input").fill("12ab");
  await page.getByTestId("tid-input").press("Enter");

  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "invalid-input");
  await expect(page.getByTestId("tid-input")).toHaveAttribute("aria-invalid", "true");

  // A good tid afterwards is the sync point: had "12ab" gone out, it would be recorded first.
  await page.getByTestId("tid-input").fill("13192443");
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("otp-ref-id")).toHaveText(UUID);
  expect(simulator.requests.map((r) => r.path)).toEqual(["/ekoapi/v3/customer/payment/refund/13192443/otp"]);
});

test("picking a practice tid fills the field without sending", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await page.getByTestId("practice-tid-13192446").click();

  await expect(page.getByTestId("tid-input")).toHaveValue("13192446");
  await expect(page.getByTestId("tid-input")).toBeFocused();

  // Sending it now must be the first and only request: the click itself sent nothing.
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "eko");
  expect(simulator.requests.map((r) => r.path)).toEqual(["/ekoapi/v3/customer/payment/refund/13192446/otp"]);
});
