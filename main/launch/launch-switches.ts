/**
 * The packaged app's command line and environment, checked before anything else runs. Chromium
 * and Electron read switches (--proxy-server, --host-rules, --ignore-certificate-errors,
 * --log-net-log, --remote-debugging-port…) and variables (ELECTRON_ENABLE_LOGGING, SSLKEYLOGFILE…)
 * that would let the person at the counter watch or redirect the signed requests, or drive the
 * window. Only the CLI's own options, and what macOS adds when Finder starts an app, pass.
 */
import { CLI_OPTIONS } from "../cli/cli-options";
import { EXIT } from "../cli/exit-codes";

export type LaunchVerdict = { ok: true } | { ok: false; refused: string; message: string };

/** The same code as a CLI usage error (the one exit-code table): nothing was done. */
export const REFUSED_LAUNCH_EXIT = EXIT.usage;

/**
 * What Playwright's Electron driver passes (the inspector and DevTools on free ports). Allowed only
 * in the e2e build (`npm run pack:e2e`), whose app.asar carries E2E_BUILD_MARK: a release cannot
 * gain the mark, as asar integrity (a fuse) refuses a changed app.asar.
 */
const DRIVER_SWITCHES = ["--inspect=0", "--remote-debugging-port=0"];

/** The field `pack:e2e` adds to the packaged package.json (electron-builder's extraMetadata). */
export const E2E_BUILD_MARK = "refundDeskE2eBuild";

/** Finder's process serial number on older macOS (-psn_0_123456). */
const MAC_PSN = /^-psn_\d+_\d+$/;

/** Variables Electron, Node or Chromium read to log, debug, trust other certificates or dump TLS keys. */
const REFUSED_VARIABLES = [
  /^ELECTRON_/,
  /^NODE_(?!ENV$)/,
  /^SSLKEYLOGFILE$/,
  /^CHROME_LOG_FILE$/,
  /^CHROME_HEADLESS$/,
  /^GOOGLE_API_KEY$/,
];

/**
 * Chromium reads a switch from any argument starting with "--" or "-" (and "/" on Windows),
 * wherever it is on the line, up to a bare "--". Every such argument must be one of ours.
 */
export function checkLaunch(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  e2eBuild = false,
): LaunchVerdict {
  for (const name of Object.keys(env).sort()) {
    if (env[name] !== undefined && REFUSED_VARIABLES.some((pattern) => pattern.test(name.toUpperCase()))) {
      return refuse(name, `the environment variable ${name} is not accepted by the installed app; start it without it`);
    }
  }
  for (const arg of argv.slice(1)) {
    if (arg === "--") return refuse(arg, `"--" is not accepted by the installed app`);
    const prefix = /^--?/.exec(arg)?.[0] ?? (platform === "win32" && arg.startsWith("/") ? "/" : null);
    if (prefix === null) continue;
    if (platform === "darwin" && MAC_PSN.test(arg)) continue;
    if (e2eBuild && DRIVER_SWITCHES.includes(arg)) continue;
    const name = arg.slice(prefix.length).split("=")[0] ?? "";
    if (prefix === "--" && CLI_OPTIONS.includes(name) && !arg.includes("=")) continue;
    // The CLI's one short option, `refund-desk -h`: Chromium has no switch of that name.
    if (arg === "-h") continue;
    return refuse(
      arg.split("=")[0] ?? arg,
      `the option ${arg.split("=")[0]} is not accepted by the installed app (only the refund-desk commands' own options are)`,
    );
  }
  return { ok: true };
}

function refuse(refused: string, message: string): LaunchVerdict {
  return { ok: false, refused, message: `Refund Desk: ${message}.\n` };
}
