/**
 * Years of a busy counter's journal (300 lines a day, six days a week), written by the app's own
 * writer and kept in the system's temporary folder between runs (keyed by the writer's source, so
 * a changed writer, or changed lines, write it afresh). Measured on it: `journal verify`, `journal
 * verify --against-os-log` on the OS log of those years (a syslog file, with another account's
 * journal beside it) and a whole `journal export` as real CLI processes (their peak RSS from the
 * kernel's rusage), and an IPC call through the handler table while History exports a year in the
 * same process.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IPC_CHANNELS } from "../app/ipc";
import { saveIntoFolder } from "../main/history/export-folder";
import { createJournal, JOURNAL_FOLDER, type JournalRecord } from "../main/journal/journal";
import { chainLinks } from "../main/journal/journal-chain";
import { witnessMessage } from "../main/journal/os-log/witness-record";
import { createRefundDesk } from "../main/refund-desk";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { APP_PAGE, TEST_ORIGIN } from "../main/test-support/desk";
import { percentile, round } from "./stats";

const ROOT = join(__dirname, "..");
const LINES_A_DAY = 300;
const FIRST_DAY = Date.UTC(2023, 0, 2); // a Monday
const DAY_MS = 86_400_000;

/** A counter's day: for each customer a check, the OTP, the refund. */
function dayLines(dayMs: number, serial: number): JournalRecord[] {
  const lines: JournalRecord[] = [];
  for (let i = 0; i < LINES_A_DAY; i += 1) {
    // 04:00 to 14:00 UTC: 09:30 to 19:30 in India.
    const at = new Date(dayMs + 4 * 3_600_000 + Math.floor((i * 10 * 3_600_000) / LINES_A_DAY)).toISOString();
    const customer = serial + Math.floor(i / 3);
    const tid = String(2_000_000_000 + customer);
    const amount = `${1000 + (customer % 9000)}.00`;
    const base = { at, tid, environment: "production" as const };
    if (i % 3 === 0)
      lines.push({ ...base, outcome: "inquiry:tx_status=3", ekoStatus: 0, responseTypeId: 1201, txAmount: amount });
    else if (i % 3 === 1)
      lines.push({
        ...base,
        outcome: "otp-sent",
        ekoStatus: 0,
        responseTypeId: 2133,
        otpRefTail: `r${customer % 100_000}`.padStart(6, "0"),
      });
    else
      lines.push({
        ...base,
        outcome: "refund:refunded",
        ekoStatus: 0,
        responseTypeId: 74,
        otpRefTail: `r${customer % 100_000}`.padStart(6, "0"),
        refundedAmount: amount,
        fee: "5.00",
        refundTid: String(3_000_000_000 + customer),
        txAmount: amount,
        txTime: new Date(dayMs - 3 * DAY_MS).toISOString(),
        accountLast4: "4321",
        agentCode: "20810200",
      });
  }
  return lines;
}

/** The journal folder of `years` years, made once per version of the writer. */
function journalOfYears(years: number): string {
  const writer = createHash("sha256");
  for (const file of ["journal.ts", "journal-chain.ts"])
    writer.update(readFileSync(join(ROOT, "main", "journal", file)));
  writer.update(dayLines.toString());
  const dataDir = join(tmpdir(), `refund-desk-bench-journal-${years}y-${writer.digest("hex").slice(0, 12)}`);
  const done = join(dataDir, "complete");
  if (existsSync(done)) return dataDir;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const journal = createJournal(dataDir, "Bench counter 3");
  let serial = 0;
  for (let week = 0; week < years * 52; week += 1)
    for (let weekday = 0; weekday < 6; weekday += 1) {
      for (const line of dayLines(FIRST_DAY + (week * 7 + weekday) * DAY_MS, serial)) journal.append(line);
      serial += LINES_A_DAY / 3;
    }
  journal.close();
  writeFileSync(done, "");
  return dataDir;
}

/**
 * The OS log those years left: a syslog line witnessing each journal line, and after every second
 * one a line of another account's journal on the same PC. The journal's own lines carry no account
 * (as older versions wrote them), so each is held against it whatever account the command runs as.
 */
