/**
 * `npm run demo`: the real renderer in the system's Chromium, Chrome or Edge, for a machine where
 * Electron's binary cannot be had. Development tooling on the e2e test host (never packaged):
 * Practice only, on 127.0.0.1, with the access key kept in memory (never the keychain), in an
 * app window (--app) with a throwaway browser profile, and a banner saying it is a demo.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../main/cli/exit-codes";
import { findBrowser } from "./browser";
import { browserArgs, browserEnd, type BrowserEnd } from "./browser-run";
import { startDemoHost } from "./demo-host";

async function demo(): Promise<number> {
  const browser = findBrowser({ platform: process.platform, env: process.env, home: homedir(), exists: existsSync });
  if (!browser.ok) {
    process.stderr.write(`refund-desk demo: ${browser.message}\n`);
    return EXIT.failed;
  }
  const throwaway = mkdtempSync(join(tmpdir(), "refund-desk-demo-"));
  const cleanUp = () => rmSync(throwaway, { recursive: true, force: true });
  const started = await startDemoHost(throwaway);
  if (!started.ok) {
    cleanUp();
    process.stderr.write(`refund-desk demo: ${started.refusal}\n`);
    return EXIT.usage;
  }
  const { host } = started;

  process.stdout.write(
    `Refund Desk demo (Practice only) at ${host.url} in ${browser.path}\nClose the window or press Ctrl+C to end it.\n`,
  );
  const child = spawn(browser.path, browserArgs(host.url, join(throwaway, "profile"), process.getuid?.() === 0), {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let lastWords = "";
  child.stderr.on("data", (chunk: Buffer) => (lastWords = `${lastWords}${chunk.toString("utf8")}`.slice(-2000)));
  let stoppedByUs = false;
  const stop = () => {
    stoppedByUs = true;
    child.kill();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const ended = await new Promise<BrowserEnd>((resolve) => {
    child.once("error", (error) =>
      resolve({ ok: false, message: `${browser.path} could not be started: ${error.message}` }),
    );
    child.once("exit", (code) => resolve(browserEnd(code, stoppedByUs, lastWords)));
  });
  await host.close();
  cleanUp();
  if (!ended.ok) {
    process.stderr.write(`refund-desk demo: ${ended.message}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `refund-desk demo: unexpected failure (${error instanceof Error ? error.message : "unknown"})\n`,
    );
    process.exitCode = EXIT.internal;
  },
);
