import { test } from "node:test";
import assert from "node:assert/strict";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal } from "./journal";
import { lastRefundAt } from "./last-refund";

const NOW = Date.parse("2026-03-05T12:00:00Z");

test("the newest refund made in the environment in force, months back if need be; none after a year", async () => {
  const journal = createJournal(tempDataDir("last-refund"));
  const line = (at: string, outcome: string, environment: "production" | "practice" = "production") =>
    journal.append({ at, tid: "13192443", environment, outcome });
  assert.equal(await lastRefundAt(journal, "production", NOW), null);

  line("2025-03-01T09:00:00.000Z", "refund:refunded");
  assert.equal(await lastRefundAt(journal, "production", NOW), null, "older than a year");
  line("2025-03-10T09:00:00.000Z", "refund:refunded");
  assert.equal(await lastRefundAt(journal, "production", NOW), "2025-03-10T09:00:00.000Z", "within the year");
  line("2026-01-20T09:00:00.000Z", "refund:refunded");
  line("2026-01-21T09:00:00.000Z", "refund-check:tx_status=4");
  assert.equal(
    await lastRefundAt(journal, "production", NOW),
    "2026-01-21T09:00:00.000Z",
    "a refund found by the check",
  );
  // This month: lines that are not a refund made, and a refund in another environment, do not count.
  line("2026-03-04T09:00:00.000Z", "refund:wrong-otp");
  line("2026-03-04T10:00:00.000Z", "otp-sent");
  line("2026-03-04T11:00:00.000Z", "refund:refunded", "practice");
  assert.equal(await lastRefundAt(journal, "production", NOW), "2026-01-21T09:00:00.000Z");
  assert.equal(await lastRefundAt(journal, "practice", NOW), "2026-03-04T11:00:00.000Z");
  // The newest, not the last written: a corrected clock can write lines a little out of order.
  line("2026-03-05T08:00:00.000Z", "refund:refunded");
  line("2026-03-03T08:00:00.000Z", "refund:refunded");
  assert.equal(await lastRefundAt(journal, "production", NOW), "2026-03-05T08:00:00.000Z");
  // Eko's clock may already be in the next month.
  line("2026-04-01T00:10:00.000Z", "refund:refunded");
  assert.equal(
    await lastRefundAt(journal, "production", Date.parse("2026-03-31T23:00:00Z")),
    "2026-04-01T00:10:00.000Z",
  );
  journal.close();
});
