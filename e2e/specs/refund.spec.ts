import type { Page } from "@playwright/test";
import type { RecordedRequest } from "../../main/simulator/simulator";
import { expectAccessibleInBothLanguages } from "../fixtures/axe";
import { checkAndSendOtp, checkTid, expect, practiceOn, test } from "../fixtures/app";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// The whole counter flow against the practice simulator: check the transaction, send the OTP,
// refund with the customer's OTP, and the receipt. Main's waits are shortened: no settle pause
// before the inquiry that follows a lost answer, and a short timeout where an answer is lost.

const noWait = async () => {};

const refundPosts = (requests: RecordedRequest[], tid: string) =>
  requests.filter((r) => r.method === "POST" && r.path === `/ekoapi/v3/customer/payment/refund/${tid}`);

const otpPosts = (requests: RecordedRequest[], tid: string) =>
  requests.filter((r) => r.method === "POST" && r.path === `/ekoapi/v3/customer/payment/refund/${tid}/otp`);

/** The pages of a PDF Chromium printed: its page objects (the page tree's node is "/Pages"). */
const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

async function typeOtpAndRefund(page: Page, otp: string): Promise<void> {
  await page.getByTestId("customer-otp").fill(otp);
  await page.getByTestId("customer-otp").press("Enter");
}

test("check, send the OTP, a wrong OTP, then the right one: the receipt, and one refund POST for each OTP", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice });
  await checkTid(page, "13192443");

  const tx = page.getByTestId("transaction");
  await expect(tx).toHaveAttribute("data-state", "refund-pending");
  // The verdict's action takes focus: Enter sends the OTP.
  await expect(page.getByTestId("send-otp")).toBeFocused();
  await expect(page.getByTestId("tx-amount")).toHaveText("₹5,000.00");
  await expect(tx).toContainText("₹50.00");
  await expect(tx).toContainText("Ramesh Kumar");
  await expect(tx).toContainText("Sunita Devi");
  // Only the last 4 digits of the recipient's account ever reach the screen.
  await expect(page.getByTestId("tx-account")).toHaveText("•••• ending in 7890");
  expect(await page.content()).not.toContain("50100234567890");
  await expect(tx).toContainText("The transfer failed and is waiting for a refund");
  expect(otpPosts(simulator.requests, "13192443"), "the check alone sends no OTP").toHaveLength(0);

  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  await expect(page.getByTestId("send-otp")).toHaveCount(0);
  // The transaction folds to one line: tid · amount · sender → recipient.
  await expect(page.getByTestId("transaction")).toHaveCount(0);
  await expect(page.getByTestId("transaction-summary")).toHaveText(/13192443 · ₹5,000.00 · Ramesh Kumar → Sunita Devi/);
  const form = page.getByTestId("refund-form");
  await expect(page.getByTestId("refund-submit")).toHaveText("Refund ₹5,000.00 to the customer");
  const otpInput = page.getByTestId("customer-otp");
  await expect(otpInput).toHaveAttribute("inputmode", "numeric");
  await expect(otpInput).toHaveAttribute("autocomplete", "off");
  await expect(otpInput).toHaveAttribute("maxlength", "8");

  await typeOtpAndRefund(page, TEST_SECRETS.otps.wrongE2e);
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
  await expect(otpInput).toHaveValue("");
  await expect(otpInput).toBeFocused();
  await expect(otpInput).toHaveAttribute("aria-invalid", "true");
  await expect(form).toBeVisible();

  await page.keyboard.type(TEST_SECRETS.otps.practice);
  await page.keyboard.press("Enter");
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId("print-receipt")).toBeFocused();
  // Nothing stale: the status says what just happened, not "waiting for a refund".
  await expect(page.getByTestId("flow-status")).toHaveText("Refunded just now");
  await expect(page.getByTestId("tx-status")).toHaveCount(0);
  await expect(receipt).toContainText("13192443");
  await expect(receipt.locator("div", { hasText: "Refunded amount" }).locator("dd")).toHaveText("₹5,000.00");
  await expect(receipt.locator("div", { hasText: "Your balance now" }).locator("dd")).toHaveText("₹30,000.00");
  // The fee Eko's refund answer gave.
  await expect(receipt.locator("div", { has: page.locator("dt", { hasText: /^Fee$/ }) }).locator("dd")).toHaveText(
    "₹50.00",
  );
  await expect(receipt).toContainText("Practice — no money moved");
  await expect(receipt).toHaveAttribute("data-confirmed-by", "refund");
  await expect(page.getByTestId("receipt-by-inquiry")).toHaveCount(0);
  await expect(page.getByTestId("refund-form")).toHaveCount(0);
  await expect(page.getByTestId("error")).toHaveCount(0);
  // The customer's OTP is on no receipt and in no field once the step is over (123456 stays in the practice aside, public on purpose).
  await expect(receipt).not.toContainText(TEST_SECRETS.otps.practice);
  expect(await page.content()).not.toContain(TEST_SECRETS.otps.wrongE2e);
  expect(
    await page.locator("input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
  ).not.toContain(TEST_SECRETS.otps.practice);

  const posts = refundPosts(simulator.requests, "13192443");
  expect(posts.map((p) => (JSON.parse(p.body) as { otp: number }).otp)).toEqual([
    Number(TEST_SECRETS.otps.wrongE2e),
    Number(TEST_SECRETS.otps.practice),
  ]);

  // Print goes through main (no printer set, not a kiosk: the OS dialog); New request clears the screen for the next customer.
  await page.getByTestId("print-receipt").click();
  await expect.poll(() => host.prints()).toEqual([{ silent: false }]);
  await page.keyboard.press("Alt+N");
  await expect(receipt).toHaveCount(0);
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await expect(page.getByTestId("tid-input")).toHaveValue("");
});

