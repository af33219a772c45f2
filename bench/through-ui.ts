/**
 * 2. Through the UI, in Chromium through the test host (the real renderer bundle and the real
 * main services), each against the bare request to the same simulator:
 * - check: from the Enter key in the tid field to the transaction painted (Transaction Inquiry);
 * - send OTP: from the click on Send OTP to the otp_ref_id painted (Get Refund OTP).
 * Two refund-pending tids take turns, so every check starts from a cleared screen.
 * Apart from the harness: the IPC calls each action makes (counted at the stand-in), one near
 * no-op call's round trip through the stand-in, and the renderer's own time per action (input
 * event → commit, minus the time awaiting IPC) from the marks it sets when opened with ?bench=1.
 */
import type { Page, Request } from "@playwright/test";
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { PRACTICE_OTP } from "../main/simulator/scenarios";
import { startSimulator } from "../main/simulator/simulator";
import { createPractice } from "../main/simulator/practice";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";
import { bareInquiry, bareOtpRequest } from "./bare-request";
import { launchChromium } from "./browser";
import { percentile, round } from "./stats";

/** Both wait for a refund; only the first has the balance for one (the second: Eko's 347). */
const TIDS = ["13192443", "13192454"] as const;

declare global {
  interface Window {
    __toPaintMs?: number;
    __inputAt?: number;
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
    performance.clearMarks();
    document.addEventListener(${JSON.stringify(eventType)}, () => (window.__inputAt = startedAt = startedAt || performance.now()), { capture: true, once: true });
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
  const handle = await page.waitForFunction(
    () => window.__toPaintMs !== undefined && { ms: window.__toPaintMs },
    null,
    { timeout: STEP_TIMEOUT_MS },
  );
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

/** The renderer's own time for the action just timed: input → commit, less the call's time out. */
async function rendererMs(page: Page, task: "check" | "send-otp"): Promise<number> {
  const at = (point: string) =>
    page.evaluate(
      (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime ?? Number.NaN,
      `refund-desk:${task}:${point}`,
    );
  const input = await page.evaluate(() => window.__inputAt ?? Number.NaN);
  const [call, answer, commit] = [await at("call"), await at("answer"), await at("commit")];
  const ms = commit - input - (answer - call);
  if (!Number.isFinite(ms)) throw new Error(`no ${task} marks: is the page open with ?bench=1?`);
  return ms;
}

/** The IPC channels the page calls while `action` runs, as the stand-in sends them. */
async function ipcCallsDuring(page: Page, action: () => Promise<void>): Promise<number> {
  let calls = 0;
  const count = (request: Request) => {
    if (request.url().endsWith("/__ipc")) calls += 1;
  };
  page.on("request", count);
  try {
    await action();
  } finally {
    page.off("request", count);
  }
  return calls;
}

/** One near no-op call (getDesk: an in-memory read) through the stand-in, as the page makes it. */
async function ipcRoundTrips(page: Page, calls: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    times.push(
      await page.evaluate(async () => {
        const started = performance.now();
        // The stand-in's object; the renderer's own type for it lives in renderer/bridge.ts.
        await (
          window as unknown as { refundDesk?: { getDesk(request: object): Promise<unknown> } }
        ).refundDesk?.getDesk({});
        return performance.now() - started;
      }),
    );
  }
  return times;
}

function compare(ui: number[], bare: number[]) {
  const uiP50 = percentile(ui, 50);
  const bareP50 = percentile(bare, 50);
  return {
    toPaintMs: { p50: round(uiP50), p99: round(percentile(ui, 99)) },
    bareRequestMs: { p50: round(bareP50) },
    differenceP50Ms: round(uiP50 - bareP50),
  };
}

export async function measureThroughUi(options: { samples: number; warmup: number }) {
  const simulator = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  const host = await startTestHost({
    dataDir: tempDataDir("bench-ui"),
    practice: createPractice(async () => simulator),
  });
  await host.desk.services.updateSettings({ resendCooldownMs: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.url}?bench=1`);
    const field = page.getByTestId("tid-input");

    async function once(tid: string) {
      await field.fill(tid);
      await armPaintTimer(page, "keydown", '[data-testid="transaction"]', tid);
      let check = 0;
      const checkCalls = await ipcCallsDuring(page, async () => {
        await field.press("Enter");
        check = await timed(page);
      });
      const checkOwn = await rendererMs(page, "check");
      await armPaintTimer(page, "click", '[data-testid="otp-ref-id"]', "");
      let sendOtp = 0;
      const sendOtpCalls = await ipcCallsDuring(page, async () => {
        await page.getByTestId("send-otp").click();
        sendOtp = await timed(page);
      });
      return {
        check,
        sendOtp,
        checkOwn,
        sendOtpOwn: await rendererMs(page, "send-otp"),
        calls: { check: checkCalls, sendOtp: sendOtpCalls },
      };
    }

    const samples = {
      check: [] as number[],
      sendOtp: [] as number[],
      bareInquiry: [] as number[],
      bareOtp: [] as number[],
      checkOwn: [] as number[],
      sendOtpOwn: [] as number[],
    };
    const calls = { check: [] as number[], sendOtp: [] as number[] };
    for (let i = 0; i < options.warmup + options.samples; i++) {
      const tid = i % 2 === 0 ? TIDS[0] : TIDS[1];
      const ui = await once(tid);
      const inquiry = await bareInquiry(simulator.baseUrl, tid)();
      const otp = await bareOtpRequest(simulator.baseUrl, tid)();
      calls.check.push(ui.calls.check);
      calls.sendOtp.push(ui.calls.sendOtp);
      if (i < options.warmup) continue;
      samples.check.push(ui.check);
      samples.sendOtp.push(ui.sendOtp);
      samples.checkOwn.push(ui.checkOwn);
      samples.sendOtpOwn.push(ui.sendOtpOwn);
      samples.bareInquiry.push(inquiry);
      samples.bareOtp.push(otp);
    }
    // Last, once, on the tid with the balance for it: the refund moves it to refunded for the run.
    await once(TIDS[0]);
    await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
    const refundCalls = await ipcCallsDuring(page, async () => {
      await page.getByTestId("refund-submit").click();
      await page.getByTestId("receipt").waitFor({ timeout: STEP_TIMEOUT_MS });
    });
    const roundTrips = await ipcRoundTrips(page, 50);
    // The most any run of the action made: one stray second call anywhere shows.
    const most = (values: number[]) => Math.max(...values);
    return {
      samples: options.samples,
      check: compare(samples.check, samples.bareInquiry),
      sendOtp: compare(samples.sendOtp, samples.bareOtp),
      ipcCallsPerAction: { check: most(calls.check), sendOtp: most(calls.sendOtp), refund: refundCalls },
      ipcRoundTripMs: { p50: round(percentile(roundTrips, 50)), p99: round(percentile(roundTrips, 99)) },
      rendererMsPerAction: {
        check: round(percentile(samples.checkOwn, 50)),
        sendOtp: round(percentile(samples.sendOtpOwn, 50)),
      },
    };
  } finally {
    await browser.close();
    await host.close();
    await simulator.close();
  }
}
