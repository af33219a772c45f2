/**
 * What the OS-log witness costs a journal line: the same lines appended with and without it, the
 * witness going through the OS's own logger to a syslog socket opened here (a pipe write per line;
 * the logger process runs beside the app).
 */
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createJournal } from "../main/journal/journal";
import { createOsLog } from "../main/journal/os-log/os-log";
import { osLogWriter } from "../main/journal/os-log/platform-os-log";
import { tempDataDir } from "../main/test-support/temp-dir";
import { percentile, round } from "./stats";

const spread = (us: number[]) => ({ p50: round(percentile(us, 50), 1), p99: round(percentile(us, 99), 1) });

function appendTimes(dataDir: string, lines: number, witness?: Parameters<typeof createJournal>[3]): number[] {
  const journal = createJournal(dataDir, "Bench counter", {}, witness);
  const times: number[] = [];
  for (let i = 0; i < lines; i += 1) {
    const started = process.hrtime.bigint();
    journal.append({
      at: new Date().toISOString(),
      tid: String(13_000_000 + i),
      environment: "practice",
      outcome: "otp:sent",
    });
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  journal.close();
  return times;
}

export async function measureJournalWitness(options: { lines: number }) {
  const socket = join(tempDataDir("bench-syslog"), "syslog.sock");
  let received = 0;
  const server = createServer((connection) =>
    connection.on("data", (chunk: Buffer) => (received += chunk.toString("utf8").split("\n").length - 1)),
  );
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  const call = osLogWriter(process.platform, { socket });
  const without = spread(appendTimes(tempDataDir("bench-journal"), options.lines));
  const osLog = call ? createOsLog(call, "bench@counter") : null;
  const withWitness = spread(
    appendTimes(tempDataDir("bench-journal-witness"), options.lines, osLog ? (line) => osLog.witness(line) : undefined),
  );
  for (let i = 0; i < 300 && received < options.lines; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await osLog?.close();
  server.close();
  rmSync(socket, { force: true });
  return {
    lines: options.lines,
    appendUs: { without, withWitness },
    addedP50Us: round(withWitness.p50 - without.p50, 1),
    witnessedLines: received,
  };
}
