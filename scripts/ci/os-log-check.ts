/**
 * The journal's witness on a real Windows or macOS machine.
 *
 *   node --import tsx scripts/ci/os-log-check.ts              the checkout's command line, under Node
 *   node --import tsx scripts/ci/os-log-check.ts --packaged   macOS: the app npm run pack:e2e built
 *
 * The checkout's command line: a Practice OTP writes a journal line (and its witness, through
 * Write-EventLog, or on macOS through logger: a checkout has no app bundle, so no writer of its own),
 * then `journal verify --against-os-log` reads the OS log back with the OS's own tools (Get-WinEvent,
 * log show) and must find it; with the journal's last line cut off, it must fail. That check reads
 * every witness the OS log holds, so it runs before anything else on the machine writes one. On
 * Windows it registers the event source first (the installers do on a counter), which needs an
 * administrator: meant for a CI runner or a test machine.
 *
 * --packaged, on macOS: the packaged app's own writer is in its resources, for both arches and
 * signed, and the app's Practice OTP reaches the unified log through it, under the subsystem
 * in.refunddesk.app (scripts/ci/mac-witness-check.ts). A packaged app keeps its data in the
 * account's real data folder (it ignores REFUND_DESK_HOME), so this reads the log for that line
 * alone and can run after other steps have written witnesses.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EVENT_SOURCE, OS_LOG_SUBSYSTEM } from "../../main/journal/os-log/platform-os-log";
import { builtApp, PRODUCT_NAME } from "./built-app";
import { deploymentEnv } from "./deployment-env";
import { macWriterProblems, waitForSubsystemWitness } from "./mac-witness-check";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "bin", "refund-desk.cjs");
/** Get-WinEvent and log show can take a while to show a message just written. */
const ATTEMPTS = 6;
const PAUSE_MS = 5_000;

function fail(message: string): never {
  throw new Error(message);
}

function check(condition: unknown, message: string): void {
  if (!condition) fail(message);
  process.stdout.write(`  ok: ${message}\n`);
}

function cli(home: string, args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, REFUND_DESK_HOME: home },
  });
  if (run.error) throw run.error;
  process.stdout.write(`refund-desk ${args.join(" ")} (exit ${run.status}): ${run.stdout}${run.stderr}\n`);
  return { status: run.status, stdout: run.stdout };
}

interface Verified {
  ok?: boolean;
  value?: { osLog?: { witnessed?: number; ok?: boolean; lastHeadReached?: boolean } };
}

function verify(home: string): { status: number | null; report: Verified } {
  const run = cli(home, ["journal", "verify", "--against-os-log", "--json"]);
  try {
    return { status: run.status, report: JSON.parse(run.stdout) as Verified };
  } catch {
    return { status: run.status, report: {} };
  }
}

function registerEventSource(): void {
  const script =
    `if (-not [System.Diagnostics.EventLog]::SourceExists('${EVENT_SOURCE}')) ` +
    `{ New-EventLog -LogName Application -Source '${EVENT_SOURCE}' }`;
  const run = spawnSync("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", script], { encoding: "utf8" });
  check(
    run.status === 0,
    `the event source "${EVENT_SOURCE}" is registered (${run.stderr.trim() || "as on a counter"})`,
  );
}

/** The packaged app's writer, and its Practice OTP's witness under the app's subsystem. */
function packagedMac(): void {
  if (process.platform !== "darwin") fail("os-log-check --packaged runs on macOS");
  const { bundle, executable } = builtApp(join(ROOT, "release"));
  const problems = macWriterProblems(bundle);
  check(problems.length === 0, problems.join("; ") || "the packaged app's OS-log writer: both arches, signed");
  const run = spawnSync(executable, ["otp", "13192443", "--json"], {
    encoding: "utf8",
    timeout: 300_000,
    env: deploymentEnv(),
  });
  if (run.error) throw run.error;
  process.stdout.write(`${executable} otp 13192443 --json (exit ${run.status}): ${run.stdout}${run.stderr}\n`);
  check(run.status === 0, "the packaged app's Practice OTP writes its journal line");
  const problem = waitForSubsystemWitness(join(homedir(), "Library", "Application Support", PRODUCT_NAME));
  check(
    problem === null,
    problem ?? `its witness is in the unified log under ${OS_LOG_SUBSYSTEM}, from the app's writer`,
  );
  process.stdout.write("\nos-log check (packaged app) passed\n");
}

function main(): void {
  if (parseArgs({ options: { packaged: { type: "boolean" } } }).values.packaged) return packagedMac();
  if (process.platform === "win32") registerEventSource();
  else if (process.platform !== "darwin") fail("os-log-check runs on Windows or macOS (Linux: npm test)");
  const home = mkdtempSync(join(tmpdir(), "refund-desk-os-log-"));
  check(
    cli(home, ["otp", "13192443", "--json"]).status === 0,
    `a Practice OTP from the checkout's command line writes its journal line${
      process.platform === "darwin"
        ? " (witnessed through logger: the packaged app's writer is checked by --packaged)"
        : ""
    }`,
  );

  let verified = verify(home);
  for (let attempt = 1; attempt < ATTEMPTS && !verified.report.value?.osLog?.witnessed; attempt += 1) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
    verified = verify(home);
  }
  check((verified.report.value?.osLog?.witnessed ?? 0) >= 1, "the OS log, read with its own tool, has the line");
  check(verified.status === 0 && verified.report.ok === true, "journal verify --against-os-log passes");

  // The journal cut short: the OS log saw a head the journal no longer reaches.
  const folder = join(home, "journal");
  const file = join(folder, readdirSync(folder).find((name) => name.endsWith(".jsonl")) ?? fail("no journal file"));
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  writeFileSync(
    file,
    lines
      .slice(0, -1)
      .map((line) => `${line}\n`)
      .join(""),
  );
  const cut = verify(home);
  check(
    cut.status === 1 && cut.report.value?.osLog?.lastHeadReached === false,
    "with its last line cut off, the journal fails against the OS log",
  );
  process.stdout.write("\nos-log check (the checkout's command line) passed\n");
}

if (require.main === module) main();
