/**
 * The release installers on a real Windows or macOS machine: install silently, run the installed
 * app's command line (doctor, and a Practice OTP) and check its exit codes and JSON, uninstall
 * silently, and check that nothing of the app is left but the agent's data folder.
 *
 *   node --import tsx scripts/ci/installer-check.ts [--release <folder>] [--arch <arch>]
 *
 * Windows: the NSIS installer with `/S`, then again with `/S /D=<folder with spaces>`, whose access
 * list must let Users read and run only. macOS: the .pkg with `installer`, then the .dmg copied out.
 * It changes the machine (Program Files, /Applications): meant for a CI runner or a test machine.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PRODUCT_NAME } from "./built-app";

const ROOT = join(__dirname, "..", "..");
const APP_ID = "in.refunddesk.app";
const PRACTICE_TID = "13192443";

/** What `--json` prints, as far as these checks read it. */
interface CliReply {
  ok?: boolean;
  value?: { environment?: string; checks?: Array<{ id?: string; status?: string }>; tid?: string; otpRefId?: string };
}

function run(
  command: string,
  args: string[],
  options: SpawnSyncOptions = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 300_000, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? "") };
}

function fail(message: string): never {
  throw new Error(message);
}

function check(condition: unknown, message: string): void {
  if (!condition) fail(message);
  process.stdout.write(`  ok: ${message}\n`);
}

function parseJson(text: string, what: string): CliReply {
  try {
    return JSON.parse(text) as CliReply;
  } catch {
    return fail(`${what} did not print JSON: ${text.slice(0, 400)}`);
  }
}

/**
 * `doctor --json` and `otp <tid> --json` of the installed app, as support staff run them, in its
 * real data folder.
 */
function checkInstalledCli(executable: string): void {
  // As a deployment tool would start it: no development overrides, no Electron or Node debugging variables.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(REFUND_DESK_|ELECTRON_|NODE_(?!ENV$))/i.test(name)),
  );
  const doctor = run(executable, ["doctor", "--json"], { env });
  process.stdout.write(`doctor --json (exit ${doctor.status}): ${doctor.stdout}${doctor.stderr}\n`);
  const report = parseJson(doctor.stdout, "doctor --json");
  check(doctor.status === 0 && report.ok === true, "doctor exits 0 with ok: true");
  check(report.value?.environment === "practice", "a fresh install is in Practice");
  const keychain = report.value?.checks?.find((c) => c.id === "keychain");
  check(keychain?.status === "ok", "doctor finds the OS keychain usable");

  const otp = run(executable, ["otp", PRACTICE_TID, "--json"], { env });
  process.stdout.write(`otp ${PRACTICE_TID} --json (exit ${otp.status}): ${otp.stdout}${otp.stderr}\n`);
  const sent = parseJson(otp.stdout, "otp --json");
  check(otp.status === 0 && sent.ok === true, "otp exits 0 with ok: true");
  check(
    sent.value?.tid === PRACTICE_TID && typeof sent.value?.otpRefId === "string" && sent.value.otpRefId.length > 0,
    "otp names the tid and an otp_ref_id",
  );

  const usage = run(executable, ["otp", "not-a-tid", "--json"], { env });
  check(
    usage.status === 2 && parseJson(usage.stdout, "otp with a bad tid").ok === false,
    "a bad tid exits 2 with ok: false",
  );
}

/** The data folder the installed app used, with the journal the OTP request wrote. */
function checkDataFolderKept(dataFolder: string): void {
  const journal = join(dataFolder, "journal");
  check(
    existsSync(journal) && readdirSync(journal).some((f) => f.endsWith(".jsonl")),
    `the data folder and its journal are kept (${dataFolder})`,
  );
}