async function osLogOfYears(dataDir: string): Promise<string> {
  const file = join(dataDir, "syslog.txt");
  const done = join(dataDir, "syslog-complete");
  if (existsSync(done)) return file;
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  let n = 0;
  for await (const link of chainLinks(join(dataDir, JOURNAL_FOLDER))) {
    const record = {
      at: "2025-06-02T05:00:00.000Z",
      kind: "refund",
      outcome: "refund:refunded",
      tid: String(2_000_000_000 + n),
      amount: "1234.00",
      counter: "Bench counter 3",
    };
    await write(`Jun  2 10:30:00 counter-3 refund-desk[4242]: ${witnessMessage({ ...record, head: link.digest })}\n`);
    n += 1;
    if (n % 2 === 0) {
      const other = {
        ...record,
        head: createHash("sha256").update(String(n)).digest("hex"),
        account: "ravi@counter-3",
      };
      await write(`Jun  2 10:30:00 counter-3 refund-desk[4343]: ${witnessMessage(other)}\n`);
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  writeFileSync(done, "");
  return file;
}

function folderBytes(folder: string): number {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/** A `refund-desk` command as a process of its own: its wall time and the kernel's peak RSS for it. */
function cli(dataDir: string, args: string[]): { ms: number; rssMiB: number } {
  const started = performance.now();
  // GNU time prints the peak resident set in KiB on standard error's last line.
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(ROOT, "bin", "refund-desk.cjs"), ...args],
    {
      env: { ...process.env, REFUND_DESK_HOME: dataDir },
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`refund-desk ${args.join(" ")} failed: ${run.stderr}`);
  const kib = Number(run.stderr.trim().split("\n").at(-1));
  return { ms: round(ms, 0), rssMiB: round(kib / 1024, 1) };
}

export async function measureJournalYears(options: { years: number }) {
  const dataDir = journalOfYears(options.years);
  const folder = join(dataDir, JOURNAL_FOLDER);
  const out = join(mkdtempSync(join(tmpdir(), "refund-desk-bench-export-")), "all.csv");
  const verify = cli(dataDir, ["journal", "verify", "--json"]);
  const osLog = await osLogOfYears(dataDir);
  const againstOsLog = cli(dataDir, ["journal", "verify", "--against-os-log", "--os-log-file", osLog, "--json"]);
  const exported = cli(dataDir, ["journal", "export", "--from", "2023-01-01", "--to", "2026-12-31", "--out", out]);
  const csvBytes = statSync(out).size;
  rmSync(out, { force: true });
  const history = await measureHistoryDuringExport(folder);
  return {
    journal: {
      threeYears: {
        lines: LINES_A_DAY * 6 * 52 * options.years,
        files: readdirSync(folder).length,
        bytes: folderBytes(folder),
        verifyRssMiB: verify.rssMiB,
        verifyMs: verify.ms,
        verifyAgainstOsLogRssMiB: againstOsLog.rssMiB,
        verifyAgainstOsLogMs: againstOsLog.ms,
        osLogBytes: statSync(osLog).size,
        exportRssMiB: exported.rssMiB,
        exportMs: exported.ms,
        exportCsvBytes: csvBytes,
      },
    },
    history,
  };
}

/**
 * getDesk through the handler table 5 ms after the last one answered, while History exports the
 * journal's last year, each call timed from when it was due: a thread held by the export shows as
 * calls answered late.
 */
async function measureHistoryDuringExport(journalFolder: string) {
  const dataDir = mkdtempSync(join(tmpdir(), "refund-desk-bench-history-"));
  symlinkSync(journalFolder, join(dataDir, JOURNAL_FOLDER));
  const exportsDir = mkdtempSync(join(tmpdir(), "refund-desk-bench-history-exports-"));
  const desk = createRefundDesk({
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: null,
    saveFile: saveIntoFolder(exportsDir, []),
  });
  const call = () => desk.dispatch(IPC_CHANNELS.getDesk, {}, APP_PAGE);
  for (let i = 0; i < 50; i += 1) await call();
  const late: number[] = [];
  let exporting = true;
  const started = performance.now();
  const exported = desk.services
    .exportHistory({ from: "2025-01-01", to: "2025-12-31" })
    .finally(() => (exporting = false));
  while (exporting) {
    // Each call due 5 ms after the last one answered: a slow machine's own pace does not add up.
    const due = performance.now() + 5;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answered = await call();
    if (!answered.ok) throw new Error("getDesk failed during the export");
    late.push(performance.now() - due);
  }
  const result = await exported;
  const exportMs = performance.now() - started;
  await desk.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(exportsDir, { recursive: true, force: true });
  if (!result.ok || result.value.rows === 0) throw new Error(`the year's export failed: ${JSON.stringify(result)}`);
  return {
    ipcDuringExportMs: {
      p50: round(percentile(late, 50), 1),
      p99: round(percentile(late, 99), 1),
      max: round(Math.max(...late), 1),
      calls: late.length,
    },
    yearExport: { rows: result.value.rows, ms: round(exportMs, 0) },
  };
}
