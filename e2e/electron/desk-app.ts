/**
 * The app the Electron specs run: the unpacked build (`npm run pack:e2e`, found by
 * scripts/ci/built-app.ts), else a local Electron binary with dist/main, else nothing and the specs
 * are skipped with the reason printed. In CI (REFUND_DESK_REQUIRE_BUILT_APP=1) a missing build fails.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { _electron, test, type ElectronApplication } from "@playwright/test";
import { machinePolicyPath } from "../../main/policy/machine-policy";
import { tempDataDir } from "../../main/test-support/temp-dir";
import { builtExecutable } from "../../scripts/ci/built-app";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

const ROOT = join(__dirname, "..", "..");
/** The wrong OTP the refund spec types; e2e/leak/electron-profile.test.ts looks for it everywhere. */
export const WRONG_OTP = TEST_SECRETS.otps.wrongE2e;
/** Under $REFUND_DESK_TEST_ARTIFACTS: one line per data folder the app really used, for the leak scan. */
export const PROFILES_LIST = "electron-profiles.txt";
const NO_APP =
  "no built app (npm run pack:e2e) and no Electron binary (its download is denied on build machines): " +
  "the real-app project was skipped";

/**
 * The Electron binary of node_modules/electron, or null. Mirrors node_modules/electron/index.js
 * rather than calling `require("electron")`: when path.txt is missing, requiring it starts
 * Electron's download, which a test run must never do.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve("electron/package.json"));
    const pathFile = join(dir, "path.txt");
    const relative = existsSync(pathFile) ? readFileSync(pathFile, "utf8") : null;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override ? join(override, relative ?? "electron") : relative ? join(dir, "dist", relative) : null;
    return binary && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

interface AppUnderTest {
  executablePath: string;
  args: string[];
  built: boolean;
}

export function appUnderTest(): AppUnderTest | null {
  const built = builtExecutable(join(ROOT, "release"));
  if (built) return { executablePath: built, args: [], built: true };
  if (process.env.REFUND_DESK_REQUIRE_BUILT_APP === "1")
    throw new Error("REFUND_DESK_REQUIRE_BUILT_APP=1 but there is no built app: run npm run pack:e2e");
  const electron = electronBinary();
  return electron ? { executablePath: electron, args: [join(ROOT, "dist", "main", "index.js")], built: false } : null;
}

/** Skips the calling test, saying why in the log as well as in the skipped count. */
function requireApp(): AppUnderTest {
  const app = appUnderTest();
  if (!app) {
    console.log(NO_APP);
    test.skip(true, NO_APP);
  }
  return app as AppUnderTest;
}

interface PlacedPolicy {
  env: Record<string, string>;
  remove(): void;
}

/**
 * Puts the machine-wide policy where the app under test reads it. The one place that decides:
 * by default REFUND_DESK_POLICY names a file in the test's folder; with
 * REFUND_DESK_E2E_POLICY_AT_MACHINE_PATH=1 (for a build that reads only the real path) the file
 * goes to the OS's machine-wide path, which needs an administrator (sudo on macOS), locked as
 * docs/deploy.md tells IT to lock it.
 * `policy` null: no policy at all, and none of the machine's can leak into the test.
 */
function placeMachinePolicy(policy: object | null, folder: string): PlacedPolicy {
  const text = policy ? JSON.stringify(policy) : null;
  if (process.env.REFUND_DESK_E2E_POLICY_AT_MACHINE_PATH !== "1") {
    const path = join(folder, "machine-policy.json");
    // The app ignores a policy that others could rewrite: 0644.
    if (text) writeFileSync(path, text, { mode: 0o644 });
    return { env: { REFUND_DESK_POLICY: path }, remove: () => rmSync(path, { force: true }) };
  }
  const path = machinePolicyPath({ ProgramData: process.env.ProgramData }, process.platform);
  const asAdmin = (command: string, args: string[], input?: string) => {
    const sudo = process.platform === "darwin";
    const run = spawnSync(sudo ? "sudo" : command, sudo ? ["-n", command, ...args] : args, { input, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${run.stderr}`);
  };
  const remove = () => {
    if (process.platform === "win32") rmSync(path, { force: true });
    else asAdmin("rm", ["-f", path]);
  };
  remove();
  if (text) {
    if (process.platform === "win32") {
      mkdirSync(dirname(path), { recursive: true });
      // Administrators and SYSTEM full control, Users read: the deployment's own icacls line.
      asAdmin("icacls", [
        dirname(path),
        "/inheritance:r",
        "/grant:r",
        "*S-1-5-32-544:(OI)(CI)F",
        "*S-1-5-18:(OI)(CI)F",
        "*S-1-5-32-545:(OI)(CI)RX",
      ]);
      writeFileSync(path, text);
    } else {
      asAdmin("mkdir", ["-p", dirname(path)]);
      asAdmin("tee", [path], text);
      asAdmin("chmod", ["644", path]);
    }
  }
  return { env: {}, remove };
}

/**
 * The environment the app starts with: this one, less Electron's and Node's debugging variables,
 * which an installed app refuses (an agent's session has none of them either).
 */
export function appEnvironment(extra: Record<string, string>): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    ([name, value]) => value !== undefined && !/^(ELECTRON_|NODE_(?!ENV$))/i.test(name),
  );
  return { ...Object.fromEntries(kept as Array<[string, string]>), ...extra };
}

export interface Desk {
  app: ElectronApplication;
  /** Closes the app if it still runs and removes the policy it was given. */
  close(): Promise<void>;
}

/** Starts the app under test on a fresh data folder (under $REFUND_DESK_TEST_ARTIFACTS when set, for the leak scan). */
export async function launchDesk(options: { policy?: object | null } = {}): Promise<Desk> {
  const target = requireApp();
  // CI names a folder for the run that does not exist yet; the leak scan reads it afterwards.
  if (process.env.REFUND_DESK_TEST_ARTIFACTS) mkdirSync(process.env.REFUND_DESK_TEST_ARTIFACTS, { recursive: true });
  const home = tempDataDir("electron");
  const placed = placeMachinePolicy(options.policy ?? null, home);
  const app = await _electron.launch({
    executablePath: target.executablePath,
    args: target.args,
    env: appEnvironment({ ...placed.env, REFUND_DESK_HOME: home }),
  });
  let exited = false;
  app.process().once("exit", () => (exited = true));
  // A packaged app may not take REFUND_DESK_HOME: ask it where its data and profile really are.
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath("userData"));
  if (process.env.REFUND_DESK_TEST_ARTIFACTS)
    appendFileSync(join(process.env.REFUND_DESK_TEST_ARTIFACTS, PROFILES_LIST), `${userData}\n`);
  return {
    app,
    close: async () => {
      try {
        if (!exited) await app.close();
      } finally {
        placed.remove();
      }
    },
  };
}

/** Resolves when the app's process has exited. */
export function exitOf(app: ElectronApplication): Promise<number | null> {
  const child = app.process();
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}
