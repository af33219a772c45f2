import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Route } from "@playwright/test";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { IPC_CHANNELS } from "../../app/ipc";
import { CONTENT_SECURITY_POLICY } from "../../main/window-policy/protocol-paths";
import { checkAndSendOtp, expect, test } from "../fixtures/app";
import { PRACTICE_OTP } from "../../main/simulator/scenarios";

// Start-up: the first frame does not wait for main, nothing moves when main's answers arrive,
// each counter action is one IPC call, and the code split into chunks loads under the CSP.

/** Holds every IPC call of the page until `release` is called. */
async function holdIpc(page: Page): Promise<{ held(): number; release(): Promise<void> }> {
  const waiting: Route[] = [];
  let open = false;
  await page.route("**/__ipc", (route) => (open ? route.continue() : void waiting.push(route)));
  return {
    held: () => waiting.length,
    async release() {
      open = true;
      await Promise.all(waiting.splice(0).map((route) => route.continue()));
    },
  };
}

/** Holds the page's script (app.js) until `release` is called: the page as HTML and CSS alone. */
async function holdScript(page: Page): Promise<() => void> {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/app.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

type Box = { x: number; y: number; width: number; height: number };

async function tidFieldBox(page: Page): Promise<Box> {
  const box = await page.getByTestId("tid-input").boundingBox();
  if (!box) throw new Error("no tid field on screen");
  return box;
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`the tid field is painted before main answers and stays put when the answers arrive (${size.width}×${size.height})`, async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize(size);
    const ipc = await holdIpc(page);
    await openApp();
    const field = page.getByTestId("tid-input");
    await expect(field).toBeVisible();
    await expect(field).toBeFocused();
    expect(ipc.held(), "main has not answered yet").toBeGreaterThan(0);
    // Only the invisible copy that holds the strip's space: no environment is claimed before main says.
    await expect(page.getByTestId("env-badge")).toBeHidden();
    const before = await tidFieldBox(page);

    await ipc.release();
    await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", "practice");
    await expect(page.getByTestId("practice-tids")).toBeVisible();
    expect(await tidFieldBox(page)).toEqual(before);
  });
}

test("a provisioned counter on UAT: the next start holds its badge and name, so its field stays put too", async ({
  page,
  openApp,
}) => {
  const policyPath = join(tempDataDir("policy"), "policy.json");
  const policy = {
    environment: "uat",
    counterName: "Pune Camp - Counter 3",
    kioskMode: false,
    settingsLocked: false,
    developerKey: "0123456789abcdef0123",
    initiatorId: "9876543210",
  };
  writeFileSync(policyPath, JSON.stringify(policy));
  chmodSync(policyPath, 0o644);
  await page.setViewportSize({ width: 1024, height: 768 });
  // The run that learns what the header shows, then the start that holds its space.
  await openApp({ machinePolicyPath: policyPath });
  await expect(page.getByTestId("counter-name")).toHaveText("Counter: Pune Camp - Counter 3");
  const ipc = await holdIpc(page);
  await page.reload();
  await expect(page.getByTestId("tid-input")).toBeVisible();
  await expect(page.getByTestId("counter-name")).toHaveCount(0);
  const before = await tidFieldBox(page);
  await ipc.release();
  await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", "uat");
  await expect(page.getByTestId("counter-name")).toBeVisible();
  await expect(page.getByTestId("practice-banner")).toHaveCount(0);
  expect(await tidFieldBox(page)).toEqual(before);
});

test("the first screen is painted from the prerendered page before any script runs; what is typed then is kept", async ({
  page,
  openApp,
}) => {
  const releaseScript = await holdScript(page);
  // The page's load waits for the held script: opened, not awaited.
  const opening = openApp();
  const field = page.getByTestId("tid-input");
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refund a failed transfer");
  await page.keyboard.type("1319");
  const before = await tidFieldBox(page);
  await field.evaluate((input) => input.setAttribute("data-prerendered", ""));

  releaseScript();
  await opening;
  await expect(page.getByTestId("env-badge")).toHaveAttribute("data-env", "practice");
  await expect(page.getByTestId("practice-tids")).toBeVisible();
  // Taken over where it stood, not painted again: the same element, in the same box, with the text typed.
  await expect(field).toHaveAttribute("data-prerendered", "");
  await expect(field).toHaveValue("1319");
  expect(await tidFieldBox(page)).toEqual(before);
  await page.keyboard.type("2443");
  await expect(field).toHaveValue("13192443");
  await field.press("Enter");
  await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
});

test("check, Send OTP and Refund each make exactly one IPC call", async ({ page, openApp }) => {
  await openApp();
  await expect(page.getByTestId("env-badge")).toBeVisible();
  const channels: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/__ipc")) channels.push((request.postDataJSON() as { channel: string }).channel);
  });
  const step = async (action: () => Promise<void>, expected: string) => {
    channels.length = 0;
    await action();
    expect(channels).toEqual([expected]);
  };
  await step(async () => {
    await page.getByTestId("tid-input").fill("13192443");
    await page.getByTestId("tid-input").press("Enter");
    await expect(page.getByTestId("transaction")).toHaveAttribute("data-state", "refund-pending");
  }, IPC_CHANNELS.inquireTransaction);
  await step(async () => {
    await page.getByTestId("send-otp").click();
    await expect(page.getByTestId("otp-ref-id")).not.toBeEmpty();
  }, IPC_CHANNELS.requestRefundOtp);
  await step(async () => {
    await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
    await page.getByTestId("refund-submit").click();
    await expect(page.getByTestId("receipt")).toBeVisible();
  }, IPC_CHANNELS.refund);
});

test("the first screen loads only its own chunks; the rest come as JavaScript under the CSP, on use", async ({
  page,
  openApp,
}) => {
  const scripts = new Map<string, { type: string | undefined; csp: string | undefined }>();
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js") && !path.startsWith("/__host")) {
      const headers = response.headers();
      scripts.set(path, { type: headers["content-type"], csp: headers["content-security-policy"] });
    }
  });
  await openApp();
  await checkAndSendOtp(page, "13192443");
  await page.getByTestId("nav-history").click();
  await expect(page.getByTestId("history")).toBeVisible();
  await page.getByTestId("nav-settings").click();
  await expect(page.getByTestId("env-select")).toBeVisible();
  await page.getByTestId("lang-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByTestId("nav-settings")).toHaveText("सेटिंग्स");
  expect(scripts.size, [...scripts.keys()].join(" ")).toBeGreaterThan(3);
  for (const [path, headers] of scripts) {
    expect(headers.type, path).toBe("text/javascript; charset=utf-8");
    expect(headers.csp, path).toBe(CONTENT_SECURITY_POLICY);
  }
});

test("a window last used in Hindi paints its first frame in Hindi, before main answers", async ({ page, openApp }) => {
  await openApp();
  await page.evaluate(() => localStorage.setItem("refund-desk.lang", "hi"));
  const ipc = await holdIpc(page);
  const releaseScript = await holdScript(page);
  const reloading = page.reload();
  // The prerendered screen is English: in this window it is not shown until the script has run.
  await expect(page.getByTestId("tid-input")).toBeAttached();
  await expect(page.locator("#root")).toHaveCSS("opacity", "0");
  releaseScript();
  await reloading;
  await expect(page.locator("#root")).toHaveCSS("opacity", "1");
  await expect(page.getByTestId("tid-input")).toBeFocused();
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByTestId("nav-settings")).toHaveText("सेटिंग्स");
  await ipc.release();
});
