/**
 * macOS's writer of the journal's witness (build/macos/os-log-writer.c), built here with the system's
 * C compiler against a stand-in for <os/log.h> (main/test-support/os-log-double/) that prints each
 * message as subsystem|category|type|message: what the writer hands the unified log, line by line.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { OS_LOG_SUBSYSTEM } from "./platform-os-log";

const ROOT = join(__dirname, "..", "..", "..");
const SOURCE = join(ROOT, "build", "macos", "os-log-writer.c");
const DOUBLE = join(ROOT, "main", "test-support", "os-log-double");

const skip = spawnSync("cc", ["--version"]).error ? "no C compiler (cc) here to build the macOS writer" : false;
let writer = "";

before(() => {
  if (skip) return;
  writer = join(tempDataDir("os-log-writer"), "refund-desk-os-log");
  // C99 and POSIX's getline, nothing else of this system's: what the writer may use on macOS too.
  const built = spawnSync(
    "cc",
    ["-std=c99", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Wextra", "-Werror", "-I", DOUBLE, "-o", writer, SOURCE],
    { encoding: "utf8" },
  );
  assert.equal(built.status, 0, built.stderr);
});

/** The writer run on `input` to its end: exit code and the messages it wrote. */
function write(input: string): { code: number | null; messages: string[]; stderr: string } {
  const run = spawnSync(writer, [], { input, encoding: "utf8", timeout: 10_000 });
  return { code: run.status, messages: run.stdout.split("\n").filter(Boolean), stderr: run.stderr };
}

const message = (text: string) => `${OS_LOG_SUBSYSTEM}|journal|default|${text}`;

test(
  "each line once, a default message (kept on disk, unlike info) of the app's subsystem, category journal",
  { skip },
  () => {
    const lines = ['REFUND-DESK-JOURNAL {"tid":"13192443"}', 'REFUND-DESK-JOURNAL {"tid":"13192445"}'];
    const { code, messages } = write(`${lines.join("\n")}\n`);
    assert.equal(code, 0);
    assert.deepEqual(messages, lines.map(message));
  },
);

test(
  "line ends are taken off, CRLF too; empty lines write nothing; a last line without its end is written",
  { skip },
  () => {
    const { code, messages } = write("first\r\n\n\r\n\nsecond\n\nthird");
    assert.equal(code, 0);
    assert.deepEqual(messages, ["first", "second", "third"].map(message));
  },
);

test("a line is the message's argument, never its format: its % sequences are written as they are", { skip }, () => {
  const line = "REFUND-DESK-JOURNAL %s %n %{public}s %d %% %@";
  assert.deepEqual(write(`${line}\n`).messages, [message(line)]);
});

test("a long line arrives whole, in one message", { skip }, () => {
  const line = `REFUND-DESK-JOURNAL ${"x".repeat(4_000)}`;
  const { code, messages } = write(`${line}\n${line}\n`);
  assert.equal(code, 0);
  assert.deepEqual(messages, [message(line), message(line)]);
});

test("it exits 0 at the end of its input, having written nothing for none", { skip }, () => {
  assert.deepEqual(write(""), { code: 0, messages: [], stderr: "" });
});
