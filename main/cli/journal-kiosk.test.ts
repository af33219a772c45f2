/**
 * `journal export` on a kiosk counter: the admin PIN on standard input, through the same gate and
 * wrong-PIN waits as the window's History export; elsewhere standard input is never read.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { PIN_ATTEMPTS_FILE } from "../admin/pin-gate";
import { hashPin } from "../admin/pin-hash";
import { createJournal } from "../journal/journal";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { EXIT, runCli } from "./cli";

const PIN = TEST_SECRETS.adminPins.cliKiosk;
const WRONG = TEST_SECRETS.adminPins.cliKioskWrong;
/** The lowest cost the hash parser accepts: these tests are about the gate, not the hash. */
/** A machine policy takes no hash cheaper than the app's own: made once for these tests. */
let hashed: Promise<string> | null = null;
const kioskHash = () => (hashed ??= hashPin(PIN));
const RANGE = ["--from", "2026-03-05", "--to", "2026-03-05"];

/** A counter whose machine policy is a kiosk's (or not), with one journal line on 2026-03-05. */
async function counter(kioskMode: boolean) {
  const dataDir = tempDataDir("journal-kiosk");
  createJournal(dataDir, "Kiosk 7").append({
    at: "2026-03-05T06:00:00.000Z",
    tid: "100",
    environment: "uat",
    outcome: "otp-sent",
  });
  const policyPath = join(tempDataDir("journal-kiosk-policy"), "policy.json");
  writeFileSync(
    policyPath,
    JSON.stringify({
      environment: "practice",
      counterName: "Kiosk 7",
      kioskMode,
      settingsLocked: false,
      ...(kioskMode ? { adminPinHash: await kioskHash() } : {}),
    }),
  );
  // Only administrators may write a machine policy; a group- or world-writable one is ignored.
  chmodSync(policyPath, 0o644);
  const run = async (args: string[], stdin: string | NodeJS.ReadableStream = "") => {
    const io = cliIo(typeof stdin === "string" ? stdin : "");
    if (typeof stdin !== "string") io.stdin = stdin;
    const deps = { fetch, keyStore: memoryKeyStore(), dataDir, machinePolicyPath: policyPath };
    const code = await runCli(["refund-desk", "journal", "export", ...RANGE, ...args], io, deps);
    return { code, out: io.out(), err: io.err() };
  };
  return { run, dataDir };
}

test("a kiosk's export without the PIN is refused with exit 77, and nothing is written or printed", async () => {
  const { run, dataDir } = await counter(true);
  const out = join(tempDataDir("journal-kiosk-out"), "journal.csv");
  const refused = await run(["--out", out]);
  assert.equal(refused.code, EXIT.adminPin);
  assert.equal(refused.code, 77);
  assert.equal(refused.out, "");
  assert.match(refused.err, /kiosk counter: exporting the journal needs the admin PIN on standard input/);
  assert.equal(existsSync(out), false);
  const json = await run(["--out", out, "--json"]);
  assert.equal(json.code, EXIT.adminPin);
  assert.deepEqual(
    (({ kind, field, reason }) => ({ kind, field, reason }))(JSON.parse(json.out).error as Record<string, unknown>),
    { kind: "invalid-input", field: "pin", reason: "required" },
  );
  // No PIN was looked at, so none counts as wrong.
  assert.equal(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)), false);
});

test("a kiosk's export with the admin PIN on standard input goes through, to a file or standard output", async () => {
  const { run } = await counter(true);
  const out = join(tempDataDir("journal-kiosk-out"), "journal.csv");
  const toFile = await run(["--out", out], `${PIN}\n`);
  assert.equal(toFile.code, EXIT.ok, toFile.err);
  assert.match(readFileSync(out, "utf8"), /^time,counter,.*\r\n.*,Kiosk 7,uat,100,otp-sent,/s);
  const toStdout = await run([], PIN);
  assert.equal(toStdout.code, EXIT.ok, toStdout.err);
  assert.match(toStdout.out, /,Kiosk 7,uat,100,otp-sent,/);
  assert.ok(!toStdout.out.includes(PIN) && !toStdout.err.includes(PIN));
});

test("wrong PINs count and start the same waits as the window's: after the wait starts, even the right PIN is not looked at", async () => {
  const { run, dataDir } = await counter(true);
  for (const left of [2, 1]) {
    const wrong = await run(["--json", "--out", join(dataDir, "x.csv")], WRONG);
    assert.equal(wrong.code, EXIT.adminPin);
    assert.deepEqual(JSON.parse(wrong.out).error.kind, "wrong-pin");
    assert.equal(JSON.parse(wrong.out).error.triesBeforeWait, left);
  }
  const third = await run([], WRONG);
  assert.equal(third.code, EXIT.adminPin);
  assert.match(third.err, /The admin PIN is wrong/);
  assert.ok(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)), "the waits are the data folder's, shared with the window");
  const waiting = await run([], PIN);
  assert.equal(waiting.code, EXIT.adminPin);
  assert.match(waiting.err, /Too many wrong PINs.*\(pin-wait\)/);
  assert.equal(waiting.out, "");
});

test("outside a kiosk the export needs no PIN and never reads standard input", async () => {
  const { run } = await counter(false);
  let read = false;
  const stdin = new Readable({
    read() {
      read = true;
      this.push(null);
    },
  });
  const result = await run([], stdin);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.match(result.out, /,Kiosk 7,uat,100,otp-sent,/);
  assert.equal(read, false);
});
