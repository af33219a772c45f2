import type { Page } from "@playwright/test";
import { IPC_CHANNELS } from "../../app/ipc";
import { checkAndSendOtp, checkTid, expect, test } from "../fixtures/app";
import { pdfPageTexts } from "../fixtures/pdf";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// The counter's paper: both receipts at each paper size in each language, printed to PDF by
// Chromium and read back; reprints marked DUPLICATE; find by customer mobile; the idle clear;
// the day's totals. The test host counts the print jobs main is asked for instead of printing.

const noWait = async () => {};
const DEVANAGARI = /[\u0900-\u097F]/;
/** Paper for page.pdf: a roll is a long slip of its width; A4 as it is. */
const PAPER = {
  "58mm": { pdf: { width: "58mm", height: "400mm" }, widthMm: 58 },
  "80mm": { pdf: { width: "80mm", height: "400mm" }, widthMm: 80 },
  a4: { pdf: { format: "A4" }, widthMm: 210 },
} as const;
const MM = 96 / 25.4;

/** Print jobs main was asked for (the test host records them instead of printing). */
function printed(host: { prints(): unknown[] }): number {
  return host.prints().length;
}

async function refundNow(page: Page, tid: string): Promise<void> {
  await checkAndSendOtp(page, tid);
  await page.getByTestId("customer-otp").fill(TEST_SECRETS.otps.practice);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("receipt")).toBeVisible();
}

/** In print media: the sheet alone, as wide as the paper allows, and no element wider than its box. */
async function expectFitsPaper(page: Page, widthMm: number): Promise<void> {
  await page.emulateMedia({ media: "print" });
  const fit = await page.getByTestId("print-sheet").evaluate((sheet) => {
    const overflowing = [...sheet.querySelectorAll("*")].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline",
    );
    return {
      width: sheet.getBoundingClientRect().width,
      overflowing: overflowing.map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  expect(fit.overflowing, "cut off").toEqual([]);
  // The page margins (2 mm each side on rolls) leave the sheet inside the paper.
  expect(fit.width).toBeLessThanOrEqual((widthMm - 4) * MM);
  await expect(page.getByTestId("tid-input")).toBeHidden();
  await expect(page.getByTestId("receipt")).toBeHidden();
}

test("both receipts on 58 mm, 80 mm and A4, in English and Hindi: one page each, the customer's without the balance, Devanagari and ₹ on paper", async ({
  page,
  openApp,
}) => {
  test.setTimeout(90_000);
  const host = await openApp({ sleep: noWait });
  const settings = await host.desk.services.updateSettings({
    agentCopy: "always",
    helpline: "1800 103 3333",
    grievanceContact: "grievance@partner.example",
    rbiGrievance: true,
  });
  expect(settings.ok).toBe(true);
  await refundNow(page, "13192443");

  for (const lang of ["en", "hi"] as const) {
    if (lang === "hi") await page.getByTestId("lang-toggle").click();
    for (const paper of ["58mm", "80mm", "a4"] as const) {
      await host.desk.services.updateSettings({ paperSize: paper });
      const before = printed(host);
      await page.getByTestId("print-receipt").click();
      await expect.poll(() => printed(host)).toBe(before + 1);
      await expect(page.getByTestId("print-sheet")).toHaveAttribute("data-paper", paper);
      await expectFitsPaper(page, PAPER[paper].widthMm);
      const pages = pdfPageTexts(await page.pdf({ ...PAPER[paper].pdf, printBackground: true }));
      expect(pages, `${lang} ${paper}: one page per copy`).toHaveLength(2);
      const [customer = "", agent = ""] = pages;
      const label = `${lang} ${paper}`;
      for (const text of [customer, agent]) {
        expect(text, label).toContain("₹");
        expect(text, label).toContain("13192443");
        expect(text, label).toContain("IST");
        if (lang === "hi") expect(text, label).toMatch(DEVANAGARI);
      }
      // The agent's balance (₹30,000.00 after the practice refund) is on the agent's copy only.
      expect(customer, label).not.toMatch(/30,000/);
      expect(agent, label).toMatch(/30,000\.00/);
      expect(customer, label).toContain("cms.rbi.org.in");
      expect(customer, label).toContain("1800 103 3333");
      // The last line of each copy made it onto the page.
      expect(customer.replace(/\s+/g, " "), label).toContain(
        lang === "en" ? "until the money is back with you" : "संभालकर रखें",
      );
      expect(agent.replace(/\s+/g, " "), label).toContain(lang === "en" ? "signature / thumb" : "अँगूठा");
      expect(customer, label).not.toContain(TEST_SECRETS.otps.practice);
      // page.pdf prints with whatever media is emulated: back to none, as a real print would be.
      await page.emulateMedia({ media: null });
    }
  }

  // Both languages on each copy when the admin chooses: still one page per copy.
  await host.desk.services.updateSettings({ paperSize: "80mm", receiptLanguages: "both" });
  await page.getByTestId("print-receipt").click();
  await expect(page.getByTestId("paper-customer").locator("section[lang]")).toHaveCount(2);
  const both = pdfPageTexts(await page.pdf({ ...PAPER["80mm"].pdf, printBackground: true }));
  expect(both).toHaveLength(2);
  expect(both[0]).toContain("Customer copy");
  expect(both[0]).toMatch(DEVANAGARI);
});

test("a reprint says DUPLICATE with its time, from the receipt screen and from History, and is a journal line", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ sleep: noWait });
  await host.desk.services.updateSettings({ agentCopy: "never" });
  await refundNow(page, "13192443");
  await page.getByTestId("print-receipt").click();
  await expect.poll(() => printed(host)).toBe(1);
  await expect(page.getByTestId("paper-duplicate")).toHaveCount(0);

  await page.getByTestId("reprint-receipt").click();
  await expect.poll(() => printed(host)).toBe(2);
  await expect(page.getByTestId("paper-duplicate")).toHaveCount(1);
  await page.emulateMedia({ media: "print" });
  const [copy = ""] = pdfPageTexts(await page.pdf({ ...PAPER["58mm"].pdf, printBackground: true }));
  expect(copy.replace(/\s+/g, " ")).toMatch(/DUPLICATE — reprinted .+ IST/);
  await page.emulateMedia({ media: null });

  await page.getByTestId("nav-history").click();
  const refundRow = page.locator('[data-testid="history-row"][data-outcome="refund:refunded"]');
  await expect(refundRow).toHaveCount(1);
  await refundRow.getByTestId("history-reprint").click();
  await expect.poll(() => printed(host)).toBe(3);
  await expect(page.getByTestId("print-sheet")).toContainText("DUPLICATE");
  // From the journal: the amounts and the masked account, never the balance or the recipient's name.
  await expect(page.getByTestId("paper-customer")).toContainText("₹5,000.00");
  await expect(page.getByTestId("paper-customer")).toContainText("7890");
  await expect(page.getByTestId("print-sheet")).not.toContainText("30,000");
  await expect(page.getByTestId("print-sheet")).not.toContainText("Sunita");
  await page.getByTestId("history-refresh").click();
  await expect(page.locator('[data-testid="history-row"][data-outcome="reprint:printed"]')).toHaveCount(2);
});

