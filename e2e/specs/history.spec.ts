import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { JOURNAL_FOLDER } from "../../main/journal/journal";
import { expectAccessibleInBothLanguages } from "../fixtures/axe";
import { expect, test } from "../fixtures/app";

// The History screen reads the journal main keeps: each request's step and outcome in words, never
// an OTP or a key, and its export writes a CSV where the admin chooses (in the test host, a folder
// in the data folder). The lines are made through main's own services, as the request screen would.

test("today's requests newest first in words, refreshed on demand, exported as CSV without an OTP", async ({
  page,
  openApp,
}) => {
  const host = await openApp();
  await page.getByTestId("nav-history").click();
  await expect(page.getByTestId("history")).toBeVisible();
  await expect(page.getByTestId("history-empty")).toHaveText("No requests yet today.");
  await expectAccessibleInBothLanguages(page, "history, empty");

  const sent = await host.desk.services.requestRefundOtp({ tid: "13192443" });
  expect(sent.ok).toBe(true);
  const otpRefId = sent.ok ? sent.value.otpRefId : "";
  expect((await host.desk.refundFlow.inquire({ tid: "13192444" })).ok).toBe(true);

  await page.getByTestId("history-refresh").click();
  const rows = page.getByTestId("history-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("13192444");
  await expect(rows.nth(0)).toContainText("Check");
  await expect(rows.nth(0)).toContainText("The money has already been refunded");
  await expect(rows.nth(1)).toContainText("13192443");
  await expect(rows.nth(1)).toContainText("Send OTP");
  await expect(rows.nth(1)).toContainText("OTP sent");
  await expect(rows.nth(1)).toContainText(`…${otpRefId.slice(-6)}`);
  await expect(page.getByTestId("history-table")).not.toContainText("inquiry:");
  await expect(page.getByTestId("history-skipped")).toHaveCount(0);
  await expectAccessibleInBothLanguages(page, "history, two lines");
  await page.getByTestId("lang-toggle").click();
  await expect(rows.nth(1)).toContainText("ओटीपी भेजा गया");
  await page.getByTestId("lang-toggle").click();

  await page.getByTestId("export-history").click();
  const result = page.getByTestId("export-result");
  await expect(result).toContainText("Saved 2 rows to");
  const location = ((await result.textContent()) ?? "").replace(/^Saved 2 rows to /, "");
  expect(location).toContain(`${join("exports", "refund-desk-")}`);
  const csv = readFileSync(location, "utf8");
  expect(csv).toContain("13192443");
  expect(csv).toContain("13192444");
  expect(csv).not.toContain(otpRefId);
  await expectAccessibleInBothLanguages(page, "history, exported");

  // A line torn by a crash is skipped and counted, not fatal.
  // Exports go beside the data folder (`<data folder>-exports`), never into it.
  const journal = join(dirname(location).replace(/-exports$/, ""), JOURNAL_FOLDER);
  const [month] = readdirSync(journal);
  appendFileSync(join(journal, month ?? ""), '{"at":"2026-\n');
  await page.getByTestId("history-refresh").click();
  await expect(page.getByTestId("history-skipped")).toHaveText("1 damaged lines skipped.");
  await expect(rows).toHaveCount(2);
});

test("an export range that ends before it starts is refused with words, and nothing is written", async ({
  page,
  openApp,
}) => {
  const host = await openApp();
  await page.getByTestId("nav-history").click();
  await page.getByTestId("export-from").fill("2026-03-05");
  await page.getByTestId("export-to").fill("2026-03-01");
  await page.getByTestId("export-history").click();
  const error = page.getByTestId("export-error");
  await expect(error).toHaveAttribute("data-kind", "invalid-input");
  await expect(error).toContainText("The end date is before the start date");
  await expect(page.getByTestId("export-result")).toHaveCount(0);
  await page.getByTestId("error-details-toggle").click();
  await expectAccessibleInBothLanguages(page, "history, refused range");
  // Main refuses the same range on its own.
  const refused = await host.desk.services.exportHistory({ from: "2026-03-05", to: "2026-03-01" });
  expect(refused.ok ? null : refused.error).toEqual({ kind: "invalid-input", field: "to", reason: "before-from" });
});

test("at 200 % zoom in Hindi with large text, History does not scroll sideways; in kiosk mode its targets are 44 px", async ({
  page,
  openApp,
}) => {
  await page.setViewportSize({ width: 640, height: 400 });
  const host = await openApp();
  await host.desk.services.requestRefundOtp({ tid: "13192443" });
  await host.desk.refundFlow.inquire({ tid: "13192444" });
  await page.getByTestId("lang-toggle").click();
  await page.getByTestId("large-text-toggle").click();
  await page.getByTestId("nav-history").click();
  await expect(page.getByTestId("history-row")).toHaveCount(2);
  await page.getByTestId("export-history").click();
  await expect(page.getByTestId("export-result")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await page.goto(`${host.url}?kiosk=1`);
  await page.getByTestId("nav-history").click();
  await expect(page.getByTestId("history-row")).toHaveCount(2);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, input, select, [tabindex]:not([tabindex='-1'])")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ what: el.dataset.testid ?? el.id ?? el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ what }) => what),
  );
  expect(small).toEqual([]);
});
