import type { Page } from "@playwright/test";
import { checkAndSendOtp, expect, practiceOn, test } from "../fixtures/app";
import { E2E_ACCESS_KEY } from "../fixtures/test-keys";
import { axeProblems, expectAccessibleInBothLanguages } from "../fixtures/axe";

// axe-core over every screen and state an agent or admin can reach, in English and in Hindi:
// no serious or critical finding (contrast included). Each state is checked in both languages
// without leaving it, so Hindi's longer text is measured against the same layout.

async function send(page: Page, tid: string): Promise<void> {
  await page.getByTestId("tid-input").fill(tid);
  await page.getByTestId("tid-input").press("Enter");
}

/**
 * Checks `tid` (and sends its OTP when `atOtp`: the check passes and the OTP step fails), expects
 * an error of `kind`, and checks the panel with its details open.
 */
async function errorState(page: Page, tid: string, kind: string, atOtp = false): Promise<void> {
  if (atOtp) await checkAndSendOtp(page, tid);
  else await send(page, tid);
  const panel = page.getByTestId("error");
  await expect(panel).toHaveAttribute("data-kind", kind);
  await page.getByTestId("error-details-toggle").click();
  await expect(page.getByTestId("error-details")).toBeVisible();
  await expectAccessibleInBothLanguages(page, `error ${kind} (tid ${tid})`);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("access-key-status")).toBeVisible();
}

async function saveSettings(page: Page): Promise<void> {
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-saved")).toBeVisible();
}

test("the request screen: empty, refused input, busy, success, copy, cooldown", async ({ page, openApp }) => {
  // Twelve axe runs and an 8 s answer.
  test.setTimeout(60_000);
  // The slow scenario at scale 2 answers after 8 s: time to check the busy state in both languages.
  const { practice } = await practiceOn(2);
  await openApp({ practice });
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("practice-tids")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "empty, Practice banner and list");

  await send(page, "12ab");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "invalid-input");
  await expectAccessibleInBothLanguages(page, "a tid that is not digits");
  await send(page, "");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "invalid-input");

  await checkAndSendOtp(page, "13192447");
  await expect(page.getByTestId("send-otp")).toBeDisabled();
  await expectAccessibleInBothLanguages(page, "busy: sending");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty({ timeout: 15_000 });
  await expectAccessibleInBothLanguages(page, "success, resend counting down");

  await page.getByTestId("copy-otp-ref").click();
  await expect(page.getByTestId("copy-otp-ref")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "after Copy");

  // A new request for the same customer within the resend wait: main refuses the OTP as too soon.
  await page.getByTestId("new-request").click();
  await checkAndSendOtp(page, "13192447");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "cooldown");
  await page.getByTestId("error-details-toggle").click();
  await expectAccessibleInBothLanguages(page, "cooldown");
});

test("every error an agent can meet in Practice and through the fault tids", async ({ page, openApp }) => {
  // Twelve answers, each checked twice by axe (about a second a run). A check is a GET, which main
  // retries on 5xx, resets and timeouts: without the pause between tries.
  test.setTimeout(120_000);
  await openApp({ sleep: async () => {} });
  // The hanging tid times out at the shortest waiting time instead of the default 15 s.
  await openSettings(page);
  await page.getByTestId("timeout-input").fill("1");
  await saveSettings(page);
  await page.getByTestId("nav-request").click();

  // The last field: the check passes and the OTP step answers the error.
  const cases: [string, string, boolean?][] = [
    ["13192445", "unknown-tid"],
    ["13192446", "eko", true],
    ["900319", "eko"],
    ["900346", "not-refundable"],
    ["900403", "auth-rejected"],
    ["900404", "wrong-url"],
    ["900429", "rate-limited"],
    ["900500", "server"],
    ["900200", "bad-response"],
    ["900204", "otp-not-sent", true],
    ["900901", "offline"],
    ["900900", "timeout"],
  ];
  for (const [tid, kind, atOtp] of cases) await errorState(page, tid, kind, atOtp);
});

