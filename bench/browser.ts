import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS } from "../e2e/host/chromium-args";

/** Debian's Chromium with the flags the e2e suite uses (Playwright's own download does not work here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
