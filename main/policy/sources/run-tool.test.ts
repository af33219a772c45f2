/**
 * The OS tool runner, with Node itself as the tool: what it printed and how it ended, a tool that
 * cannot be started, and output past the limit (refused as a failure, never half-read).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { runTool, toolRunner, type ExecFile } from "./run-tool";

const node = (script: string) => runTool(process.execPath, ["-e", script]);

test("a tool's output as text and its exit code; a tool that cannot be started ends as -1", async () => {
  assert.deepEqual(await node('process.stdout.write("पुणे\\r\\n"); process.stderr.write("warn")'), {
    code: 0,
    stdout: "पुणे\r\n",
    stderr: "warn",
  });
  assert.deepEqual(await node('process.stdout.write("partial"); process.exit(3)'), {
    code: 3,
    stdout: "partial",
    stderr: "",
  });
  const missing = await runTool(join(tempDataDir("run-tool"), "no-such-tool"), []);
  assert.equal(missing.code, -1);
});

test("output up to 1 MiB is read whole; more fails rather than being cut short", async () => {
  const full = await node('process.stdout.write("x".repeat(1024 * 1024))');
  assert.equal(full.code, 0);
  assert.equal(full.stdout.length, 1024 * 1024);
  const over = await node('process.stdout.write("x".repeat(1024 * 1024 + 1))');
  assert.equal(over.code, -1);
});

test("a tool that hangs is stopped and counts as failed, so a hung tool cannot keep the counter from starting", async () => {
  const started = Date.now();
  const hung = await toolRunner(300)(process.execPath, [
    "-e",
    'process.stdout.write("started"); setTimeout(() => {}, 3000)',
  ]);
  assert.equal(hung.code, -1);
  assert.ok(Date.now() - started < 2500, "stopped, not waited for");
});

test("Windows: no console window flashes up, arguments go verbatim only when asked (cmd.exe's quoting), text in UTF-8", async () => {
  const seen: unknown[] = [];
  const exec: ExecFile = (file, args, options, done) => {
    seen.push({ file, args, options });
    done(null, "out", "");
  };
  const run = toolRunner(15_000, exec);
  assert.deepEqual(await run("C:\\Windows\\System32\\cmd.exe", ["/c", "x"], { verbatim: true }), {
    code: 0,
    stdout: "out",
    stderr: "",
  });
  await run("C:\\Windows\\System32\\whoami.exe", ["/groups"]);
  const options = { timeout: 15_000, maxBuffer: 1024 * 1024, windowsHide: true, encoding: "utf8" };
  assert.deepEqual(seen, [
    {
      file: "C:\\Windows\\System32\\cmd.exe",
      args: ["/c", "x"],
      options: { ...options, windowsVerbatimArguments: true },
    },
    {
      file: "C:\\Windows\\System32\\whoami.exe",
      args: ["/groups"],
      options: { ...options, windowsVerbatimArguments: false },
    },
  ]);
});
