/** The journal's upkeep that keeps failing shows in the folder: closed months still plain, months past retention still kept. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../cli/cli";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { JOURNAL_FOLDER } from "./journal";
import { upkeepBehind } from "./upkeep-behind";

function folderWith(...names: string[]): string {
  const folder = tempDataDir("upkeep-behind");
  for (const name of names) writeFileSync(join(folder, name), "");
  return folder;
}

test("a kept-up journal, and one a month turned on since its last upkeep, are not behind", () => {
  const now = new Date("2026-12-07T05:00:00Z");
  assert.equal(
    upkeepBehind(folderWith("2026-09.jsonl.gz", "2026-10.jsonl", "2026-11.jsonl", "2026-12.jsonl"), now, null),
    null,
  );
  assert.equal(upkeepBehind(folderWith(), now, null), null);
  // Kept 3 months on December 7th: from October, September may still be there until the next upkeep.
  assert.equal(upkeepBehind(folderWith("2026-09.jsonl.gz", "2026-10.jsonl", "2026-11.jsonl"), now, 3), null);
});

test("a closed month still plain a month on, and a month kept past the retention a month on, are behind", () => {
  const now = new Date("2026-12-07T05:00:00Z");
  const folder = folderWith("2026-07.jsonl.gz", "2026-08.jsonl", "2026-09.jsonl", "2026-10.jsonl", "2026-12.jsonl");
  assert.deepEqual(upkeepBehind(folder, now, null), { uncompressed: ["2026-08", "2026-09"], pastRetention: [] });
  assert.deepEqual(upkeepBehind(folder, now, 3), {
    uncompressed: ["2026-08", "2026-09"],
    pastRetention: ["2026-07", "2026-08"],
  });
});

test("doctor, in any process, warns of it with the months, and the fleet's record lists it as warned", async () => {
  const dataDir = tempDataDir("upkeep-behind-doctor");
  const folder = join(dataDir, JOURNAL_FOLDER);
  mkdirSync(folder);
  writeFileSync(join(folder, "2024-03.jsonl"), "");
  const deps = { fetch, keyStore: memoryKeyStore(), dataDir };
  const json = cliIo();
  await runCli(["refund-desk", "doctor", "--json"], json, deps);
  const answer = JSON.parse(json.out());
  assert.deepEqual(
    answer.value.checks.find((check: { id: string }) => check.id === "journal-upkeep"),
    { id: "journal-upkeep", status: "warn", detail: "not compressed: 2024-03" },
  );
  assert.ok(answer.value.fleet.warned.includes("journal-upkeep"));
  const text = cliIo();
  await runCli(["refund-desk", "doctor"], text, deps);
  assert.match(
    text.out(),
    /warn {4}journal-upkeep: The journal's daily upkeep has not finished for a month[^\n]*: not compressed: 2024-03\n/,
  );

  const kept = tempDataDir("upkeep-kept-doctor");
  const shown = cliIo();
  await runCli(["refund-desk", "doctor", "--json"], shown, { ...deps, dataDir: kept });
  assert.ok(!shown.out().includes("journal-upkeep"), "shown only when behind");
});
