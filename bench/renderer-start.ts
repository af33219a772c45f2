/**
 * 3. Renderer start: the built renderer's first paint and the moment the tid field is focused
 * and ready, in Chromium through the test host; and the bytes of JavaScript and CSS it loads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";
import { launchChromium } from "./browser";
import { summary } from "./stats";

const RENDERER = join(__dirname, "..", "dist", "renderer");

/** Polled each frame from the first: the time the tid field is focused and enabled. */
const POLL_TID_READY = `(() => {
  const poll = () => {
    const field = document.querySelector('[data-testid="tid-input"]');
    if (field && document.activeElement === field && !field.disabled) window.__tidReady = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

export async function measureRendererStart(options: { rounds: number }) {
  const host = await startTestHost({ dataDir: tempDataDir("bench-start") });
  const browser = await launchChromium();
  const firstPaint: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < options.rounds + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // A string, not a function: tsx would wrap a named function in a helper the page lacks.
    await page.addInitScript(POLL_TID_READY);
    await page.goto(host.url);
    await page.waitForFunction(() => (window as unknown as { __tidReady?: number }).__tidReady !== undefined);
    // The paint entry can be recorded a frame after the field is ready; wait for it.
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    const timings = await page.evaluate(() => ({
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      ready: (window as unknown as { __tidReady: number }).__tidReady,
    }));
    await context.close();
    // The first round warms the host and the browser's caches of the process; it is not counted.
    if (i === 0) continue;
    firstPaint.push(timings.paint);
    interactive.push(timings.ready);
  }
  await browser.close();
  await host.close();

  const bytes = (file: string) => {
    const content = readFileSync(join(RENDERER, file));
    return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  };
  const js = bytes("app.js");
  const css = bytes("styles.css");
  const html = bytes("index.html");
  return {
    firstContentfulPaintMs: summary(firstPaint),
    tidFieldReadyMs: summary(interactive),
    bytes: { js, css, html },
    jsGzipTargetMet: js.gzip <= 100 * 1024,
  };
}
