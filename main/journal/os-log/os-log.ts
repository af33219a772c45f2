import { spawn as nodeSpawn, type ChildProcess } from "node:child_process";
import type { ToolCall } from "../../policy/sources/run-tool";
import { witnessMessage, type WitnessRecord } from "./witness-record";

/**
 * The journal's witness in the OS log: each line is handed to one long-lived tool reading its
 * standard input (the app's own writer on macOS, logger, or PowerShell's Write-EventLog:
 * platform-os-log.ts), so a line costs a pipe write, never a process. Writing never slows or fails
 * a refund: a tool that cannot start or dies is reported by `problem()` (doctor shows it) and
 * started again for a later line, at most once a minute.
 */
export interface OsLog {
  witness(record: WitnessRecord): void;
  /** Why the OS log is not being written, or null. */
  problem(): string | null;
  /**
   * Ends the tool's input and waits (CLOSE_WAIT_MS at most) for it to write what it was given and
   * exit: on Windows a process's children die with it, so a command line that ended first would
   * take its lines with it.
   */
  close(): Promise<void>;
}

type Spawn = (
  file: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
) => ChildProcess;

const RESTART_AFTER_MS = 60_000;
const CLOSE_WAIT_MS = 10_000;

/** `account`: whose journal it is (witness-account.ts), stamped on every line. */
export function createOsLog(
  call: ToolCall,
  account: string,
  spawn: Spawn = (file, args, options) => nodeSpawn(file, [...args], { ...options, stdio: ["pipe", "ignore", "pipe"] }),
  now: () => number = Date.now,
): OsLog {
  let child: ChildProcess | null = null;
  let trouble: string | null = null;
  let failedAt: number | null = null;

  function fail(why: string): void {
    trouble = why;
    failedAt = now();
    child = null;
  }

  function start(): ChildProcess | null {
    if (child) return child;
    if (failedAt !== null && now() - failedAt < RESTART_AFTER_MS) return null;
    let started: ChildProcess;
    try {
      started = spawn(call.file, call.args, { cwd: call.cwd, env: { ...call.env } });
    } catch (error) {
      fail(`cannot start ${call.file}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    let said = "";
    started.stderr?.on("data", (chunk: Buffer) => {
      said = `${said}${chunk.toString("utf8")}`.slice(-300);
    });
    started.on("error", (error) => fail(`cannot start ${call.file}: ${error.message}`));
    started.on("exit", (code) => {
      if (child === started)
        fail(`${call.file} stopped (exit ${code ?? "signal"}): ${said.trim().split("\n")[0] ?? ""}`);
    });
    // A pipe whose reader died reports here, not as a throw from write().
    started.stdin?.on("error", () => undefined);
    // The witness never keeps a command-line run (or the app) from ending.
    started.unref();
    (started.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null)?.unref?.();
    child = started;
    return started;
  }

  return {
    witness(record) {
      const tool = start();
      if (!tool?.stdin?.writable) return;
      // One message per line: the record is JSON, which has no raw line breaks.
      tool.stdin.write(`${witnessMessage({ ...record, account })}\n`);
    },
    problem: () => trouble,
    close() {
      const tool = child;
      child = null;
      if (!tool) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(bound);
          resolve();
        };
        const bound = setTimeout(done, CLOSE_WAIT_MS);
        tool.once("exit", done);
        // Unreferenced so it never kept a run alive; now the run waits for it.
        tool.ref();
        tool.stdin?.end();
      });
    },
  };
}
