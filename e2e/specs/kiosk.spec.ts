import { chmodSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { Page } from "@playwright/test";
import { hashPin } from "../../main/admin/pin-hash";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { expectAccessible } from "../fixtures/axe";
import { E2E_ADMIN_PIN } from "../fixtures/test-keys";
import { checkAndSendOtp, expect, test } from "../fixtures/app";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// A kiosk as a branch IT admin provisions it: a machine-wide policy with a counter name, kiosk
// mode, locked settings and the admin PIN's hash. Each test starts on a fresh data folder, so the
// waits that wrong PINs start (kept there) never carry from one test into the next.

const PIN = E2E_ADMIN_PIN;
const ACCOUNT = { developerKey: "0123456789abcdef0123", initiatorId: "9876543210", userCode: "20810200" };
let policyPath = "";

test.beforeAll(async () => {
  const folder = tempDataDir("policy");
  policyPath = join(folder, "policy.json");
  const policy = {
    environment: "practice",
    counterName: "Counter 7",
    kioskMode: true,
    settingsLocked: true,
    adminPinHash: await hashPin(PIN),
    ...ACCOUNT,
  };
  writeFileSync(policyPath, JSON.stringify(policy));
  // The app ignores a policy that other users could rewrite.
  chmodSync(policyPath, 0o644);
});

async function tryPin(page: Page, pin: string): Promise<void> {
  await page.getByTestId("admin-pin").fill(pin);
  await page.getByTestId("pin-submit").click();
}

async function typeOtpAndRefund(page: Page, otp: string): Promise<void> {
  await page.getByTestId("customer-otp").fill(otp);
  await page.getByTestId("customer-otp").press("Enter");
  await expect(page.getByTestId("receipt")).toBeVisible();
}

async function setLanguage(page: Page, lang: "en" | "hi"): Promise<void> {
  if ((await page.locator("html").getAttribute("lang")) !== lang) await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

test("the counter's name, kiosk sizing and locked settings that show no account", async ({ page, openApp }) => {
  await openApp({ machinePolicyPath: policyPath });
  await expect(page.getByTestId("counter-name")).toHaveText("Counter: Counter 7");
  // No ?kiosk=1 in the address: the policy alone sizes the window for touch.
  expect(page.url()).not.toContain("kiosk");
  await expect(page.locator("html")).toHaveClass(/kiosk/);
  await expect(page.getByTestId("exit-kiosk")).toBeVisible();

  await page.getByTestId("nav-settings").click();
  const locked = page.getByTestId("settings-locked");
  await expect(locked).toBeVisible();
  await expect(page.getByTestId("locked-environment")).toContainText("Practice");
  await expect(page.getByTestId("locked-counter")).toHaveText("Counter 7");
  for (const id of [
    "developer-key-input",
    "initiator-id-input",
    "user-code-input",
    "access-key-status",
    "access-key-input",
    "save-settings",
  ]) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  const html = await page.content();
  for (const value of Object.values(ACCOUNT)) expect(html).not.toContain(value);

  for (const lang of ["en", "hi"] as const) {
    await setLanguage(page, lang);
    await expectAccessible(page, `locked settings, ${lang}`);
    await page.getByTestId("unlock-settings").click();
    await expect(page.getByTestId("admin-pin")).toBeFocused();
    await expectAccessible(page, `PIN dialog, ${lang}`);
    await tryPin(page, "1111");
    await expect(page.getByTestId("pin-error")).toBeVisible();
    await expectAccessible(page, `PIN dialog with a wrong PIN, ${lang}`);
    await page.getByTestId("pin-cancel").click();
    await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
    await expect(page.getByTestId("unlock-settings")).toBeFocused();
  }
});

test("three wrong PINs start a wait; a fourth try, even the right PIN, is refused unchecked", async ({
  page,
  openApp,
}) => {
  await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("unlock-settings").click();
  const pin = page.getByTestId("admin-pin");
  const error = page.getByTestId("pin-error");
  await expect(pin).toHaveAttribute("type", "password");
  // A passphrase is an admin PIN too: no digits-only keyboard.
  await expect(pin).toHaveAttribute("inputmode", "text");
  await expect(pin).toHaveAttribute("autocomplete", "off");

  await tryPin(page, "1111");
  await expect(error).toHaveAttribute("data-kind", "wrong-pin");
  await expect(error).toContainText("After 2 more wrong tries you will have to wait");
  await expect(pin).toHaveValue("");
  await expect(pin).toBeFocused();
  await tryPin(page, "2222");
  await expect(error).toContainText("After 1 more wrong tries");
  await expect(pin).toHaveValue("");
  await tryPin(page, "3333");
  await expect(error).toHaveAttribute("data-kind", "wrong-pin");
  await expect(error).toContainText("Wait 30 s, then try again.");
  await expect(pin).toHaveValue("");

  await tryPin(page, PIN);
  await expect(error).toHaveAttribute("data-kind", "pin-wait");
  await expect(error).toContainText("Too many wrong PINs");
  await expect(pin).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
  // Escape closed the dialog only; the screen behind stayed on Settings, still locked.
  await expect(page.getByTestId("settings-locked")).toBeVisible();
});

test("leaving kiosk mode needs the right PIN: only then does the app quit", async ({ page, openApp }) => {
  const host = await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("exit-kiosk").click();
  await expect(page.getByTestId("pin-dialog")).toContainText("Exit kiosk mode");
  await tryPin(page, "9999");
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "wrong-pin");
  expect(host.quits()).toBe(0);
  await tryPin(page, PIN);
  await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
  expect(host.quits()).toBe(1);
});

test("an admin unlocks the settings: the machine policy's fields are changed in the policy; locks them; leaving Settings locks them too", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("unlock-settings").click();
  await tryPin(page, PIN);
  await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
  await expect(page.getByTestId("settings-unlocked")).toBeVisible();
  // The form shows the account as main has it, read again once unlocked.
  await expect(page.getByTestId("developer-key-input")).toHaveValue(ACCOUNT.developerKey);
  await expect(page.getByTestId("user-code-input")).toHaveValue(ACCOUNT.userCode);
  await page.getByTestId("timeout-input").fill("20");
  await page.getByTestId("save-settings").click();
  // Locked by the machine policy: every field is the policy's or the default, changed in the policy.
  await expect(page.getByTestId("error")).toContainText("These settings come from the machine policy");
  const kept = await host.desk.services.getSettings({});
  expect(kept.ok && kept.value.timeoutMs).toBe(15_000);

  await page.getByTestId("lock-settings").click();
  await expect(page.getByTestId("settings-locked")).toBeVisible();
  await expect(page.getByTestId("developer-key-input")).toHaveCount(0);
  expect(await page.content()).not.toContain(ACCOUNT.developerKey);
  const refused = await host.desk.services.updateSettings({ timeoutMs: 30_000 });
  expect(refused.ok ? null : refused.error.kind).toBe("settings-locked");

  await page.getByTestId("unlock-settings").click();
  await tryPin(page, PIN);
  await expect(page.getByTestId("lock-settings")).toBeVisible();
  await page.getByTestId("nav-request").click();
  await expect
    .poll(async () => {
      const desk = await host.desk.services.getDesk({});
      return desk.ok && desk.value.unlockedUntil;
    })
    .toBeNull();
});

