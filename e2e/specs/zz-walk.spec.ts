import { checkTid, expect, test } from "../fixtures/app";
const OUT = process.env.WALK_OUT ?? "/tmp/i19/before";
for (const [w, h] of [[1366, 768], [1024, 768]]) {
  for (const lang of ["en", "hi"]) {
    for (const large of [false, true]) {
      test(`walk ${w} ${lang} ${large}`, async ({ page, openApp }) => {
        await page.setViewportSize({ width: w, height: h });
        await openApp();
        if (lang === "hi") await page.getByTestId("lang-toggle").click();
        if (large) await page.getByTestId("large-text-toggle").click();
        const n = `${OUT}/${w}-${lang}${large ? "-L" : ""}`;
        await page.screenshot({ path: `${n}-0empty.png` });
        await checkTid(page, "13192443");
        await expect(page.getByTestId("transaction")).toBeVisible();
        await page.screenshot({ path: `${n}-1checked.png` });
        await page.getByTestId("send-otp").click();
        await expect(page.getByTestId("otp-ref-id")).toBeVisible();
        await page.screenshot({ path: `${n}-2otp.png` });
        await page.getByTestId("customer-otp").fill("123456");
        await page.getByTestId("customer-otp").press("Enter");
        await expect(page.getByTestId("receipt")).toBeVisible();
        await page.screenshot({ path: `${n}-3receipt.png` });
        await checkTid(page, "13192444");
        await expect(page.getByTestId("transaction")).toBeVisible();
        await page.screenshot({ path: `${n}-4refunded.png` });
      });
    }
  }
}
