/**
 * `npm run bench:electron`: the built app's cold start, median of 5 starts after one that warms the
 * OS's file cache: process start → first paint in the window (the window is shown on
 * ready-to-show, which follows that paint) → tid field focused and enabled. Writes
 * bench/results-<platform>-<arch>.json and, in a CI job, a table in the job's summary.
 * Needs the unpacked build (`npm run pack:e2e`): Playwright drives it through the inspector.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { _electron } from "@playwright/test";
import { tempDataDir } from "../main/test-support/temp-dir";
import { appEnvironment, appUnderTest } from "../e2e/electron/desk-app";
import { summary } from "./stats";

const ROUNDS = 5;

interface Start {
  windowShownMs: number;
  tidReadyMs: number;
}

async function startOnce(executablePath: string, args: string[], home: string): Promise<Start> {
  const launched = Date.now();
  const app = await _electron.launch({
    executablePath,
    args,
    env: appEnvironment({ REFUND_DESK_HOME: home, REFUND_DESK_POLICY: join(home, "no-policy.json") }),
  });
  try {
    // Electron's own record of when the OS created the process (ms since the epoch).
    const created = await app.evaluate(() => process.getCreationTime());
    const processStart = created ?? launched;
    const page = await app.firstWindow();
    // Polled every frame: the first frame in which the field is focused and enabled (at the latest,
    // when the driver first looks).
    const ready = await page.waitForFunction(
      () => {
        const field = document.querySelector<HTMLInputElement>('[data-testid="tid-input"]');
        return field && document.activeElement === field && !field.disabled
          ? performance.timeOrigin + performance.now()
          : false;
      },
      undefined,
      { polling: "raf" },
    );
    const tidReady = (await ready.jsonValue()) as number;
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    const painted = await page.evaluate(
      () =>
        performance.timeOrigin + (performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN),
    );
    return { windowShownMs: painted - processStart, tidReadyMs: tidReady - processStart };
  } finally {
    await app.close();
  }
}

function coldStartReport(starts: Start[]) {
  return {
    windowShownMs: summary(starts.map((s) => s.windowShownMs)),
    tidFieldReadyMs: summary(starts.map((s) => s.tidReadyMs)),
  };
}

function summaryMarkdown(platform: string, report: ReturnType<typeof coldStartReport>): string {
  const row = (name: string, s: { median: number; min: number; max: number }) =>
    `| ${name} | ${Math.round(s.median)} ms | ${Math.round(s.min)}–${Math.round(s.max)} ms |`;
  return [
    `### Electron cold start (${platform}, median of ${report.tidFieldReadyMs.rounds})`,
    "",
    "| from process start to | median | range |",
    "|---|---|---|",
    row("window shown (first paint)", report.windowShownMs),
    row("tid field ready", report.tidFieldReadyMs),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const target = appUnderTest();
  if (!target) throw new Error("no built app: run npm run pack:e2e first");
  if (!target.built) process.stdout.write("note: no packaged build, measuring Electron with dist/main\n");
  // One data folder for every start, as a counter starts the same profile each morning.
  const home = tempDataDir("bench-electron");
  await startOnce(target.executablePath, target.args, home);
  const starts: Start[] = [];
  for (let i = 0; i < ROUNDS; i++) starts.push(await startOnce(target.executablePath, target.args, home));

  const platform = `${process.platform}-${process.arch}`;
  const report = coldStartReport(starts);
  const results = {
    when: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform,
    },
    app: { built: target.built, executable: target.executablePath },
    electronColdStart: report,
    samples: starts,
  };
  const file = join(__dirname, `results-${platform}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = summaryMarkdown(platform, report);
  process.stdout.write(`${markdown}\nwritten: ${file}\n`);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
