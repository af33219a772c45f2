import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IPC_METHODS } from "../../app/ipc";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { checkAndSendOtp, checkTid, expect, practiceOn, test } from "../fixtures/app";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// What the simulator answers as otp_ref_id; the screen must show it whole.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("a fresh install opens on Practice, ready to type a tid", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", "practice");
  await expect(page.getByTestId("tid-input")).toBeFocused();
  // The stand-in must offer what the preload offers: the contract's methods and nothing more.
  const methods = await page.evaluate(() =>
    Object.keys((window as unknown as { refundDesk: object }).refundDesk).sort(),
  );
  expect(methods).toEqual([...IPC_METHODS].sort());
});

test("Enter checks the tid, Send OTP shows the reference; with the cooldown off, resend gets a new one", async ({
  page,
  openApp,
}) => {
  await openApp();
  // The admin turns the resend cooldown off in Settings.
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("resend-cooldown-input")).toHaveValue("30");
  await page.getByTestId("resend-cooldown-input").fill("0");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
  await page.getByTestId("nav-request").click();

  await checkAndSendOtp(page, "13192443");

  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).toHaveText(UUID);
  await expect(page.getByTestId("transaction-summary")).toContainText("13192443");
  const first = await ref.textContent();

  await expect(page.getByTestId("resend-otp")).toHaveText("Resend OTP");
  await page.getByTestId("resend-otp").click();
  await expect(ref).not.toHaveText(first ?? "");
  await expect(ref).toHaveText(UUID);
});

test("after a success Resend counts down; checking again keeps the reference, and a new request's OTP is refused as too soon", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await checkAndSendOtp(page, "13192443");
  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).toHaveText(UUID);
  const reference = await ref.textContent();

  const resend = page.getByTestId("resend-otp");
  await expect(resend).toBeDisabled();
  await expect(resend).toHaveText(/^Resend in (2\d|3[01]) s$/);
  const before = Number((await resend.textContent())?.match(/\d+/)?.[0]);
  // The countdown is live: it goes down while the agent watches.
  await expect(resend).not.toHaveText(`Resend in ${before} s`, { timeout: 3_000 });

  // Enter on the same tid checks it again: the reference and its countdown stay, no second OTP is offered.
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("transaction-summary")).toHaveAttribute("data-state", "refund-pending");
  await expect(ref).toHaveText(reference ?? "");
  await expect(resend).toBeDisabled();
  await expect(page.getByTestId("send-otp")).toHaveCount(0);

  // A new request for the same tid reaches main, which refuses the OTP within the cooldown.
  await page.getByTestId("new-request").click();
  await checkAndSendOtp(page, "13192443");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "cooldown");
  await expect(page.getByTestId("error")).toContainText("13192443");
  expect(simulator.requests.filter((r) => r.method === "POST")).toHaveLength(1);
});

test("a reload after a success shows the same reference again under the restored banner; Refund waits for a check", async ({
  page,
  openApp,
}) => {
  await openApp();
  await checkAndSendOtp(page, "13192443");
  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).toHaveText(UUID);
  const reference = await ref.textContent();

  await page.reload();
  await expect(ref).toHaveText(reference ?? "");
  await expect(page.getByTestId("tid-input")).toHaveValue("13192443");
  // The cooldown is remembered too: Resend is still waiting.
  await expect(page.getByTestId("resend-otp")).toBeDisabled();
  await expect(page.getByTestId("refund-form")).toBeVisible();
  await expect(page.getByTestId("restored-banner")).toHaveText(
    /Restored after restart — check the tid with the customer/,
  );
  await expect(page.getByTestId("refund-submit")).toHaveText("Refund now");
  await expect(page.getByTestId("refund-submit")).toBeDisabled();
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("restored-banner")).toHaveCount(0);
  await expect(page.getByTestId("refund-submit")).toBeEnabled();
  await expect(ref).toHaveText(reference ?? "");
});

test("a reload after an OTP error shows an empty Refund screen: no OTP went out, nothing is left to finish", async ({
  page,
  openApp,
}) => {
  await openApp();
  await checkAndSendOtp(page, "13192446");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "eko");

  await page.reload();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await expect(page.getByTestId("tid-input")).toHaveValue("");
  await expect(page.getByTestId("error")).toHaveCount(0);
  await expect(page.getByTestId("restored-banner")).toHaveCount(0);
});

test("a simulator clock 2 h off: Practice teaches the clock nothing, so the check is refused as the clock's, signed once", async ({
  page,
  openApp,
}) => {
  // Only Eko's own hosts set the signing clock: a server elsewhere could otherwise date every
  // later signature as it liked. The simulator runs on this computer's clock in real use.
  const twoHours = 2 * 3600_000;
  const { practice, simulator } = await practiceOn(0, -twoHours);
  await openApp({ practice });

  await checkTid(page, "13192443");
  const error = page.getByTestId("error");
  await expect(error).toHaveAttribute("data-kind", "clock-skew");
  await expect(error).toContainText("This computer's clock is wrong by 2 h");
  // Signing again on the same clock would be refused the same way: one request, not three.
  expect(simulator.requests.map((r) => `${r.method} ${r.outcome}`)).toEqual(["GET rejected"]);
  await expect(page.getByTestId("clock-status")).toHaveCount(0);
  await page.getByTestId("error-details-toggle").click();
  await expect(page.getByTestId("error-details")).toContainText("This computer's time");
  await expect(page.getByTestId("error-details")).toContainText("Eko's time");
});