test("the printed receipt: the print sheet alone, black on white, one column of at most 72 mm on an 80 mm roll, no buttons, one page on an 80 mm roll and on A4", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ sleep: noWait });
  await host.desk.services.updateSettings({ paperSize: "80mm" });
  await checkAndSendOtp(page, "13192443");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await expect(page.getByTestId("receipt")).toBeVisible();
  await page.getByTestId("print-receipt").click();
  await expect.poll(() => host.prints()).toHaveLength(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-sheet")).toBeVisible();
  for (const hidden of [
    "practice-banner",
    "tid-input",
    "transaction",
    "practice-tids",
    "receipt",
    "print-receipt",
    "new-request",
    "nav-settings",
  ]) {
    await expect(page.getByTestId(hidden), `${hidden} in print`).toBeHidden();
  }
  const look = await page.getByTestId("print-sheet").evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      width: el.getBoundingClientRect().width,
      color: style.color,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  // 72 mm at 96 px per inch.
  expect(look.width).toBeLessThanOrEqual(272.2);
  expect(look.color).toBe("rgb(0, 0, 0)");
  expect(look.background).toBe("rgb(255, 255, 255)");

  // Printed for real: one page on an 80 mm roll (a slip of a receipt's length) and one on A4.
  for (const paper of [{ width: "80mm", height: "160mm" }, { format: "A4" }]) {
    const pdf = await page.pdf({ ...paper, printBackground: true });
    expect(pdfPages(pdf), JSON.stringify(paper)).toBe(1);
  }
});

test("a refund whose answer is lost but that went through: the status says so, then a receipt confirmed by inquiry", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ sleep: noWait });
  await host.desk.services.updateSettings({ timeoutMs: 2000 });
  // The window reads the timeout with the settings it loads.
  await page.reload();
  await checkAndSendOtp(page, "13192453");
  await page.getByTestId("customer-otp").fill(TEST_SECRETS.otps.practice);
  await page.getByTestId("refund-submit").click();

  const status = page.getByTestId("refund-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toContainText("Refunding… Do not close the app.");
  await expect(status).toContainText("If Eko does not answer within 2 seconds");
  await expect(page.getByTestId("refund-submit")).toBeDisabled();

  const receipt = page.getByTestId("receipt");
  await expect(receipt).toHaveAttribute("data-confirmed-by", "inquiry", { timeout: 10_000 });
  await expect(page.getByTestId("receipt-by-inquiry")).toHaveText(
    "Eko's answer to the refund was lost; a check of the transaction with Eko then confirmed the refund.",
  );
  await expect(receipt).toContainText("13192453");
  // The check's fee is the transfer's; the refund's was in the answer that was lost.
  await expect(receipt.locator("dt", { hasText: /^Fee$/ })).toHaveCount(0);
  await expect(status).toHaveCount(0);
});

test("an already refunded transaction: the check explains it, and offers no OTP", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await checkTid(page, "13192444");
  const tx = page.getByTestId("transaction");
  await expect(tx).toHaveAttribute("data-state", "refunded");
  await expect(tx).toContainText("The money has already been refunded");
  await expect(tx).toContainText("Tell the customer the money was already returned.");
  await expect(page.getByTestId("send-otp")).toHaveCount(0);
  await expect(page.getByTestId("refund-form")).toHaveCount(0);
  await expect(page.getByTestId("new-request")).toBeVisible();
  expect(simulator.requests.map((r) => r.method)).toEqual(["GET"]);
});

