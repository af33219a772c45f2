import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { ToolCall } from "../../policy/sources/run-tool";

/** Why the OS log could not be read to its end: the file or the tool, and what it said. */
export class OsLogUnreadable extends Error {
  readonly kind = "os-log-unreadable";
}

/**
 * The lines of an OS log as they come, from a file (a SIEM export, a syslog file) or from the OS's
 * reader tool (platform-os-log.ts), never held whole: years of a busy PC's log are hundreds of MB.
 * Ends by throwing OsLogUnreadable when the file cannot be read or the tool fails.
 */
export async function* osLogLines(source: { file: string } | { call: ToolCall }): AsyncGenerator<string> {
  if ("file" in source) {
    const stream = createReadStream(source.file, { encoding: "utf8" });
    try {
      yield* createInterface({ input: stream, crlfDelay: Infinity });
    } catch (error) {
      throw new OsLogUnreadable(error instanceof Error ? error.message : String(error));
    } finally {
      stream.destroy();
    }
    return;
  }
  const { call } = source;
  const tool = spawn(call.file, [...call.args], {
    cwd: call.cwd,
    env: { ...call.env },
    stdio: ["ignore", "pipe", "pipe"],
    windowsHide: true,
  });
  // What it said first is why; the rest is dropped, however much it says.
  let said = "";
  tool.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (said.length < 1000) said += chunk.slice(0, 1000 - said.length);
  });
  const ended = new Promise<{ code: number | null; signal: string | null; error: Error | null }>((resolve) => {
    tool.once("error", (error) => resolve({ code: null, signal: null, error }));
    tool.once("close", (code, signal) => resolve({ code, signal, error: null }));
  });
  let readToEnd = false;
  try {
    yield* createInterface({ input: tool.stdout.setEncoding("utf8"), crlfDelay: Infinity });
    readToEnd = true;
  } catch (error) {
    throw new OsLogUnreadable(`${call.file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // A reader that stops early leaves no tool behind.
    if (!readToEnd) tool.kill();
  }
  const { code, signal, error } = await ended;
  if (error || code !== 0) {
    const why = said.trim().split("\n")[0] || error?.message || (signal ? `stopped by ${signal}` : `exit ${code}`);
    throw new OsLogUnreadable(`${call.file}: ${why}`);
  }
}