test("the reference stays whole on one line beside Copy, and Copy and Resend are in view at 1280×800", async ({
  page,
  openApp,
}) => {
  await openApp();
  await checkAndSendOtp(page, "13192443");
  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).toHaveText(UUID);
  await expect(page.getByTestId("copy-otp-ref")).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("resend-otp")).toBeInViewport({ ratio: 1 });

  // A counter PC's narrowest window, with the practice list beside the form.
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    const fit = await ref.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        lines: el.getBoundingClientRect().height / parseFloat(style.lineHeight),
        overflow: el.scrollWidth - el.clientWidth,
      };
    });
    expect(fit.lines, `lines at ${width} px`).toBeLessThan(1.6);
    expect(fit.overflow, `hidden characters at ${width} px`).toBeLessThanOrEqual(0);
    const refBox = await ref.boundingBox();
    const copyBox = await page.getByTestId("copy-otp-ref").boundingBox();
    expect(copyBox && refBox && copyBox.y < refBox.y + refBox.height, `Copy beside the reference at ${width} px`).toBe(
      true,
    );
  }

  // One click selects the whole reference, for copying by hand when the clipboard refuses.
  await ref.click();
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(await ref.textContent());
});

test("the buttons are locked while a slow OTP answer is awaited, and a second press or Enter sends nothing", async ({
  page,
  openApp,
}) => {
  // The slow scenario waits 4 s at scale 1; half of that is long enough to see the lock.
  const { practice, simulator } = await practiceOn(0.5);
  await openApp({ practice });
  await checkAndSendOtp(page, "13192447");

  await expect(page.getByTestId("send-otp")).toBeDisabled();
  await expect(page.getByTestId("check-tid")).toBeDisabled();
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("otp-ref-id")).toHaveText(UUID, { timeout: 10_000 });
  await expect(page.getByTestId("check-tid")).toBeEnabled();
  expect(simulator.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual([
    "GET /ekoapi/v3/tools/reference/transaction/13192447",
    "POST /ekoapi/v3/customer/payment/refund/13192447/otp",
  ]);
});

test("an unknown tid explains itself, with Eko's raw answer under details", async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId("tid-input").fill("13192445");
  await page.getByTestId("check-tid").click();

  const panel = page.getByTestId("error");
  await expect(panel).toHaveAttribute("data-kind", "unknown-tid");
  await expect(page.getByTestId("error-details")).toBeHidden();
  await page.getByTestId("error-details-toggle").click();
  const details = page.getByTestId("error-details");
  await expect(details).toBeVisible();
  await expect(details.locator(".detail-row", { hasText: "HTTP status" }).locator("dd")).toHaveText("200");
  await expect(details.locator(".detail-row", { hasText: "Eko status" }).locator("dd")).toHaveText("168");
});

test("an OTP sent that this computer cannot record says it went out and to tell IT, its reference's end under details", async ({
  page,
  openApp,
}) => {
  const dataDir = tempDataDir("e2e-unjournaled");
  await openApp({ dataDir });
  await checkTid(page, "13192443");
  await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
  // The journal's folder is removed mid-run and a file takes its place: no line can be written now.
  rmSync(join(dataDir, "journal"), { recursive: true });
  writeFileSync(join(dataDir, "journal"), "");
  await page.getByTestId("send-otp").click();

  const panel = page.getByTestId("error");
  await expect(panel).toHaveAttribute("data-kind", "not-journaled");
  await expect(panel).toContainText(
    "The OTP was sent to the customer for transaction 13192443, but this computer could not record it",
  );
  await expect(panel).toContainText("Tell IT: the journal cannot be written");
  await page.getByTestId("error-details-toggle").click();
  await expect(
    page.getByTestId("error-details").locator(".detail-row", { hasText: "OTP reference (end)" }).locator("dd"),
  ).toHaveText(/^[0-9a-f-]{6}$/);
});

test("a tid that is not digits is refused before any request", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await page.getByTestId("tid-input").fill("12ab");
  await page.getByTestId("tid-input").press("Enter");

  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "invalid-input");
  await expect(page.getByTestId("tid-input")).toHaveAttribute("aria-invalid", "true");

  // A good tid afterwards is the sync point: had "12ab" gone out, it would be recorded first.
  await checkTid(page, "13192443");
  await expect(page.getByTestId("transaction")).toBeVisible();
  expect(simulator.requests.map((r) => r.path.split("?")[0])).toEqual([
    "/ekoapi/v3/tools/reference/transaction/13192443",
  ]);
});

test("picking a practice tid fills the field without checking; the practice OTP is shown beside the list", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await page.getByTestId("practice-tid-13192446").click();

  await expect(page.getByTestId("tid-input")).toHaveValue("13192446");
  await expect(page.getByTestId("tid-input")).toBeFocused();

  await expect(page.getByTestId("practice-otp")).toHaveText(TEST_SECRETS.otps.practice);

  // Checking it now must be the first and only request: the click itself sent nothing.
  await page.getByTestId("tid-input").press("Enter");
  await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
  expect(simulator.requests.map((r) => r.path.split("?")[0])).toEqual([
    "/ekoapi/v3/tools/reference/transaction/13192446",
  ]);
  // This practice tid's OTP step answers Eko's error.
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "eko");
});
