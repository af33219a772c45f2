/**
 * 2. Through the UI: from the Enter key in the tid field to the otp_ref_id painted, in Chromium
 * through the test host (the real renderer bundle and the real main services), against the bare
 * request time to the same simulator.
 */
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { startSimulator } from "../main/simulator/simulator";
import { createPractice } from "../main/practice";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";
import { bareOtpRequest } from "./bare-request";
import { launchChromium } from "./browser";
import { percentile, round } from "./stats";

const TID = "13192443";

declare global {
  interface Window {
    __enterToPaint?: Promise<number>;
  }
}

export async function measureThroughUi(options: { samples: number; warmup: number }) {
  const simulator = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  const host = await startTestHost({ dataDir: tempDataDir("bench-ui"), practice: createPractice(async () => simulator) });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(host.url);
  const field = page.getByTestId("tid-input");
  await field.fill(TID);

  async function once(): Promise<number> {
    await page.evaluate(() => {
      window.__enterToPaint = new Promise((resolve) => {
        const before = document.querySelector('[data-testid="otp-ref-id"]')?.textContent ?? "";
        let pressedAt = 0;
        document.addEventListener("keydown", (event) => event.key === "Enter" && (pressedAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const shown = document.querySelector('[data-testid="otp-ref-id"]')?.textContent ?? "";
          if (shown === "" || shown === before) return;
          observer.disconnect();
          // The frame after the DOM change is the one that paints it.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - pressedAt), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    });
    await field.press("Enter");
    return page.evaluate(() => window.__enterToPaint as Promise<number>);
  }

  const bare = bareOtpRequest(simulator.baseUrl, TID);

  for (let i = 0; i < options.warmup; i++) await once();
  const ui: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    ui.push(await once());
    bareTimes.push(await bare());
  }
  await browser.close();
  await host.close();
  await simulator.close();
  const uiP50 = percentile(ui, 50);
  const bareP50 = percentile(bareTimes, 50);
  return { samples: ui.length, enterToPaintMs: { p50: round(uiP50), p99: round(percentile(ui, 99)) }, bareRequestMs: { p50: round(bareP50) }, differenceP50Ms: round(uiP50 - bareP50) };
}
