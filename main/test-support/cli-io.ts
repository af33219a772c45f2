import { PassThrough, Readable } from "node:stream";
import type { CliIo } from "../cli/cli";

/** Standard streams for runCli in tests: stdin from a string, stdout and stderr captured. */
export function cliIo(stdinText = ""): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const errs: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => errs.push(c));
  return {
    stdin: Readable.from([Buffer.from(stdinText)]),
    stdout,
    stderr,
    out: () => Buffer.concat(out).toString("utf8"),
    err: () => Buffer.concat(errs).toString("utf8"),
  };
}
