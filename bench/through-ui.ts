/**
 * 2. Through the UI, in Chromium through the test host (the real renderer bundle and the real
 * main services), each against the bare request to the same simulator:
 * - check: from the Enter key in the tid field to the transaction painted (Transaction Inquiry);
 * - send OTP: from the click on Send OTP to the otp_ref_id painted (Get Refund OTP).
 * Two refund-pending tids take turns, so every check starts from a cleared screen.
 */
import type { Page } from "@playwright/test";
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { startSimulator } from "../main/simulator/simulator";
import { createPractice } from "../main/practice";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";
import { bareInquiry, bareOtpRequest } from "./bare-request";
import { launchChromium } from "./browser";
import { percentile, round } from "./stats";

const TIDS = ["13192443", "13192454"] as const;

declare global {
  interface Window {
    __toPaintMs?: number;
  }
}

/** A screen that never shows the answer fails the run instead of hanging it. */
const STEP_TIMEOUT_MS = 30_000;

/**
 * Arms the page: the time from the next `eventType` (Enter, or a click) to the frame after an
 * element matching `selector` shows text containing `text` (and other than it showed before).
 * A string, not a function: tsx would wrap a named function in a helper the page lacks.
 */
function armPaintTimer(page: Page, eventType: "keydown" | "click", selector: string, text: string): Promise<void> {
  return page.evaluate(`(() => {
    const read = () => document.querySelector(${JSON.stringify(selector)})?.textContent ?? "";
    const before = read();
    let startedAt = 0;
    window.__toPaintMs = undefined;
    document.addEventListener(${JSON.stringify(eventType)}, () => (startedAt = startedAt || performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const shown = read();
      if (!shown.includes(${JSON.stringify(text)}) || shown === before) return;
      observer.disconnect();
      // The frame after the DOM change is the one that paints it.
      requestAnimationFrame(() => setTimeout(() => (window.__toPaintMs = performance.now() - startedAt), 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function timed(page: Page): Promise<number> {
  // Wrapped, so that a reading of 0 ms is an answer and not "keep waiting".
  const handle = await page.waitForFunction(() => window.__toPaintMs !== undefined && { ms: window.__toPaintMs }, null, { timeout: STEP_TIMEOUT_MS });
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

function compare(ui: number[], bare: number[]) {
  const uiP50 = percentile(ui, 50);
  const bareP50 = percentile(bare, 50);
  return { toPaintMs: { p50: round(uiP50), p99: round(percentile(ui, 99)) }, bareRequestMs: { p50: round(bareP50) }, differenceP50Ms: round(uiP50 - bareP50) };
}

export async function measureThroughUi(options: { samples: number; warmup: number }) {
  const simulator = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  const host = await startTestHost({ dataDir: tempDataDir("bench-ui"), practice: createPractice(async () => simulator) });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const field = page.getByTestId("tid-input");

    async function once(tid: string): Promise<{ check: number; sendOtp: number }> {
      await field.fill(tid);
      await armPaintTimer(page, "keydown", '[data-testid="transaction"]', tid);
      await field.press("Enter");
      const check = await timed(page);
      await armPaintTimer(page, "click", '[data-testid="otp-ref-id"]', "");
      await page.getByTestId("send-otp").click();
      return { check, sendOtp: await timed(page) };
    }

    const samples = { check: [] as number[], sendOtp: [] as number[], bareInquiry: [] as number[], bareOtp: [] as number[] };
    for (let i = 0; i < options.warmup + options.samples; i++) {
      const tid = i % 2 === 0 ? TIDS[0] : TIDS[1];
      const ui = await once(tid);
      const inquiry = await bareInquiry(simulator.baseUrl, tid)();
      const otp = await bareOtpRequest(simulator.baseUrl, tid)();
      if (i < options.warmup) continue;
      samples.check.push(ui.check);
      samples.sendOtp.push(ui.sendOtp);
      samples.bareInquiry.push(inquiry);
      samples.bareOtp.push(otp);
    }
    return { samples: options.samples, check: compare(samples.check, samples.bareInquiry), sendOtp: compare(samples.sendOtp, samples.bareOtp) };
  } finally {
    await browser.close();
    await host.close();
    await simulator.close();
  }
}