test("a double click on Refund sends one refund", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await checkAndSendOtp(page, "13192443");
  await page.getByTestId("customer-otp").fill(TEST_SECRETS.otps.practice);
  await page.getByTestId("refund-submit").dblclick();
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expect(page.getByTestId("error")).toHaveCount(0);
  expect(refundPosts(simulator.requests, "13192443")).toHaveLength(1);
});

test("an expired OTP: the refund form goes, and one press sends a new OTP", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  await checkAndSendOtp(page, "13192455");
  const ref = page.getByTestId("otp-ref-id");
  await expect(ref).not.toBeEmpty();
  const first = await ref.textContent();
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);

  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "otp-expired");
  // One button, and it says what it does; the expired reference is greyed out, not offered.
  await expect(page.getByTestId("new-otp")).toBeFocused();
  await expect(page.getByTestId("new-otp")).toHaveText("Send a new OTP");
  await expect(page.getByTestId("resend-otp")).toHaveCount(0);
  await expect(page.getByTestId("copy-otp-ref")).toHaveCount(0);
  await expect(page.getByTestId("otp-ref-expired")).toHaveText("Expired");
  await expect(page.getByTestId("refund-form")).toHaveCount(0);
  await page.getByTestId("new-otp").click();
  await expect(ref).not.toHaveText(first ?? "");
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  await expect(page.getByTestId("otp-ref-expired")).toHaveCount(0);
  await expect(page.getByTestId("refund-form")).toBeVisible();
  await expect(page.getByTestId("error")).toHaveCount(0);
  expect(otpPosts(simulator.requests, "13192455")).toHaveLength(2);
});

test("a lost answer and no refund: refund-not-done, and the form works again", async ({ page, openApp }) => {
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice, sleep: noWait });
  await host.desk.services.updateSettings({ timeoutMs: 1000 });
  await checkAndSendOtp(page, "13192456");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);

  const error = page.getByTestId("error");
  await expect(error).toHaveAttribute("data-kind", "refund-not-done", { timeout: 10_000 });
  await expect(error).toContainText("Ask the customer for the same OTP again");
  const otp = page.getByTestId("customer-otp");
  await expect(otp).toBeFocused();
  await expect(otp).toHaveValue("");
  await expect(otp).toBeEditable();
  await expect(page.getByTestId("refund-submit")).toBeEnabled();
  // The POST went once; the inquiry after it is what told the refund was not made.
  expect(refundPosts(simulator.requests, "13192456")).toHaveLength(1);
  expect(simulator.requests.at(-1)?.method).toBe("GET");
});

test("axe: the transaction, the refund form, a refund error and the receipt, in English and Hindi", async ({
  page,
  openApp,
}) => {
  test.setTimeout(60_000);
  await openApp({ sleep: noWait });
  await checkTid(page, "13192443");
  await expect(page.getByTestId("transaction")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "transaction, refund pending");
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("refund-form")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "OTP sent, refund form");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.wrongE2e);
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
  await expectAccessibleInBothLanguages(page, "wrong OTP");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "receipt");
});

test("at 200 % zoom, in Hindi with large text, the refund steps never scroll sideways and kiosk targets are 44 px", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ sleep: noWait });
  await page.goto(`${host.url}?kiosk=1`);
  await page.setViewportSize({ width: 640, height: 400 });
  await page.getByTestId("lang-toggle").click();
  await page.getByTestId("large-text-toggle").click();
  const sideways = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const small = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("main button, main input")]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => el.getBoundingClientRect().height < 44 || el.getBoundingClientRect().width < 44)
        .map((el) => el.dataset.testid ?? el.tagName),
    );

  await checkTid(page, "13192443");
  await expect(page.getByTestId("transaction")).toBeVisible();
  expect(await sideways(), "transaction").toBeLessThanOrEqual(0);
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("refund-form")).toBeVisible();
  expect(await sideways(), "refund form").toBeLessThanOrEqual(0);
  expect(await small(), "refund form").toEqual([]);
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await expect(page.getByTestId("receipt")).toBeVisible();
  expect(await sideways(), "receipt").toBeLessThanOrEqual(0);
  expect(await small(), "receipt").toEqual([]);
});
/** The error's words as the agent reads them: title and action. */
const errorWords = (page: Page) => page.getByTestId("error").locator(".error-message").innerText();

