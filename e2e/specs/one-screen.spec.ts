import type { Locator, Page } from "@playwright/test";
import { en } from "../../app/messages/en";
import { hi } from "../../app/messages/hi";
import { PRACTICE_OTP } from "../../app/settings";
import { checkAndSendOtp, checkTid, expect, practiceOn, test } from "../fixtures/app";
import { expectAccessibleInBothLanguages } from "../fixtures/axe";

// One screen at the counter: at 1366×768 (an office PC) and 1024×768 (a kiosk), in English and
// Hindi, in normal and large text, after every step of a refund and every refusal the element the
// agent needs next is whole in the first view (the page never had to scroll) and the focus is where
// the agent types or presses next. The walk is keys only, and counts them.

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;
const TEXT = { en, hi } as const;
const noWait = async () => {};

/** The keys an agent presses, counted: digits typed count one each. */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.count += text.length;
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.count += 1;
  }
}

/** Whole in the first view with the page never scrolled, and (when given) focused. */
async function expectReady(page: Page, state: string, next: Locator, focused: Locator | null = next): Promise<void> {
  await expect(next, state).toBeVisible();
  if (focused) await expect(focused, `${state}: where the agent types next`).toBeFocused();
  expect(await page.evaluate(() => window.scrollY), `${state}: the page had to scroll`).toBe(0);
  await expect(next, `${state}: not whole in the first view`).toBeInViewport({ ratio: 1 });
}

async function setUp(page: Page, lang: "en" | "hi", largeText: boolean): Promise<void> {
  if (lang === "hi") {
    await page.getByTestId("lang-toggle").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "hi");
    // A language switch hands the focus back to the field, not to the language button.
    await expect(page.getByTestId("tid-input")).toBeFocused();
  }
  if (largeText) {
    await page.getByTestId("large-text-toggle").click();
    await expect(page.locator("html")).toHaveClass(/large-text/);
    await page.getByTestId("tid-input").focus();
  }
}

