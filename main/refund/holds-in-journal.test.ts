/** The holds the journal shows: a lost refund answer with no definite answer after it. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { tempDataDir } from "../test-support/temp-dir";
import { holdsInJournal } from "./holds-in-journal";

const line = (tid: string, outcome: string) =>
  JSON.stringify({ at: "2026-12-07T05:00:00.000Z", tid, environment: "production", outcome, h: "0".repeat(64) });

test("lost answers hold their tid until the refund's own or a check's definite answer", () => {
  const folder = tempDataDir("holds-in-journal");
  writeFileSync(
    join(folder, "2026-11.jsonl.gz"),
    gzipSync([line("1", "refund:timeout"), line("2", "refund:offline"), line("3", "refund:server")].join("\n")),
  );
  writeFileSync(
    join(folder, "2026-12.jsonl"),
    [
      JSON.stringify({ journal: "month", previous: "0".repeat(64) }),
      line("2", "refund-check:offline"),
      line("3", "refund-check:tx_status=4"),
      line("4", "refund:bad-response"),
      line("4", "inquiry:tx_status=3"),
      line("5", "refund:wrong-otp"),
      line("6", "refund:timeout"),
      line("6", "refund:refunded"),
      "not json",
      line("7", "refund:timeout"),
      "",
    ].join("\n"),
  );
  assert.deepEqual(holdsInJournal(folder).sort(), ["1", "2", "7"]);
  assert.deepEqual(holdsInJournal(folder, 1), ["7"], "only the months looked back over");
  assert.deepEqual(holdsInJournal(join(folder, "none")), []);
});
