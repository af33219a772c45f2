/**
 * The OS tool runner, with Node itself as the tool: what it printed and how it ended, a tool that
 * cannot be started, output past the limit (refused as a failure, never half-read), and exactly
 * the folder and environment a call names, nothing of this process's own.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import { runTool, toolRunner, type ExecFile, type ToolCall } from "./run-tool";

const call = (file: string, args: string[], cwd = "/", env: Record<string, string> = {}): ToolCall => ({
  file,
  args,
  cwd,
  env,
});
const node = (script: string) => runTool(call(process.execPath, ["-e", script]));

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
  const missing = await runTool(call(join(tempDataDir("run-tool"), "no-such-tool"), []));
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
  const hung = await toolRunner(300)(
    call(process.execPath, ["-e", 'process.stdout.write("started"); setTimeout(() => {}, 3000)']),
  );
  assert.equal(hung.code, -1);
  assert.ok(Date.now() - started < 2500, "stopped, not waited for");
});

test("a tool runs in the call's folder with the call's variables only: nothing of this process's environment", async () => {
  const folder = tempDataDir("run-tool");
  process.env.REFUND_DESK_RUN_TOOL_PROBE = "the account's";
  try {
    const out = await runTool(
      call(
        process.execPath,
        ["-e", "process.stdout.write(JSON.stringify({ cwd: process.cwd(), env: process.env }))"],
        folder,
        { PATH: "/usr/bin:/bin", ONLY: "this" },
      ),
    );
    const seen = JSON.parse(out.stdout) as { cwd: string; env: Record<string, string> };
    assert.equal(seen.cwd, folder);
    assert.equal(seen.env.ONLY, "this");
    assert.equal(seen.env.REFUND_DESK_RUN_TOOL_PROBE, undefined);
    assert.equal(seen.env.HOME, undefined);
    assert.equal(seen.env.PATH, "/usr/bin:/bin");
  } finally {
    delete process.env.REFUND_DESK_RUN_TOOL_PROBE;
  }
});

test("execFile gets the call's file, arguments, folder and a copy of its environment; no console window, text in UTF-8", async () => {
  const seen: unknown[] = [];
  const exec: ExecFile = (file, args, options, done) => {
    seen.push({ file, args, options });
    done(null, "out", "");
  };
  const env = { SystemRoot: "C:\\Windows", PATH: "C:\\Windows\\System32" };
  const whoami = call("C:\\Windows\\System32\\whoami.exe", ["/user", "/groups"], "C:\\Windows\\System32", env);
  assert.deepEqual(await toolRunner(15_000, exec)(whoami), { code: 0, stdout: "out", stderr: "" });
  assert.deepEqual(seen, [
    {
      file: "C:\\Windows\\System32\\whoami.exe",
      args: ["/user", "/groups"],
      options: {
        cwd: "C:\\Windows\\System32",
        env,
        timeout: 15_000,
        maxBuffer: 1024 * 1024,
        windowsHide: true,
        encoding: "utf8",
      },
    },
  ]);
  const options = (seen[0] as { options: { env: object } }).options;
  assert.notEqual(options.env, env, "a copy: the runner never hands out the call's own object");
});