function waitUntil(condition: () => boolean, seconds: number, what: string): void {
  const until = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > until) fail(`timed out after ${seconds} s: ${what}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

// --- Windows ---------------------------------------------------------------------------------

function windowsLeftovers(installDir: string): string[] {
  const programData = process.env.ProgramData ?? "C:\\ProgramData";
  const publicDir = process.env.PUBLIC ?? "C:\\Users\\Public";
  const files = [
    installDir,
    join(programData, "Microsoft", "Windows", "Start Menu", "Programs", `${PRODUCT_NAME}.lnk`),
    join(publicDir, "Desktop", `${PRODUCT_NAME}.lnk`),
  ].filter((path) => existsSync(path));
  // The uninstall entry holds the product's name in its data (DisplayName "Refund Desk 0.1.0",
  // InstallLocation…); `reg query /f … /d` exits 0 only when some value's data contains it.
  const keys = [
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
    "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall",
  ];
  const entries = keys.filter((key) => run("reg", ["query", key, "/s", "/f", PRODUCT_NAME, "/d"]).status === 0);
  return [...files, ...entries.map((key) => `an uninstall entry under ${key}`)];
}

/** Users, Authenticated Users and Everyone may read and run, never write, in the folder (icacls's listing). */
export function nonAdminsCanWrite(icaclsOutput: string): boolean {
  return icaclsOutput
    .split(/\r?\n/)
    .filter((line) => /(?:BUILTIN\\Users|S-1-5-32-545|Authenticated Users|S-1-5-11|Everyone|S-1-1-0):/.test(line))
    .some((line) =>
      /\((?:[^)]*,)?(?:F|M|W|WD|AD|WDAC|WO|D|DC|GA|GW)(?:,[^)]*)?\)/.test(line.split(":").slice(1).join(":")),
    );
}

function windowsRound(installer: string, folder: string | null): void {
  const installDir = folder ?? join(process.env.ProgramFiles ?? "C:\\Program Files", PRODUCT_NAME);
  process.stdout.write(`\n== ${installer} /S${folder ? ` /D=${folder}` : ""}\n`);
  // NSIS wants /D= last and unquoted, spaces and all: pass the command line as written.
  const args = folder ? ["/S", `/D=${folder}`] : ["/S"];
  const install = run(installer, args, { windowsVerbatimArguments: true });
  check(install.status === 0, `the installer exits 0 (got ${install.status})`);
  const exe = join(installDir, `${PRODUCT_NAME}.exe`);
  check(existsSync(exe), `the app is installed at ${exe}`);
  const acl = run("icacls", [installDir]).stdout;
  process.stdout.write(acl);
  check(!nonAdminsCanWrite(acl), "no one but administrators and SYSTEM can write in the install folder");

  checkInstalledCli(exe);
  // The places the uninstall must clear hold the app now, so finding them empty later means something.
  const installed = windowsLeftovers(installDir);
  process.stdout.write(`  installed: ${installed.join("; ")}\n`);
  check(installed.length === 4, "the folder, both shortcuts and the uninstall entry are there before uninstalling");

  // The uninstaller copies itself to %TEMP% and returns at once: wait for the folder to go.
  const uninstall = run(join(installDir, `Uninstall ${PRODUCT_NAME}.exe`), ["/S"]);
  check(uninstall.status === 0, `the uninstaller exits 0 (got ${uninstall.status})`);
  waitUntil(
    () => windowsLeftovers(installDir).length === 0,
    180,
    `uninstall to remove ${windowsLeftovers(installDir).join(", ")}`,
  );
  check(true, "nothing of the app is left: folder, shortcuts and uninstall entry are gone");
  checkDataFolderKept(join(process.env.APPDATA ?? join(homedir(), "AppData", "Roaming"), PRODUCT_NAME));
}

// --- macOS -----------------------------------------------------------------------------------

const MAC_APP = join("/Applications", `${PRODUCT_NAME}.app`);
const MAC_EXECUTABLE = join(MAC_APP, "Contents", "MacOS", PRODUCT_NAME);

function macRemove(): void {
  // A pkg has no uninstaller: removing the bundle and forgetting the receipt is the uninstall.
  run("sudo", ["rm", "-rf", MAC_APP]);
  for (const id of run("pkgutil", ["--pkgs"])
    .stdout.split("\n")
    .filter((line) => line.startsWith(APP_ID)))
    run("sudo", ["pkgutil", "--forget", id]);
  check(
    !existsSync(MAC_APP) && !run("pkgutil", ["--pkgs"]).stdout.includes(APP_ID),
    "nothing of the app is left: the bundle and the package receipt are gone",
  );
  checkDataFolderKept(join(homedir(), "Library", "Application Support", PRODUCT_NAME));
}

function macSignature(): void {
  if (process.env.REFUND_DESK_EXPECT_SIGNED !== "1") {
    process.stdout.write("  (unsigned build: codesign and Gatekeeper checks skipped, see the job summary)\n");
    return;
  }
  check(
    run("codesign", ["--verify", "--deep", "--strict", "--verbose=2", MAC_APP]).status === 0,
    "the installed app's signature verifies",
  );
  check(
    run("spctl", ["--assess", "--type", "execute", "--verbose", MAC_APP]).status === 0,
    "Gatekeeper accepts the installed app (notarized)",
  );
}

function macRounds(release: string, arch: string): void {
  const named = (ext: string) => {
    const file = readdirSync(release).find((f) => f.endsWith(`-${arch}.${ext}`));
    return file ? join(release, file) : fail(`no .${ext} for ${arch} in ${release}`);
  };
  const pkg = named("pkg");
  process.stdout.write(`\n== sudo installer -pkg ${pkg} -target /\n`);
  check(run("sudo", ["installer", "-pkg", pkg, "-target", "/"]).status === 0, "installer exits 0");
  check(existsSync(MAC_EXECUTABLE), `the app is installed at ${MAC_APP}`);
  check(run("pkgutil", ["--pkgs"]).stdout.includes(APP_ID), `the package receipt ${APP_ID} is there before removal`);
  macSignature();
  checkInstalledCli(MAC_EXECUTABLE);
  macRemove();

  const dmg = named("dmg");
  process.stdout.write(`\n== ${dmg}: attach, copy to /Applications, detach\n`);
  const mount = mkdtempSync(join(tmpdir(), "refund-desk-dmg-"));
  check(run("hdiutil", ["attach", "-nobrowse", "-readonly", "-mountpoint", mount, dmg]).status === 0, "the dmg mounts");
  try {
    check(run("ditto", [join(mount, `${PRODUCT_NAME}.app`), MAC_APP]).status === 0, "the app copies out of the dmg");
  } finally {
    run("hdiutil", ["detach", mount]);
  }
  macSignature();
  checkInstalledCli(MAC_EXECUTABLE);
  macRemove();
}

if (require.main === module) {
  const { values } = parseArgs({ options: { release: { type: "string" }, arch: { type: "string" } } });
  const release = values.release ?? join(ROOT, "release");
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  if (process.platform === "win32") {
    const installer = join(release, `refund-desk-setup-${version}.exe`);
    windowsRound(installer, null);
    windowsRound(installer, "C:\\Refund Desk Test\\Counter App");
  } else if (process.platform === "darwin") {
    macRounds(release, values.arch ?? process.arch);
  } else {
    fail("installer-check runs on Windows or macOS");
  }
  process.stdout.write("\ninstaller check passed\n");
}