for (const lang of ["en", "hi"] as const) {
  for (const largeText of [false, true]) {
    const mode = `${lang}${largeText ? ", large text" : ""}`;

    test(`each step and each refusal: the next action in view and focused, keys only (${mode})`, async ({
      page,
      openApp,
    }) => {
      test.setTimeout(120_000);
      const m = TEXT[lang];
      for (const size of SIZES) {
        const at = `${size.width}×${size.height} ${mode}`;
        await page.setViewportSize(size);
        // A fresh simulator per size: the refunds below change its ledger.
        const { practice } = await practiceOn(0);
        const host = await openApp({ practice, sleep: noWait });
        // A resend is allowed at once, so "Send a new OTP" is live; lost answers take 1 s.
        await host.desk.services.updateSettings({ resendCooldownMs: 0, timeoutMs: 1000 });
        await page.reload();
        await setUp(page, lang, largeText);
        const tid = page.getByTestId("tid-input");
        const keys = new Keys(page);
        await expectReady(page, `${at}: start`, tid);

        // The Practice list is beside the flow or below it, never above it.
        const main = await page.locator(".request-main").boundingBox();
        const aside = await page.getByTestId("practice-panel").boundingBox();
        const besideOrBelow = main && aside && (aside.x >= main.x + main.width || aside.y >= main.y + main.height);
        expect(besideOrBelow, `${at}: Practice list pushes the flow`).toBe(true);

        // The happy path: tid digits + Enter, Alt+S, OTP digits + Enter, Alt+P.
        await keys.type("13192443");
        await keys.press("Enter");
        await expectReady(page, `${at}: checked`, page.getByTestId("send-otp"));
        await expect(page.getByTestId("tx-status")).toContainText(m.txState["refund-pending"].title);
        await keys.press("Alt+S");
        await expectReady(page, `${at}: OTP sent`, page.getByTestId("customer-otp"));
        await expectReady(page, `${at}: OTP sent, Refund`, page.getByTestId("refund-submit"), null);
        await expect(page.getByTestId("transaction-summary")).toContainText("13192443");
        // The environment stays in view wherever the page is scrolled.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await expect(page.getByTestId("env-badge"), `${at}: environment scrolled away`).toBeInViewport({ ratio: 1 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByTestId("customer-otp").focus();
        await keys.type(PRACTICE_OTP);
        await keys.press("Enter");
        await expectReady(page, `${at}: receipt, Print`, page.getByTestId("print-receipt"));
        await expectReady(page, `${at}: receipt, New request`, page.getByTestId("new-request"), null);
        await expect(page.getByTestId("flow-status")).toHaveText(m.flowStatus.refundedNow);
        await keys.press("Alt+P");
        await expect.poll(() => host.prints().length, { message: `${at}: Alt+P` }).toBe(1);
        // tid digits + Enter, Alt+S, OTP digits + Enter, Alt+P.
        const target = "13192443".length + 1 + 1 + PRACTICE_OTP.length + 1 + 1;
        expect(keys.count, `${at}: keys for a whole refund`).toBe(target);

        // Already refunded: the verdict is in view, and the field waits for the next tid.
        await page.keyboard.press("Alt+N");
        await expectReady(page, `${at}: new request`, tid);
        await checkTid(page, "13192444");
        await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refunded");
        await expectReady(page, `${at}: already refunded`, page.getByTestId("tx-status"), tid);
        await expect(page.getByTestId("send-otp")).toHaveCount(0);

        // An expired OTP: one "Send a new OTP", focused; the old reference greyed out.
        await page.keyboard.press("Alt+N");
        await checkAndSendOtp(page, "13192455");
        await expect(page.getByTestId("customer-otp")).toBeFocused();
        await page.keyboard.type(PRACTICE_OTP);
        await page.keyboard.press("Enter");
        await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "otp-expired");
        await expectReady(page, `${at}: expired`, page.getByTestId("new-otp"));
        await expect(page.getByTestId("new-otp")).toHaveText(m.refundStep.newOtp);
        await expect(page.getByTestId("otp-ref-expired")).toBeVisible();
        await expect(page.getByTestId("resend-otp")).toHaveCount(0);
        await page.keyboard.press("Alt+S");
        await expect(page.getByTestId("otp-ref-expired")).toHaveCount(0);
        await expectReady(page, `${at}: expired, new OTP sent`, page.getByTestId("customer-otp"));

        // Not enough balance: the error is in view with focus, the resend countdown is gone.
        await page.keyboard.press("Alt+N");
        await checkAndSendOtp(page, "13192454");
        await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
        await page.getByTestId("customer-otp").press("Enter");
        const error = page.getByTestId("error");
        await expect(error).toHaveAttribute("data-kind", "insufficient-balance");
        await expectReady(page, `${at}: low balance`, error);
        await expect(error).toContainText(lang === "en" ? "Eko wallet" : "Eko वॉलेट");
        await expect(page.getByTestId("resend-otp")).toHaveCount(0);
        await expect(page.getByTestId("refund-form")).toHaveCount(0);

        // A lost answer that went through: the receipt, confirmed by Eko, Print focused.
        await page.keyboard.press("Alt+N");
        await checkAndSendOtp(page, "13192453");
        await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
        await page.getByTestId("customer-otp").press("Enter");
        await expect(page.getByTestId("receipt")).toHaveAttribute("data-confirmed-by", "inquiry", { timeout: 10_000 });
        await expectReady(page, `${at}: lost answer, refunded`, page.getByTestId("print-receipt"));
        await expect(page.getByTestId("flow-status")).toHaveText(m.flowStatus.confirmedByEko);

        // A lost answer and no refund: the same OTP again, typed into the focused field.
        await page.keyboard.press("Alt+N");
        await checkAndSendOtp(page, "13192456");
        await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
        await page.getByTestId("customer-otp").press("Enter");
        await expect(error).toHaveAttribute("data-kind", "refund-not-done", { timeout: 10_000 });
        await expectReady(page, `${at}: lost answer, not refunded`, page.getByTestId("customer-otp"));
        await expectReady(page, `${at}: lost answer, not refunded, Refund`, page.getByTestId("refund-submit"), null);
        await expect(error).toContainText(m.errors["refund-not-done"].action);
      }
    });
  }
}

test("a reload after a finished refund shows an empty Refund screen", async ({ page, openApp }) => {
  await openApp({ sleep: noWait });
  await checkAndSendOtp(page, "13192443");
  await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("receipt")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await expect(page.getByTestId("tid-input")).toHaveValue("");
  for (const gone of ["receipt", "otp-result", "refund-form", "transaction", "restored-banner"]) {
    await expect(page.getByTestId(gone), gone).toHaveCount(0);
  }

  // Nor after New request on an unfinished one: a cleared customer never comes back.
  await checkAndSendOtp(page, "13192455");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  await page.keyboard.press("Alt+N");
  await page.reload();
  await expect(page.getByTestId("tid-input")).toHaveValue("");
  await expect(page.getByTestId("otp-result")).toHaveCount(0);
});

