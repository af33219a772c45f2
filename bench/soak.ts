/**
 * `npm run soak`: N customers in a row through the UI (check → Send OTP → refund with the
 * customer's OTP → receipt → New request), each with a tid of its own, in Debian's Chromium through
 * the e2e test host (the real renderer bundle and the real main services, on Practice) in a process
 * of its own (soak-host.ts). Every few customers it samples, after a forced garbage collection, the
 * renderer's JS heap and DOM nodes (Chrome DevTools Protocol) and the host process's heap. It fails when a
 * least-squares slope after the warm-up exceeds its bound (docs/performance.md, "Long runs").
 * Not part of `npm test`: a few minutes of wall time, and a finding rather than a unit's rule.
 */
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { CDPSession, Page } from "@playwright/test";
import { PRACTICE_OTP } from "../main/simulator/scenarios";
import { launchChromium } from "./browser";
import { SOAK_FIRST_TID, type SoakHostMessage } from "./soak-host";
import { round, slope } from "./stats";

/** The most each may grow per customer after the warm-up (docs/performance.md states them). */
const BOUNDS = { rendererHeapBytes: 2_048, domNodes: 0.05, mainDataBytes: 1_024 } as const;

const STEP_TIMEOUT_MS = 30_000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

interface Sample {
  customers: number;
  rendererHeapBytes: number;
  domNodes: number;
  mainHeapBytes: number;
  /** Main's heap less V8's compiled code (the code spaces). */
  mainDataBytes: number;
}

/** The next message from the host process of the given shape. */
function fromHost<K extends "url" | "heapUsed">(
  host: ChildProcess,
  key: K,
): Promise<Extract<SoakHostMessage, Record<K, unknown>>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: SoakHostMessage) => {
      if (!(key in message)) return;
      host.off("message", onMessage);
      host.off("exit", onExit);
      resolve(message as Extract<SoakHostMessage, Record<K, unknown>>);
    };
    const onExit = (code: number | null) => reject(new Error(`the host process ended (${code})`));
    host.on("message", onMessage);
    host.once("exit", onExit);
  });
}

async function sample(page: Page, cdp: CDPSession, host: ChildProcess, customers: number): Promise<Sample> {
  // The stand-in's fetch per IPC call leaves a resource timing entry that Electron's IPC does not.
  await page.evaluate(() => performance.clearResourceTimings());
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const answer = fromHost(host, "heapUsed");
  host.send("memory");
  const main = await answer;
  return {
    customers,
    rendererHeapBytes: metric("JSHeapUsedSize"),
    domNodes: metric("Nodes"),
    mainHeapBytes: main.heapUsed,
    mainDataBytes: main.heapUsed - main.codeBytes,
  };
}

async function serve(page: Page, tid: string): Promise<void> {
  const timeout = STEP_TIMEOUT_MS;
  await page.getByTestId("tid-input").fill(tid);
  await page.getByTestId("tid-input").press("Enter");
  await page.locator('[data-testid="transaction"][data-state="refund-pending"]').waitFor({ timeout });
  await page.getByTestId("send-otp").click();
  await page.getByTestId("otp-ref-id").waitFor({ timeout });
  await page.getByTestId("customer-otp").fill(PRACTICE_OTP);
  await page.getByTestId("refund-submit").click();
  await page.getByTestId("receipt").waitFor({ timeout });
  await page.getByTestId("new-request").click();
  await page.getByTestId("receipt").waitFor({ state: "detached", timeout });
}

async function main(): Promise<number> {
  const customers = option("customers", 300);
  const warmup = option("warmup", Math.floor(customers / 2));
  const every = option("every", 10);
  if (customers - warmup < every * 3) throw new Error("too few customers after the warm-up for a slope");

  const host = fork(join(__dirname, "soak-host.ts"), [String(customers)], {
    execArgv: ["--expose-gc", "--import", "tsx"],
  });
  const { url } = await fromHost(host, "url");
  const browser = await launchChromium();
  const samples: Sample[] = [];
  const started = performance.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(url);
    await page.getByTestId("tid-input").waitFor();
    for (let i = 0; i < customers; i++) {
      await serve(page, String(SOAK_FIRST_TID + i));
      if ((i + 1) % every === 0) samples.push(await sample(page, cdp, host, i + 1));
    }
  } finally {
    await browser.close();
    host.disconnect();
  }

  const after = samples.filter((s) => s.customers > warmup);
  const x = after.map((s) => s.customers);
  const slopeOf = (key: keyof Omit<Sample, "customers">) =>
    slope(
      x,
      after.map((s) => s[key]),
    );
  const slopes = {
    rendererHeapBytes: slopeOf("rendererHeapBytes"),
    domNodes: slopeOf("domNodes"),
    mainDataBytes: slopeOf("mainDataBytes"),
  };
  const mainHeapSlope = slopeOf("mainHeapBytes");
  const mib = (bytes: number) => round(bytes / 2 ** 20, 2);
  const first = after[0] as Sample;
  const last = after.at(-1) as Sample;
  const misses = (Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]).filter((k) => !(slopes[k] <= BOUNDS[k]));
  console.log(
    JSON.stringify(
      {
        customers,
        warmup,
        sampledEvery: every,
        minutes: round((performance.now() - started) / 60_000, 1),
        afterWarmup: {
          rendererHeapMiB: [mib(first.rendererHeapBytes), mib(last.rendererHeapBytes)],
          domNodes: [first.domNodes, last.domNodes],
          mainHeapMiB: [mib(first.mainHeapBytes), mib(last.mainHeapBytes)],
          mainDataMiB: [mib(first.mainDataBytes), mib(last.mainDataBytes)],
        },
        slopePerCustomer: {
          rendererHeapBytes: round(slopes.rendererHeapBytes, 1),
          domNodes: round(slopes.domNodes, 3),
          mainDataBytes: round(slopes.mainDataBytes, 1),
          mainHeapBytes: round(mainHeapSlope, 1),
        },
        bounds: BOUNDS,
        misses,
      },
      null,
      2,
    ),
  );
  return misses.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
