/**
 * 3. Renderer start: the built renderer's first paint, the moment the tid field is usable (on
 * screen, focused and enabled: what is typed from then on is kept, hydrated or not) and the moment
 * React has taken it over, in Chromium through the test host, against a bare page with one input
 * from the same host in the same rounds; and the bytes of JavaScript (the first screen's apart) and CSS.
 */
import { readdirSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { join } from "node:path";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";
import { bytesOf, FIRST_SCREEN_GZIP_BUDGET, firstScreenBytes } from "../scripts/first-screen-bytes";
import { launchChromium } from "./browser";
import { round, summary } from "./stats";

const RENDERER = join(__dirname, "..", "dist", "renderer");

/**
 * Polled each frame from the first: the time the tid field is focused and enabled, and the time
 * React has hydrated it (its fiber is on the element; the bare page has none, so it counts usable).
 */
const POLL_TID_READY = `(() => {
  const poll = () => {
    const field = document.querySelector('[data-testid="tid-input"]');
    const now = performance.now();
    if (window.__tidUsable === undefined && field && document.activeElement === field && !field.disabled)
      window.__tidUsable = now;
    if (window.__hydrated === undefined && field && Object.keys(field).some((key) => key.startsWith("__reactFiber")))
      window.__hydrated = now;
    if (window.__tidUsable === undefined || window.__hydrated === undefined) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

type Marks = { __tidUsable?: number; __hydrated?: number };

/** The harness alone: one text input, focused, under the app's headers from the same host. */
const BARE_PATH = "/__bench/bare.html";
const BARE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head>
<body><label>Transaction ID <input data-testid="tid-input" autofocus></label></body></html>`;

/** First contentful paint, the tid field usable and (for the app) hydrated: one fresh context per round. */
async function paintOnce(browser: Browser, url: string, app: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // A string, not a function: tsx would wrap a named function in a helper the page lacks.
  await page.addInitScript(POLL_TID_READY);
  await page.goto(url);
  await page.waitForFunction((app) => {
    const marks = window as unknown as Marks;
    return marks.__tidUsable !== undefined && (!app || marks.__hydrated !== undefined);
  }, app);
  // The paint entry can be recorded a frame after the field is ready; wait for it.
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  const timings = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    usable: (window as unknown as Marks).__tidUsable ?? Number.NaN,
    hydrated: (window as unknown as Marks).__hydrated ?? Number.NaN,
  }));
  await context.close();
  return timings;
}

export async function measureRendererStart(options: { rounds: number }) {
  const host = await startTestHost({ dataDir: tempDataDir("bench-start"), pages: { [BARE_PATH]: BARE_PAGE } });
  const browser = await launchChromium();
  const firstPaint: number[] = [];
  const usable: number[] = [];
  const hydrated: number[] = [];
  const bareFirstPaint: number[] = [];
  const bareUsable: number[] = [];
  for (let i = 0; i < options.rounds + 1; i++) {
    // App and bare page take turns, so drift on the machine hits both alike.
    const app = await paintOnce(browser, host.url, true);
    const bare = await paintOnce(browser, new URL(BARE_PATH, host.url).href, false);
    // The first round warms the host and the browser's caches of the process; it is not counted.
    if (i === 0) continue;
    firstPaint.push(app.paint);
    usable.push(app.usable);
    hydrated.push(app.hydrated);
    bareFirstPaint.push(bare.paint);
    bareUsable.push(bare.usable);
  }
  await browser.close();
  await host.close();

  const bytes = (files: string[]) => bytesOf(RENDERER, files);
  const initial = firstScreenBytes(RENDERER);
  const all = bytes(readdirSync(RENDERER).filter((file) => file.endsWith(".js")));
  // Each file gzipped alone, as each is stored and loaded: the chunks' sum, not one archive.
  const js = {
    raw: all.raw,
    gzip: all.gzip,
    files: readdirSync(RENDERER).filter((file) => file.endsWith(".js")).length,
    initialRaw: initial.raw,
    initialGzip: initial.gzip,
  };
  // Inline in index.html (scripts/bundles.mjs): measured from its source.
  const css = bytesOf(join(__dirname, "..", "renderer"), ["styles.css"]);
  const html = bytes(["index.html"]);
  const app = summary(firstPaint);
  const bare = summary(bareFirstPaint);
  const tidUsable = summary(usable);
  const fcpRatio = round(app.median / bare.median);
  // Against the bare page's first paint, as the targets are stated.
  const tidUsableRatio = round(tidUsable.median / bare.median);
  return {
    firstContentfulPaintMs: app,
    bareFirstContentfulPaintMs: bare,
    fcpRatio,
    fcpTargetMet: fcpRatio <= 1.5,
    tidUsableMs: tidUsable,
    bareTidUsableMs: summary(bareUsable),
    tidUsableRatio,
    tidUsableTargetMet: tidUsableRatio <= 2.5,
    hydratedMs: summary(hydrated),
    bytes: { js, css, html },
    jsGzipTargetMet: initial.gzip <= FIRST_SCREEN_GZIP_BUDGET,
  };
}