test("a reload mid-flow restores the refund under the banner; Refund waits for a fresh check", async ({
  page,
  openApp,
}) => {
  const { practice, simulator } = await practiceOn(0);
  await openApp({ practice });
  await checkAndSendOtp(page, "13192443");
  const reference = await page.getByTestId("otp-ref-id").textContent();
  await page.reload();

  await expect(page.getByTestId("restored-banner")).toHaveText(new RegExp(en.request.restored));
  await expect(page.getByTestId("otp-ref-id")).toHaveText(reference ?? "");
  await expect(page.getByTestId("refund-submit")).toBeDisabled();
  const tid = page.getByTestId("tid-input");
  await expect(tid).toHaveValue("13192443");
  await expect(tid).toBeFocused();
  await expect(tid).toHaveAccessibleDescription(new RegExp(en.request.restored));
  await expectAccessibleInBothLanguages(page, "restored after a reload");
  // Alt+S sends nothing while the restored tid is unchecked.
  await page.keyboard.press("Alt+S");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("restored-banner")).toHaveCount(0);
  await expect(page.getByTestId("customer-otp")).toBeFocused();
  await expect(page.getByTestId("refund-submit")).toBeEnabled();
  await page.keyboard.type(PRACTICE_OTP);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("receipt")).toBeVisible();
  expect(simulator.requests.filter((r) => r.method === "POST" && r.path.includes("/otp"))).toHaveLength(1);
});

test("an expired OTP within the resend wait: the one button counts down in its label", async ({ page, openApp }) => {
  await openApp();
  await checkAndSendOtp(page, "13192455");
  await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "otp-expired");
  const newOtp = page.getByTestId("new-otp");
  await expect(newOtp).toBeDisabled();
  await expect(newOtp).toHaveText(/^Send a new OTP \(in (2\d|30) s\)$/);
  await expect(page.getByTestId("resend-otp")).toHaveCount(0);
  await expect(page.getByTestId("error")).toBeFocused();
  await expectAccessibleInBothLanguages(page, "expired OTP, the old reference greyed out");
});

test("while a refund's answer is awaited, the wait counts down", async ({ page, openApp }) => {
  const host = await openApp({ sleep: noWait });
  await host.desk.services.updateSettings({ timeoutMs: 3000 });
  // The window reads the timeout with the settings it loads.
  await page.reload();
  await checkAndSendOtp(page, "13192456");
  await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
  await page.getByTestId("customer-otp").press("Enter");
  const countdown = page.getByTestId("refund-countdown");
  await expect(countdown).toHaveText(/^At most [56] s left\.$/);
  await expect(countdown).toHaveText(/^At most [1-4] s left\.$/, { timeout: 4_000 });
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "refund-not-done", { timeout: 10_000 });
});

test("in Hindi: Eko's own words with their meaning beside them, and dates in one script", async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId("lang-toggle").click();
  await checkTid(page, "13192443");
  const when = page.getByTestId("transaction").locator("time").first();
  await expect(when).toHaveText(/नवंबर/);
  // Latin only in "IST", which marks India's time on a computer set to another zone.
  expect((await when.textContent())?.replace("IST", "")).not.toMatch(/[A-Za-z]/);
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("otp-result").locator("time")).not.toHaveText(/[A-HJ-RU-Za-z]/);
  await page.keyboard.press("Alt+N");
  await checkAndSendOtp(page, "13192446");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "eko");
  await expect(page.getByTestId("eko-meaning")).toHaveText(`मतलब: ${hi.ekoMeaning["945"]}`);
  await page.getByTestId("lang-toggle").click();
  await expect(page.getByTestId("eko-meaning")).toHaveCount(0);
});

test("the Practice list folds away beside the flow, and stays folded on this machine", async ({ page, openApp }) => {
  await page.setViewportSize(SIZES[1]);
  await openApp();
  const toggle = page.getByTestId("practice-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("practice-tids")).toBeHidden();
  const field = await page.getByTestId("tid-input").boundingBox();
  const panel = await page.getByTestId("practice-panel").boundingBox();
  expect(field && panel && panel.x >= field.x + field.width, "the folded list sits beside the field").toBe(true);
  await page.reload();
  await expect(page.getByTestId("practice-toggle")).toHaveAttribute("aria-expanded", "false");
});
