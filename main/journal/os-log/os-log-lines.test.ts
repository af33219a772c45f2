/** The OS log read a line at a time, from a file or its reader tool; one that cannot be read says why. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { osLogLines, OsLogUnreadable } from "./os-log-lines";

async function all(lines: AsyncIterable<string>): Promise<string[]> {
  const read: string[] = [];
  for await (const line of lines) read.push(line);
  return read;
}

const shell = (script: string) => ({ call: { file: "/bin/sh", args: ["-c", script], cwd: "/", env: {} } });

test("a file's lines, CRLF or LF, in order", async () => {
  const file = join(tempDataDir("os-log-lines"), "export.txt");
  writeFileSync(file, "one\r\ntwo\nthree");
  assert.deepEqual(await all(osLogLines({ file })), ["one", "two", "three"]);
});

test("a file that cannot be read ends the lines with the reason", async () => {
  await assert.rejects(all(osLogLines({ file: join(tempDataDir("os-log-lines"), "none.txt") })), (error) => {
    assert.ok(error instanceof OsLogUnreadable);
    assert.equal(error.kind, "os-log-unreadable");
    assert.match(error.message, /ENOENT/);
    return true;
  });
});

test("the reader tool's lines as it prints them; its failure, with what it said, after them", async () => {
  assert.deepEqual(await all(osLogLines(shell("printf 'a\\nb\\n'"))), ["a", "b"]);
  const read: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const line of osLogLines(shell("echo a; echo 'no journal files' >&2; exit 3"))) read.push(line);
    })(),
    /\/bin\/sh: no journal files/,
  );
  assert.deepEqual(read, ["a"]);
  await assert.rejects(all(osLogLines({ call: { file: "/no/such/tool", args: [], cwd: "/", env: {} } })), /ENOENT/);
  await assert.rejects(
    all(osLogLines(shell("echo 'first: no permission' >&2; head -c 200000 /dev/zero | tr '\\0' x >&2; exit 1"))),
    /\/bin\/sh: first: no permission$/,
  );
  await assert.rejects(all(osLogLines(shell("kill -TERM $$"))), /\/bin\/sh: stopped by SIGTERM/);
});

test("a reader that stops early leaves no tool running", async () => {
  const pidFile = join(tempDataDir("os-log-lines"), "pid");
  for await (const line of osLogLines(shell(`echo $$ > ${pidFile}; echo first; exec sleep 30`))) {
    assert.equal(line, "first");
    break;
  }
  const { readFileSync } = await import("node:fs");
  const pid = Number(readFileSync(pidFile, "utf8"));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.throws(() => process.kill(pid, 0), /ESRCH/);
});
