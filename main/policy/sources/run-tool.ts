import { execFile, type ExecFileException, type ExecFileOptionsWithStringEncoding } from "node:child_process";

/** What an OS tool printed and how it ended; tests pass recorded outputs instead of running it. */
export interface ToolOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export type RunTool = (file: string, args: string[], options?: { verbatim?: boolean }) => Promise<ToolOutput>;

/** Generous for any policy; a tool that hangs must not keep the counter from starting. */
const TOOL_TIMEOUT_MS = 15_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

/** Node's execFile as the runner calls it; tests pass their own to see the options Windows needs. */
export type ExecFile = (
  file: string,
  args: string[],
  options: ExecFileOptionsWithStringEncoding,
  done: (error: ExecFileException | null, stdout: string, stderr: string) => void,
) => unknown;

/** A runner that stops a tool after `timeoutMs` (tests shorten the wait). */
export function toolRunner(timeoutMs = TOOL_TIMEOUT_MS, exec: ExecFile = execFile): RunTool {
  return (file, args, options = {}) =>
    new Promise((resolve) => {
      exec(
        file,
        args,
        {
          timeout: timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
          windowsHide: true,
          windowsVerbatimArguments: options.verbatim ?? false,
          encoding: "utf8",
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
}

/** Runs an OS tool by its absolute path (never through PATH, which the OS account controls). */
export const runTool: RunTool = toolRunner();
