import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./e2e/host/chromium-args";

/**
 * Two runs of the e2e suite (see docs/testing.md, "The test layers"):
 * - chromium-host: the built renderer in Debian's Chromium, served by e2e/host/test-host.ts with
 *   the same main-process handler table. Playwright's own browser download does not work here.
 * - electron: the real app through Playwright's _electron: the unpacked build (`npm run pack:e2e`,
 *   as CI's Windows and macOS jobs run it), else Electron with dist/main; skipped where neither exists.
 * Build first: `node scripts/build.mjs`.
 */
export default defineConfig({
  // Two workers on two cores: a test mostly waits on the browser (6.9 → 5.4 min here, all green).
  // Only settings.spec stores a real keychain entry; every other spec's main has its own memory store.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  // Inside the run's artifacts when there are some, so the leak scan reads failure pages too.
  outputDir: process.env.REFUND_DESK_TEST_ARTIFACTS
    ? join(process.env.REFUND_DESK_TEST_ARTIFACTS, "playwright")
    : "test-results",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  projects: [
    {
      name: "chromium-host",
      testDir: "e2e/specs",
      use: {
        browserName: "chromium",
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: "electron",
      testDir: "e2e/electron",
    },
  ],
});