test("a reprint the journal cannot take is refused on History, nothing prints, and the next receipt starts clean", async ({
  page,
  openApp,
}) => {
  let journalWrites = true;
  const host = await openApp({
    sleep: noWait,
    intercept: (channel, payload) =>
      channel === IPC_CHANNELS.recordReprint && !journalWrites
        ? {
            ok: false,
            error: {
              kind: "not-journaled",
              step: "reprint",
              tid: (payload as { tid: string }).tid,
              outcome: "reprint:printed",
              details: { cause: "journal" },
            },
          }
        : undefined,
  });
  await host.desk.services.updateSettings({ agentCopy: "never" });
  await refundNow(page, "13192443");
  await page.getByTestId("print-receipt").click();
  await expect.poll(() => printed(host)).toBe(1);

  journalWrites = false;
  await page.getByTestId("nav-history").click();
  await page
    .locator('[data-testid="history-row"][data-outcome="refund:refunded"]')
    .getByTestId("history-reprint")
    .click();
  await expect(page.getByTestId("history-print-error")).toContainText(
    "The receipt for transaction 13192443 was not printed again",
  );
  expect(printed(host)).toBe(1);

  journalWrites = true;
  await page.getByTestId("nav-request").click();
  await expect(page.getByTestId("receipt")).toBeVisible();
  await expect(page.getByTestId("print-error")).toHaveCount(0);
});

