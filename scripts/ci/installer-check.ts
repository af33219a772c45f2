/**
 * The release installers on a real Windows or macOS machine: install silently, run the installed
 * app's command line (doctor, and a Practice OTP) and check its exit codes and JSON, uninstall
 * silently, and check that nothing of the app is left but the agent's data folder.
 *
 *   node --import tsx scripts/ci/installer-check.ts [--release <folder>] [--arch <arch>]
 *
 * Windows: the NSIS installer with `/S`, then again with `/S /D=<folder with spaces>`, whose access
 * list must let Users read and run only, then the MSI with `msiexec /i … /qn` and `/x … /qn`; each
 * registers the event source and takes it away again. macOS: the .pkg with `installer`, then the
 * .dmg copied out. Each time the fleet's health script in the app's resources runs against the
 * installed app, and the Practice OTP's journal line is read back from the OS log with the OS's own
 * tool (`journal verify --against-os-log`: Get-WinEvent, log show); on macOS it must also be there
 * under the app's subsystem, written by the app's own writer (scripts/ci/mac-witness-check.ts). The
 * data folder is kept across rounds, so the journal and the OS log grow together.
 * It changes the machine (Program Files, /Applications): meant for a CI runner or a test machine.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EVENT_SOURCE, OS_LOG_SUBSYSTEM } from "../../main/journal/os-log/platform-os-log";
import { PRODUCT_NAME } from "./built-app";
import { deploymentEnv } from "./deployment-env";
import { macWriterProblems, waitForSubsystemWitness } from "./mac-witness-check";

const ROOT = join(__dirname, "..", "..");
const APP_ID = "in.refunddesk.app";
const PRACTICE_TID = "13192443";
const { version: VERSION } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
/** Get-WinEvent and log show can take a while to show a message just written. */
const OS_LOG_ATTEMPTS = 6;
const OS_LOG_PAUSE_MS = 5_000;

/** What `--json` prints, as far as these checks read it. */
interface CliReply {
  ok?: boolean;
  value?: { environment?: string; checks?: Array<{ id?: string; status?: string }>; tid?: string; otpRefId?: string };
}

