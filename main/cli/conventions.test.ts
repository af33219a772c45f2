/**
 * The conventions of a command line: help however asked, the version, "did you mean" for a
 * misspelt command or flag, --json whose "ok" agrees with the exit code, config show --json with
 * everything the text shows, progress on standard error for a long wait, and the unexpected as one
 * line and a file, never a stack trace.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { withProgress } from "./cli-common";
import { EXIT, runCli } from "./cli";
import { didYouMean } from "./did-you-mean";
import { reportUnexpected } from "./unexpected";

async function run(...args: string[]) {
  const io = cliIo();
  const code = await runCli(["refund-desk", ...args], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir: tempDataDir("cli-conventions"),
  });
  return { code, out: io.out(), err: io.err() };
}

test("help however it is asked, exit 0; the version from package.json", async () => {
  for (const asked of [[], ["help"], ["--help"], ["-h"]]) {
    const shown = await run(...asked);
    assert.equal(shown.code, EXIT.ok, asked.join(" "));
    assert.match(shown.out, /^Usage: refund-desk <command>/);
  }
  const version = (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string })
    .version;
  for (const asked of ["--version", "version"]) assert.equal((await run(asked)).out, `refund-desk ${version}\n`);
});

test("a misspelt command or flag gets the one it most likely meant; nonsense gets none", async () => {
  const command = await run("doctr");
  assert.equal(command.code, EXIT.usage);
  assert.match(command.err, /unknown command "doctr" \(did you mean "doctor"\?\)/);
  assert.doesNotMatch((await run("frobnicate")).err, /did you mean/);
  const flag = await run("journal", "verify", "--agaisnt-os-log");
  assert.match(flag.err, /unknown option --agaisnt-os-log \(did you mean --against-os-log\?\)/);
  assert.equal(didYouMean("PROVISON", ["provision", "pending"]), "provision");
  assert.equal(didYouMean("xyz", ["provision"]), null);
});

test("doctor --json: ok is false when a check failed, as the exit code says", async () => {
  const dataDir = tempDataDir("cli-conventions-doctor");
  const io = cliIo();
  const deps = { fetch, keyStore: memoryKeyStore(), dataDir };
  await runCli(["refund-desk", "config", "set", "environment", "uat"], cliIo(), deps);
  const code = await runCli(["refund-desk", "doctor", "--json"], io, deps);
  assert.equal(code, EXIT.failed);
  const answer = JSON.parse(io.out());
  assert.equal(answer.ok, false);
  assert.equal(answer.value.ok, false);
});

test("config show --json carries the counter, kiosk, lock, PIN and policy source the text shows", async () => {
  const shown = JSON.parse((await run("config", "show", "--json")).out);
  assert.deepEqual(shown.value.desk, {
    source: "none",
    counterName: null,
    kioskMode: false,
    settingsLocked: false,
    adminPinSet: false,
    problem: null,
    notices: [],
  });
  assert.deepEqual(shown.value.hidden, []);
});

test("a wait past the interval is said on standard error, each interval, and stops when the work ends", async (t) => {
  t.mock.timers.enable({ apis: ["setInterval"] });
  const io = cliIo();
  let finish: (value: string) => void = () => undefined;
  const waiting = withProgress(new Promise<string>((resolve) => (finish = resolve)), io);
  t.mock.timers.tick(1_999);
  assert.equal(io.err(), "", "nothing before the first interval");
  t.mock.timers.tick(1);
  t.mock.timers.tick(2_000);
  finish("done");
  assert.equal(await waiting, "done");
  assert.deepEqual(io.err().split("\n").filter(Boolean), [
    "refund-desk: still waiting for Eko (2 s)…",
    "refund-desk: still waiting for Eko (4 s)…",
  ]);
  t.mock.timers.tick(10_000);
  assert.equal(io.err().split("\n").filter(Boolean).length, 2, "nothing after the end");
  assert.equal(io.out(), "");
});

test("the unexpected: one line naming where the details went (readable by this account only), exit 70", () => {
  const stderr = new PassThrough();
  let said = "";
  stderr.on("data", (chunk: Buffer) => (said += chunk.toString("utf8")));
  const folder = join(tempDataDir("cli-unexpected"), "errors");
  const error = new TypeError("boom");
  const code = reportUnexpected(error, stderr, folder, () => new Date("2026-12-07T06:00:00.000Z"));
  assert.equal(code, EXIT.internal);
  const file = join(folder, "2026-12-07T06-00-00-000Z.txt");
  assert.equal(said, `refund-desk: unexpected failure (TypeError); the details are in ${file}\n`);
  assert.match(readFileSync(file, "utf8"), /TypeError: boom\n\s+at /);
  if (process.platform !== "win32") assert.equal(statSync(file).mode & 0o777, 0o600);
});