test("a save after main locked the settings again brings back the locked view, saying why", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("unlock-settings").click();
  await tryPin(page, PIN);
  await expect(page.getByTestId("save-settings")).toBeVisible();
  // As if the unlock had run out while the admin was typing.
  await host.desk.services.lockSettings({});
  await page.getByTestId("timeout-input").fill("25");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-locked")).toBeVisible();
  await expect(page.getByTestId("settings-locked-error")).toHaveAttribute("data-kind", "settings-locked");
  await expect(page.getByTestId("settings-locked-error")).toContainText("The settings are locked on this computer");
});

test("when the unlock's ten minutes are up the settings show locked again", async ({ page, openApp }) => {
  await page.clock.install();
  await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-settings").click();
  await page.getByTestId("unlock-settings").click();
  await tryPin(page, PIN);
  await expect(page.getByTestId("save-settings")).toBeVisible();
  await page.clock.fastForward("10:01");
  await expect(page.getByTestId("settings-locked")).toBeVisible();
  await expect(page.getByTestId("save-settings")).toHaveCount(0);
});

test("a kiosk export needs the admin PIN and goes to the fixed exports folder, never a save dialog", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ machinePolicyPath: policyPath });
  await page.getByTestId("nav-history").click();
  await page.getByTestId("export-history").click();
  await expect(page.getByTestId("pin-dialog")).toContainText("Export on a kiosk");
  await tryPin(page, "1111");
  await expect(page.getByTestId("pin-error")).toHaveAttribute("data-kind", "wrong-pin");
  await expect(page.getByTestId("export-result")).toHaveCount(0);
  await tryPin(page, PIN);
  await expect(page.getByTestId("pin-dialog")).toHaveCount(0);
  const result = page.getByTestId("export-result");
  await expect(result).toHaveAttribute("data-saved", "true");
  const location = (await result.textContent()) ?? "";
  expect(location).toContain(`-exports${sep}refund-desk-`);
  // Straight to the service: without the PIN nothing is written.
  const bare = await host.desk.services.exportHistory({ from: "2026-01-01", to: "2026-01-01" });
  expect(bare.ok ? "saved" : bare.error.kind).toBe("invalid-input");
});

