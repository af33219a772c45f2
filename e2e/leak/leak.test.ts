/**
 * Runs last in `npm test`: after every suite has stored, used and removed access keys, none of
 * them (nor their base64 form) may appear in any data folder, settings file, journal, log, IPC
 * transcript or the captured stdout/stderr of the whole run. The OS keyring's own files are
 * skipped: that is where the key belongs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { E2E_ACCESS_KEY } from "../fixtures/test-keys";
import { scanForLeaks } from "./leak-scan";

/** Keys that the suites store through the app's real paths (Settings screen, set-key, IPC). */
const STORED_KEYS = [E2E_ACCESS_KEY, "cli-process-4ccess-key-do-not-leak-19c2"];
const artifacts = process.env.REFUND_DESK_TEST_ARTIFACTS;
const keyring = (path: string) => path.includes(`${sep}keyrings`);

test("the scanner finds a planted key, plain and base64, and reports where", () => {
  const dir = mkdtempSync(join(tmpdir(), "leak-scan-"));
  mkdirSync(join(dir, "journal"));
  writeFileSync(join(dir, "journal", "2026-11.jsonl"), `{"note":"${Buffer.from("planted-key").toString("base64")}"}\n`);
  writeFileSync(join(dir, "log.txt"), "error: planted-key rejected\n");
  writeFileSync(join(dir, "clean.txt"), "nothing here\n");
  const { scanned, findings } = scanForLeaks(dir, ["planted-key"]);
  assert.equal(scanned.length, 3);
  assert.deepEqual(findings.map((f) => `${f.file}:${f.form}`).sort(), [`journal${sep}2026-11.jsonl:base64`, "log.txt:plain"]);
});

test("no access key used by the suite appears in any file, log, IPC reply or output of this run", { skip: artifacts ? false : "run by scripts/test.sh after the other suites" }, () => {
  const folder = artifacts as string;
  // The scan must have something to look at, or passing would prove nothing.
  const transcript = join(folder, "ipc-transcript.jsonl");
  assert.ok(existsSync(transcript), "the e2e run left no IPC transcript");
  assert.match(readFileSync(transcript, "utf8"), /set-access-key/, "the transcript holds no setAccessKey call: the key was never stored through the UI");
  assert.ok(existsSync(join(folder, "output.log")), "the run's stdout/stderr were not captured");

  const { scanned, findings } = scanForLeaks(folder, STORED_KEYS, keyring);
  assert.ok(scanned.some((f) => f.endsWith("settings.json")), "no settings file was scanned");
  assert.ok(scanned.some((f) => f.endsWith(".jsonl") && f.includes("journal")), "no journal was scanned");
  assert.deepEqual(findings, [], `leaked in: ${findings.map((f) => `${f.file} (${f.form})`).join(", ")}`);
});