test("busy: the same tid from a second window while the first waits", async ({ page, openApp }) => {
  const { practice } = await practiceOn(2);
  const host = await openApp({ practice });
  const other = await page.context().newPage();
  await other.goto(host.url);
  await checkAndSendOtp(other, "13192447");
  await expect(other.getByTestId("send-otp")).toBeDisabled();

  await send(page, "13192447");
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "busy");
  await page.getByTestId("error-details-toggle").click();
  await expectAccessibleInBothLanguages(page, "busy: another window is asking");
  await other.close();
});

test("UAT and Production: their badges, and not-configured until an admin sets them up", async ({ page, openApp }) => {
  await openApp();
  for (const environment of ["uat", "production"]) {
    await openSettings(page);
    await page.getByTestId("env-select").selectOption(environment);
    await saveSettings(page);
    await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", environment);
    await expect(page.getByTestId("practice-banner")).toHaveCount(0);
    await page.getByTestId("nav-request").click();
    await expectAccessibleInBothLanguages(page, `${environment}: empty`);
    // Nothing is configured, so nothing leaves this machine: refused before any request.
    await errorState(page, "13192443", "not-configured");
  }
});

test("Settings: the form, a refused value, a custom server, the access key, the connection check", async ({
  page,
  openApp,
}) => {
  // Ten axe passes over a long form: about 30 s on two busy cores.
  test.setTimeout(90_000);
  await openApp();
  await openSettings(page);
  await expectAccessibleInBothLanguages(page, "settings");

  await page.getByTestId("initiator-id-input").fill("12345");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("error")).toHaveAttribute("data-kind", "invalid-input");
  await page.getByTestId("error-details-toggle").click();
  await expectAccessibleInBothLanguages(page, "settings: refused initiator id");
  await page.getByTestId("initiator-id-input").fill("");
  await saveSettings(page);
  await expectAccessibleInBothLanguages(page, "settings: saved");

  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("doctor-report")).toHaveAttribute("data-ok", "true");
  await expectAccessibleInBothLanguages(page, "connection check: all well");

  // A custom server on a loopback port nobody listens on, with a key of its own: the check fails, and says so.
  await page.getByTestId("env-select").selectOption("custom");
  await page.getByTestId("base-url-input").fill("http://127.0.0.1:9/ekoapi/v3");
  await saveSettings(page);
  await page.getByTestId("access-key-input").fill(E2E_ACCESS_KEY);
  await page.getByTestId("store-access-key").click();
  await expect(page.getByTestId("access-key-status")).toHaveAttribute("data-state", "stored");
  await expectAccessibleInBothLanguages(page, "access key stored");
  await page.getByTestId("replace-access-key").click();
  await expect(page.getByTestId("access-key-input")).toBeVisible();
  await expectAccessibleInBothLanguages(page, "access key: replacing");
  await page.getByTestId("check-connection").click();
  await expect(page.getByTestId("doctor-report")).toHaveAttribute("data-ok", "false");
  await expectAccessibleInBothLanguages(page, "custom server: connection check failing");
});

test("kiosk mode with large text, on the request screen and in Settings", async ({ page, openApp }) => {
  test.setTimeout(60_000);
  const host = await openApp();
  await page.goto(`${host.url}?kiosk=1`);
  await page.getByTestId("large-text-toggle").click();
  await expect(page.locator("html")).toHaveClass(/kiosk/);
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await checkAndSendOtp(page, "13192443");
  await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  await expectAccessibleInBothLanguages(page, "kiosk, large text: success");
  await send(page, "13192445");
  await page.getByTestId("error-details-toggle").click();
  await expectAccessibleInBothLanguages(page, "kiosk, large text: error");
  await openSettings(page);
  await expectAccessibleInBothLanguages(page, "kiosk, large text: settings");
});

test("the axe check itself fails on a contrast problem", async ({ page, openApp }) => {
  await openApp();
  await page.evaluate(() => {
    const faint = document.createElement("p");
    faint.textContent = "Too faint to read at a counter";
    // CSSOM, not a style attribute: the page's CSP refuses inline styles.
    faint.style.color = "#c8c8c8";
    faint.style.background = "#ffffff";
    document.querySelector("main")?.append(faint);
  });
  const problems = await axeProblems(page);
  expect(problems.map((p) => [p.rule, p.impact])).toContainEqual(["color-contrast", "serious"]);
});
