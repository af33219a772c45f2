/**
 * Where the demo finds a Chromium-family browser to open the renderer in: an explicit path in
 * REFUND_DESK_BROWSER, else the usual install paths of Chromium, Chrome and Edge on this OS.
 */
import { posix, win32 } from "node:path";

export const BROWSER_ENV = "REFUND_DESK_BROWSER";

export interface BrowserLookup {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  exists(path: string): boolean;
}

/** The paths to try, most likely first. */
export function browserCandidates({ platform, env, home }: Omit<BrowserLookup, "exists">): string[] {
  if (platform === "win32") {
    const roots = [env["ProgramFiles(x86)"], env.ProgramFiles, env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    return [
      ...roots.map((root) => win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe")),
      ...roots.map((root) => win32.join(root, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((root) => win32.join(root, "Chromium", "Application", "chrome.exe")),
    ];
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      "Chromium.app/Contents/MacOS/Chromium",
    ];
    return [
      ...apps.map((app) => posix.join("/Applications", app)),
      ...apps.map((app) => posix.join(home, "Applications", app)),
    ];
  }
  const names = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
  ];
  return [...names.map((name) => posix.join("/usr/bin", name)), "/snap/bin/chromium"];
}

export type BrowserFound = { ok: true; path: string } | { ok: false; message: string };

export function findBrowser(lookup: BrowserLookup): BrowserFound {
  const chosen = lookup.env[BROWSER_ENV];
  if (chosen) {
    return lookup.exists(chosen)
      ? { ok: true, path: chosen }
      : { ok: false, message: `${BROWSER_ENV} is set to "${chosen}", but there is no such file.` };
  }
  const candidates = browserCandidates(lookup);
  const path = candidates.find((candidate) => lookup.exists(candidate));
  if (path) return { ok: true, path };
  return {
    ok: false,
    message: [
      "No Chromium, Chrome or Edge was found. Looked at:",
      ...candidates.map((candidate) => `  ${candidate}`),
      `Install one, or set ${BROWSER_ENV} to the path of a Chromium-family browser's executable.`,
    ].join("\n"),
  };
}
