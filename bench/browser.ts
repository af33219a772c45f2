import { chromium, type Browser } from "@playwright/test";

/** Debian's Chromium with the flags the e2e suite uses (Playwright's own download does not work here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      // New-headless Chromium builds its omnibox popup (some 400 modules) for every new context,
      // beside the page measured: harness, not app, and an app window has none.
      "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
    ],
  });
}