test("a kiosk receipt prints through main: with no printer set, the kiosk says so and no dialog opens", async ({
  page,
  openApp,
}) => {
  const host = await openApp({ machinePolicyPath: policyPath, sleep: async () => undefined });
  await page.evaluate("window.print = () => { window.__dialog = true; }");
  await checkAndSendOtp(page, "13192443");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await page.getByTestId("print-receipt").click();
  await expect(page.getByTestId("print-error")).toHaveAttribute("data-kind", "no-printer");
  await expect(page.getByTestId("print-error")).toContainText("No receipt printer is set for this counter");
  expect(host.prints()).toEqual([]);
  expect(await page.evaluate("window.__dialog")).toBeUndefined();
});

test("a kiosk with a printer in its policy prints the receipt silently to it", async ({ page, openApp }) => {
  const withPrinter = join(tempDataDir("policy-printer"), "policy.json");
  const policy = {
    environment: "practice",
    counterName: "Counter 8",
    kioskMode: true,
    settingsLocked: true,
    adminPinHash: await hashPin(PIN),
    printerName: "EPSON TM-T82 Receipt",
  };
  writeFileSync(withPrinter, JSON.stringify(policy));
  const host = await openApp({ machinePolicyPath: withPrinter, sleep: async () => undefined });
  await checkAndSendOtp(page, "13192443");
  await typeOtpAndRefund(page, TEST_SECRETS.otps.practice);
  await page.getByTestId("print-receipt").click();
  await expect.poll(() => host.prints()).toEqual([{ silent: true, deviceName: "EPSON TM-T82 Receipt" }]);
  await expect(page.getByTestId("print-error")).toHaveCount(0);
});

for (const [name, content, mode] of [
  [
    "damaged",
    // A misspelt field beside a bad value: both are listed, not the first alone.
    JSON.stringify({
      environment: "moon",
      counterName: "Counter 7",
      kioskMode: false,
      settingsLocked: false,
      timoutMs: 5,
    }),
    0o644,
  ],
  ["truncated", '{"environment": "practice", "counterName": "Cou', 0o644],
  [
    "world-writable",
    JSON.stringify({ environment: "practice", counterName: "Counter 7", kioskMode: false, settingsLocked: false }),
    0o666,
  ],
] as const) {
  test(`a ${name} machine policy locks the counter and tells the admin why, in English and Hindi`, async ({
    page,
    openApp,
  }) => {
    const broken = join(tempDataDir("policy-broken"), "policy.json");
    writeFileSync(broken, content);
    chmodSync(broken, mode);
    const host = await openApp({ machinePolicyPath: broken });
    // Locked down: no Refund screen, the cause in its place, sized as a kiosk.
    await expect(page.getByTestId("locked-down-cause")).toContainText(broken);
    if (name === "damaged")
      await expect(page.getByTestId("locked-down-cause").locator("li")).toHaveText([
        "timoutMs: unknown-field",
        "environment: unknown-choice",
      ]);
    await expect(page.getByTestId("tid-input")).toHaveCount(0);
    await expect(page.locator("html.kiosk")).toHaveCount(1);
    await page.getByTestId("nav-settings").click();
    await expect(page.getByTestId("settings-locked")).toBeVisible();
    await expect(page.getByTestId("save-settings")).toHaveCount(0);
    const problem = page.getByTestId("policy-problem");
    await expect(problem).toContainText(broken);
    await expect(problem).toContainText("cannot be used");
    await setLanguage(page, "hi");
    await expect(problem).toContainText("इस्तेमाल नहीं हो सकती");
    await expectAccessible(page, `${name} policy, hi`);
    const refused = await host.desk.services.updateSettings({
      environment: "custom",
      customBaseUrl: "https://collector.example/v3",
    });
    expect(refused.ok ? null : refused.error.kind).toBe("settings-locked");
  });
}

test("a counter locked only by provisioning tells IT in Settings that it holds against casual changes only", async ({
  page,
  openApp,
}) => {
  // What older provisioning (or the account itself) leaves in the data folder: a counter file.
  const dataDir = tempDataDir("provisioned-only");
  writeFileSync(
    join(dataDir, "counter.json"),
    JSON.stringify({ counterName: "Counter 9", kioskMode: false, settingsLocked: false }),
  );
  await openApp({ dataDir });
  await page.getByTestId("nav-settings").click();
  const notices = page.getByTestId("desk-notices");
  await expect(notices.locator('[data-notice="provisioned-lock-only"]')).toContainText(
    "not the owner of this Windows or Mac account",
  );
  await setLanguage(page, "hi");
  await expect(notices).toContainText("आपके IT एडमिन के लिए");
  await expectAccessible(page, "settings with a notice for IT, hi");
});
