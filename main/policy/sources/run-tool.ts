import { execFile, type ExecFileException, type ExecFileOptionsWithStringEncoding } from "node:child_process";

/** What an OS tool printed and how it ended; tests pass recorded outputs instead of running it. */
export interface ToolOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One run of an OS tool, whole: its absolute path, its arguments, the folder it runs in and its
 * entire environment. Nothing is inherited from this process: the account at the counter sets
 * this process's PATH, working folder and variables, and a tool that read them would answer in
 * the account's name (a chcp.bat in the working folder, a module in the user's Documents).
 */
export interface ToolCall {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
}

export type RunTool = (call: ToolCall) => Promise<ToolOutput>;

/** Generous for any policy; a tool that hangs must not keep the counter from starting. */
const TOOL_TIMEOUT_MS = 15_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

/** Node's execFile as the runner calls it; tests pass their own to see exactly what a tool gets. */
export type ExecFile = (
  file: string,
  args: string[],
  options: ExecFileOptionsWithStringEncoding,
  done: (error: ExecFileException | null, stdout: string, stderr: string) => void,
) => unknown;

/** A runner that stops a tool after `timeoutMs` (tests shorten the wait). */
export function toolRunner(timeoutMs = TOOL_TIMEOUT_MS, exec: ExecFile = execFile): RunTool {
  return (call) =>
    new Promise((resolve) => {
      exec(
        call.file,
        [...call.args],
        {
          cwd: call.cwd,
          // A copy: the child gets these variables and no others of this process.
          env: { ...call.env },
          timeout: timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
          windowsHide: true,
          encoding: "utf8",
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
}

/** Runs an OS tool as its call says (never through PATH, which the OS account controls). */
export const runTool: RunTool = toolRunner();