test("find by customer mobile: Eko's test customer lists two transfers, one click checks one and the refund completes; another mobile has none; the day's totals match", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ sleep: noWait });
  await page.getByTestId("find-mobile-open").click();
  await page.getByTestId("mobile-input").fill(TEST_SECRETS.customerMobileForms.spaced);
  await page.getByTestId("find-mobile-submit").click();
  await expect(page.getByTestId("find-mobile-none")).toContainText("2345");
  await expect(page.getByTestId("mobile-input")).toHaveValue("");

  await page.getByTestId("mobile-input").fill(TEST_SECRETS.customerMobiles.other);
  await page.getByTestId("mobile-input").press("Enter");
  await expect(page.getByTestId("find-mobile-error")).toContainText("starts with 6, 7, 8 or 9");

  await page.getByTestId("mobile-input").fill(TEST_SECRETS.customerMobiles.withPending);
  await page.getByTestId("mobile-input").press("Enter");
  const rows = page.getByTestId("find-mobile-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("find-mobile-list")).toContainText("1111");
  await expect(rows.nth(0)).toContainText("₹2,500.00");
  await expect(rows.nth(0)).toContainText("Anil Sharma");
  await expect(rows.nth(1)).toContainText("13192461");
  expect(await page.content()).not.toContain(TEST_SECRETS.customerMobiles.withPending);

  await rows.nth(0).getByTestId("find-mobile-check").click();
  await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
  await expect(page.getByRole("heading", { name: "Transaction 13192460" })).toBeVisible();
  await expect(page.getByTestId("find-mobile")).toHaveCount(0);
  await expect(page.getByTestId("waited-overdue")).toBeVisible();
  await page.getByTestId("send-otp").click();
  await page.getByTestId("customer-otp").fill(TEST_SECRETS.otps.practice);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("receipt")).toContainText("13192460");

  // A second refund the usual way, then the day's totals on History.
  await page.keyboard.press("Alt+N");
  await refundNow(page, "13192443");
  await page.getByTestId("nav-history").click();
  const summary = page.getByTestId("day-summary");
  await expect(summary.getByTestId("summary-refunds")).toHaveText("2");
  await expect(summary.getByTestId("summary-total")).toHaveText("₹7,500.00");
  await expect(summary.getByTestId("summary-fees")).toHaveText("₹75.00");
  await expect(summary.getByTestId("summary-otps")).toHaveText("2");
  await expect(summary.getByTestId("summary-checks")).toHaveText("2");
  await page.getByTestId("print-day-summary").click();
  await expect.poll(() => printed(host)).toBe(1);
  await page.emulateMedia({ media: "print" });
  const pages = pdfPageTexts(await page.pdf({ ...PAPER["58mm"].pdf, printBackground: true }));
  expect(pages).toHaveLength(1);
  expect(pages[0]).toContain("7,500.00");
});

test("the idle clear: the customer is forgotten after the idle time, never mid-call", async ({ page, openApp }) => {
  await page.clock.install();
  const host = await openApp({ sleep: noWait });
  await host.desk.services.updateSettings({ idleClearMinutes: 1 });
  await page.reload();

  await checkTid(page, "13192443");
  await expect(page.getByTestId("transaction")).toBeVisible();
  await page.clock.fastForward("00:50");
  await expect(page.getByTestId("transaction")).toBeVisible();
  await page.clock.fastForward("00:15");
  await expect(page.getByTestId("transaction")).toHaveCount(0);
  await expect(page.getByTestId("tid-input")).toHaveValue("");
  await expect(page.getByTestId("idle-cleared")).toContainText("cleared after 1 min");

  // Mid-call: the slow practice OTP (4 s) keeps the screen however long the wait.
  await checkTid(page, "13192447");
  await expect(page.getByTestId("transaction")).toBeVisible();
  await page.getByTestId("send-otp").click();
  await expect(page.getByTestId("send-otp")).toHaveAttribute("aria-busy", "true");
  await page.clock.fastForward("02:00");
  await expect(page.getByTestId("transaction")).toBeVisible();
  await expect(page.getByTestId("otp-result-title")).toBeVisible({ timeout: 15_000 });
  // The wait starts again once the answer is on screen.
  await page.clock.fastForward("00:30");
  await expect(page.getByTestId("otp-result-title")).toBeVisible();
  await page.clock.fastForward("00:40");
  await expect(page.getByTestId("transaction")).toHaveCount(0);
});

test("Settings: the admin sets the printer, the paper, the copies, the grievance text and the idle time; a bad idle time is refused in words", async ({
  page,
  openApp,
}) => {
  const host = await openApp();
  await page.getByTestId("nav-settings").click();
  const form = page.getByTestId("receipt-settings");
  await form.getByTestId("printer-name-input").fill("EPSON TM-T82 Receipt");
  await form.getByTestId("paper-size-input").selectOption("80mm");
  await form.getByTestId("agent-copy-input").selectOption("always");
  await form.getByTestId("receipt-languages-input").selectOption("both");
  await form.getByTestId("helpline-input").fill("1800 103 3333");
  await form.getByTestId("rbi-grievance-input").check();
  await form.getByTestId("idle-clear-minutes-input").fill("20");
  await form.getByTestId("save-receipt-settings").click();
  await expect(page.getByTestId("error")).toContainText("from 1 to 15");
  await form.getByTestId("idle-clear-minutes-input").fill("3");
  await form.getByTestId("save-receipt-settings").click();
  await expect(page.getByTestId("error")).toHaveCount(0);
  await expect
    .poll(async () => {
      const setup = await host.desk.services.getReceiptSetup({});
      return setup.ok
        ? [
            setup.value.paperSize,
            setup.value.agentCopy,
            setup.value.languages,
            setup.value.helpline,
            setup.value.rbiGrievance,
          ]
        : null;
    })
    .toEqual(["80mm", true, "both", "1800 103 3333", true]);
  const view = await host.desk.services.getSettings({});
  expect(view.ok && view.value.idleClearMinutes).toBe(3);
  expect(view.ok && view.value.printerName).toBe("EPSON TM-T82 Receipt");
});
