/**
 * The packaged app's command line and environment, checked before anything else runs. Chromium
 * and Electron read switches (--proxy-server, --host-rules, --ignore-certificate-errors,
 * --log-net-log, --remote-debugging-port…) and variables (ELECTRON_ENABLE_LOGGING, SSLKEYLOGFILE…)
 * that would let the person at the counter watch or redirect the signed requests, or drive the
 * window. Only the CLI's own options, and what macOS adds when Finder starts an app, pass.
 */
import { CLI_OPTIONS } from "../cli/cli-options";

export type LaunchVerdict = { ok: true } | { ok: false; refused: string; message: string };

/** EX_USAGE-like: the same code as a CLI usage error, nothing was done. */
export const REFUSED_LAUNCH_EXIT = 2;

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
export function checkLaunch(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): LaunchVerdict {
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
    const name = arg.slice(prefix.length).split("=")[0] ?? "";
    if (prefix === "--" && CLI_OPTIONS.includes(name) && !arg.includes("=")) continue;
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