test("wrong OTP, expired OTP and low balance: the same screens and words whether Eko puts the code in status or in response_status_id, English and Hindi", async ({
  page,
  openApp,
}) => {
  test.setTimeout(60_000);
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  const seen: Record<string, string[]> = {};
  const look = async (shape: string, kind: string) => {
    await expect(page.getByTestId("error")).toHaveAttribute("data-kind", kind);
    const english = await errorWords(page);
    await page.getByTestId("lang-toggle").click();
    const hindi = await errorWords(page);
    await page.getByTestId("lang-toggle").click();
    const form = await page.getByTestId("refund-form").count();
    const newOtp = await page.getByTestId("new-otp").count();
    (seen[shape] ??= []).push(JSON.stringify({ kind, english, hindi, form, newOtp }));
  };
  // [code in status, code in response_status_id]
  for (const [shape, balanceTid, expiredTid] of [
    ["status", "13192454", "13192455"],
    ["response_status_id", "13192458", "13192459"],
  ] as const) {
    await page.keyboard.press("Alt+N");
    await checkAndSendOtp(page, balanceTid);
    await typeOtpAndRefund(page, TEST_SECRETS.otps.wrongE2e);
    await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "wrong-otp");
    // Typed again where it was typed (the language switch below moves focus to its button).
    await expect(page.getByTestId("customer-otp")).toBeFocused();
    await look(shape, "wrong-otp");
    await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
    await look(shape, "insufficient-balance");
    await page.keyboard.press("Alt+N");
    await checkAndSendOtp(page, expiredTid);
    await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
    await look(shape, "otp-expired");
  }
  expect(seen.status).toHaveLength(3);
  expect(seen.response_status_id).toEqual(seen.status);
  // The simulator did answer in both shapes.
  const refusals = simulator.requests
    .filter((r) => r.method === "POST" && !r.path.endsWith("/otp"))
    .map((r) => r.path.split("/").at(-1));
  expect(refusals).toEqual(["13192454", "13192454", "13192455", "13192458", "13192458", "13192459"]);
});

test("the OTP from the failure SMS: typed without sending an OTP, refunded without otp_ref_id; Eko's receipt in its QR shape", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await checkTid(page, "13192457");
  await expect(page.getByTestId("send-otp")).toBeVisible();
  await page.getByTestId("use-failure-sms-otp").click();
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  await expect(page.getByTestId("refund-form")).toContainText("Refund with the OTP from the failure SMS");
  await page.keyboard.type(TEST_SECRETS.otps.practice);
  await page.keyboard.press("Enter");
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toHaveAttribute("data-confirmed-by", "refund");
  await expect(receipt.locator("div", { hasText: "Refund ID" }).locator("dd")).toHaveText(/^\d+$/);
  await expect(receipt.locator("div", { hasText: "Your balance now" }).locator("dd")).toHaveText("Not given by Eko");
  expect(otpPosts(simulator.requests, "13192457")).toHaveLength(0);
  const [post] = refundPosts(simulator.requests, "13192457");
  expect(Object.keys(JSON.parse(post?.body ?? "{}"))).not.toContain("otp_ref_id");
});

test("Eko refusing the failure SMS's OTP: said plainly, in both languages, and one press sends an OTP", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  const host = await openApp({ practice });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  await checkTid(page, "900461");
  await page.getByTestId("use-failure-sms-otp").click();
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  const error = page.getByTestId("error");
  await expect(error).toHaveAttribute("data-kind", "otp-ref-needed");
  await expect(error).toContainText("Eko did not accept the refund with the OTP from the failure SMS");
  await expect(page.getByTestId("refund-form")).toHaveCount(0);
  await expect(page.getByTestId("failure-sms-choice")).toHaveCount(0);
  await page.getByTestId("error-details-toggle").click();
  await expect(page.getByTestId("error-details")).toContainText("otp_ref_id: otp_ref_id is required");
  await page.getByTestId("lang-toggle").click();
  await expect(error).toContainText("Eko ने विफलता वाले SMS के ओटीपी से रिफ़ंड नहीं माना");
  await page.getByTestId("lang-toggle").click();
  await page.getByTestId("new-otp").click();
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await expect(page.getByTestId("receipt")).toBeVisible();
  expect(otpPosts(simulator.requests, "900461")).toHaveLength(1);
  expect(refundPosts(simulator.requests, "900461").map((p) => Object.hasOwn(JSON.parse(p.body), "otp_ref_id"))).toEqual(
    [false, true],
  );
});