/** What `journal verify --json` prints, as far as these checks read it. */
interface VerifyReply {
  ok?: boolean;
  value?: { osLog?: { witnessed?: number } };
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A command whose failure is a finding, not an exception. */
function runQuiet(
  command: string,
  args: string[],
  options: SpawnSyncOptions = {},
): { status: number | null; stdout: string; stderr: string } {
  try {
    return run(command, args, options);
  } catch (error) {
    return { status: null, stdout: "", stderr: error instanceof Error ? error.message : String(error) };
  }
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
  const env = deploymentEnv();
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
  checkOsLog(executable, env);
}

/**
 * The OTP's journal line, read back from the OS log by the installed app's `journal verify
 * --against-os-log`: witnessed, and every witnessed line still in the journal.
 */
function checkOsLog(executable: string, env: NodeJS.ProcessEnv): void {
  const verify = () => {
    const run = runQuiet(executable, ["journal", "verify", "--against-os-log", "--json"], { env });
    try {
      return { status: run.status, report: JSON.parse(run.stdout) as VerifyReply, text: run.stdout + run.stderr };
    } catch {
      return { status: run.status, report: {} as VerifyReply, text: run.stdout + run.stderr };
    }
  };
  let verified = verify();
  for (let attempt = 1; attempt < OS_LOG_ATTEMPTS && !verified.report.value?.osLog?.witnessed; attempt += 1) {
    pause(OS_LOG_PAUSE_MS);
    verified = verify();
  }
  process.stdout.write(`journal verify --against-os-log --json (exit ${verified.status}): ${verified.text}\n`);
  check(
    (verified.report.value?.osLog?.witnessed ?? 0) >= 1,
    "the OS log, read with its own tool, has the journal's lines",
  );
  check(verified.status === 0 && verified.report.ok === true, "journal verify --against-os-log passes");
}

/** The fleet's health script shipped in the app's resources, run as IT's tool runs it. */
function checkFleetScript(command: string, args: string[], expectedExit: number, prefix: string): void {
  const run = runQuiet(command, args);
  process.stdout.write(`${[command, ...args].join(" ")} (exit ${run.status}): ${run.stdout}${run.stderr}\n`);
  check(run.status === expectedExit, `the fleet script exits ${expectedExit}`);
  const line = new RegExp(
    `^${prefix}(ok|warn) \\| version=${VERSION.replaceAll(".", "\\.")} \\| environment=practice \\|`,
  );
  check(line.test(run.stdout), "the fleet script prints the installed app's health in one line");
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
    pause(1000);
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
  const source = run("reg", ["query", EVENT_SOURCE_KEY]).status === 0 ? [`the event source (${EVENT_SOURCE_KEY})`] : [];
  return [...files, ...entries.map((key) => `an uninstall entry under ${key}`), ...source];
}

/** Where the installers register the Application log's source the journal's witness writes to. */
const EVENT_SOURCE_KEY = `HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\${EVENT_SOURCE}`;

/** What every Windows install must have and every uninstall must take away. */
const WINDOWS_INSTALLED = 5;

/** The installed app, checked the same way whichever installer put it there. */
function checkWindowsInstall(installDir: string): string {
  const exe = join(installDir, `${PRODUCT_NAME}.exe`);
  check(existsSync(exe), `the app is installed at ${exe}`);
  const acl = run("icacls", [installDir]).stdout;
  process.stdout.write(acl);
  check(!nonAdminsCanWrite(acl), "no one but administrators and SYSTEM can write in the install folder");
  check(run("reg", ["query", EVENT_SOURCE_KEY]).status === 0, `the event source "${EVENT_SOURCE}" is registered`);
  checkInstalledCli(exe);
  checkFleetScript(
    "powershell.exe",
    [
      "-NoProfile",
      "-ExecutionPolicy",
      "Bypass",
      "-File",
      join(installDir, "resources", "fleet", "intune-detect.ps1"),
      "-App",
      exe,
    ],
    0,
    "",
  );
  // The places the uninstall must clear hold the app now, so finding them empty later means something.
  const installed = windowsLeftovers(installDir);
  process.stdout.write(`  installed: ${installed.join("; ")}\n`);
  check(
    installed.length === WINDOWS_INSTALLED,
    "the folder, both shortcuts, the uninstall entry and the event source are there before uninstalling",
  );
  return exe;
}

function checkWindowsRemoved(installDir: string, seconds: number): void {
  waitUntil(
    () => windowsLeftovers(installDir).length === 0,
    seconds,
    `uninstall to remove ${windowsLeftovers(installDir).join(", ")}`,
  );
  check(true, "nothing of the app is left: folder, shortcuts, uninstall entry and event source are gone");
  checkDataFolderKept(join(process.env.APPDATA ?? join(homedir(), "AppData", "Roaming"), PRODUCT_NAME));
}

/** The MSI as Intune, SCCM or Group Policy runs it: per machine, no UI, then removed the same way. */
function msiRound(msi: string): void {
  const installDir = join(process.env.ProgramFiles ?? "C:\\Program Files", PRODUCT_NAME);
  const log = join(mkdtempSync(join(tmpdir(), "refund-desk-msi-")), "msiexec.log");
  process.stdout.write(`\n== msiexec /i ${msi} /qn\n`);
  // 3010: done, a restart is wanted (never for this package, but not a failure either).
  const done = (status: number | null) => status === 0 || status === 3010;
  const install = run("msiexec", ["/i", msi, "/qn", "/norestart", "/l*v", log]);
  if (!done(install.status)) {
    const bytes = existsSync(log) ? readFileSync(log) : Buffer.alloc(0);
    // msiexec writes its log as UTF-16 with a byte-order mark.
    const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString("utf16le") : bytes.toString("latin1");
    process.stdout.write(text.slice(-8000));
  }
  check(done(install.status), `msiexec /i exits 0 (got ${install.status})`);
  checkWindowsInstall(installDir);
  const uninstall = run("msiexec", ["/x", msi, "/qn", "/norestart"]);
  check(done(uninstall.status), `msiexec /x exits 0 (got ${uninstall.status})`);
  checkWindowsRemoved(installDir, 60);
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
  checkWindowsInstall(installDir);

  // The uninstaller copies itself to %TEMP% and returns at once: wait for the folder to go.
  const uninstall = run(join(installDir, `Uninstall ${PRODUCT_NAME}.exe`), ["/S"]);
  check(uninstall.status === 0, `the uninstaller exits 0 (got ${uninstall.status})`);
  checkWindowsRemoved(installDir, 180);
}

// --- macOS -----------------------------------------------------------------------------------

const MAC_APP = join("/Applications", `${PRODUCT_NAME}.app`);
const MAC_EXECUTABLE = join(MAC_APP, "Contents", "MacOS", PRODUCT_NAME);
/** The agent's data folder, where the installed app keeps the journal. */
const MAC_DATA = join(homedir(), "Library", "Application Support", PRODUCT_NAME);

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
  checkDataFolderKept(MAC_DATA);
}

/** The installed app's own OS-log writer, and the last journal line's witness under the app's subsystem. */
function macWriter(): void {
  const problems = macWriterProblems(MAC_APP);
  check(problems.length === 0, problems.join("; ") || "the installed app's OS-log writer: both arches, signed");
  const problem = waitForSubsystemWitness(MAC_DATA);
  check(
    problem === null,
    problem ?? `the journal's witness is in the unified log under ${OS_LOG_SUBSYSTEM}, from the app's writer`,
  );
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
  macWriter();
  checkFleetScript(
    "/bin/sh",
    [join(MAC_APP, "Contents", "Resources", "fleet", "jamf-extension-attribute.sh")],
    0,
    "<result>",
  );
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
  macWriter();
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
    msiRound(join(release, `refund-desk-${version}.msi`));
  } else if (process.platform === "darwin") {
    macRounds(release, values.arch ?? process.arch);
  } else {
    fail("installer-check runs on Windows or macOS");
  }
  process.stdout.write("\ninstaller check passed\n");
}
