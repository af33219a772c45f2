/** Find by mobile with a scripted Eko and an in-memory journal: the exact answer and journal line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskError } from "../../app/errors";
import { err, ok } from "../../app/result";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import type { EkoClient, RefundEndpoint } from "../eko/eko-client";
import type { Journal, JournalRecord } from "../journal/journal";
import { createAccessKey } from "../keychain/access-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { keychainSigners } from "../test-support/signers";
import { createPendingRefundsService } from "./pending-refunds";
import { brokenJournals } from "../test-support/broken-journals";

const ANSWERED = Date.parse("2026-01-15T10:00:00.000Z");
const NOW = Date.parse("2026-01-15T11:30:00.000Z");
const transfer = {
  tid: "13192460",
  amount: "2500.00",
  time: null,
  recipientName: "Anil Sharma",
  recipientAccountLast4: "3321",
};

function serviceWith(
  answer: Awaited<ReturnType<EkoClient["pendingRefunds"]>>,
  settings: Partial<Settings> = {},
  broken?: Journal,
) {
  const calls: { endpoint: RefundEndpoint; mobile: string; timeoutMs: number }[] = [];
  const lines: JournalRecord[] = [];
  const client: EkoClient = {
    async pendingRefunds(endpoint, mobile, timeoutMs) {
      calls.push({ endpoint, mobile, timeoutMs });
      return answer;
    },
    getRefundOtp: async () => err({ kind: "internal", details: {} }),
    probe: async () => err({ kind: "internal", details: {} }),
    initiateRefund: async () => err({ kind: "internal", details: {} }),
    inquireTransaction: async () => err({ kind: "internal", details: {} }),
  };
  const journal: Journal = {
    append: (entry) => lines.push(entry) > 0,
    read: async () => ({ entries: [], skipped: 0 }),
    pieces: async function* () {},
    cut: () => false,
    close: () => undefined,
  };
  const find = createPendingRefundsService({
    client,
    settings: () => ({ ...DEFAULT_SETTINGS, timeoutMs: 4_321, ...settings }),
    practice: { baseUrl: async () => "http://127.0.0.1:9/ekoapi/v3", close: async () => undefined },
    signers: keychainSigners(createAccessKey(memoryKeyStore())),
    journal: broken ?? journal,
    now: () => NOW,
  });
  return { find, calls, lines };
}

test("the list: the mobile's last 4, the transfers, the environment and when Eko answered", async () => {
  const { find, calls, lines } = serviceWith(
    ok({ transfers: [transfer], details: { ekoStatus: 0, responseTypeId: 1700 }, answeredAt: ANSWERED }),
  );
  assert.deepEqual(await find({ mobile: "61111-11234" }), {
    ok: true,
    value: {
      mobileLast4: "1234",
      transfers: [transfer],
      environment: "practice",
      checkedAt: "2026-01-15T10:00:00.000Z",
    },
  });
  assert.deepEqual(
    calls.map((c) => [c.endpoint.userCode, c.mobile, c.timeoutMs]),
    [["20810200", "6111111234", 4_321]],
  );
  assert.deepEqual(lines, [
    {
      at: "2026-01-15T10:00:00.000Z",
      tid: "",
      environment: "practice",
      outcome: "pending:listed",
      ekoStatus: 0,
      responseTypeId: 1700,
      mobileLast4: "1234",
      listed: 1,
    },
  ]);
});

test("no answer: the error, journaled at the desk's corrected time without a count", async () => {
  const offline = err<RefundDeskError>({ kind: "offline", details: { cause: "ECONNREFUSED" } });
  const { find, lines } = serviceWith(offline);
  assert.deepEqual(await find({ mobile: "6111111234" }), offline);
  assert.deepEqual(lines, [
    {
      at: "2026-01-15T11:30:00.000Z",
      tid: "",
      environment: "practice",
      outcome: "pending:offline",
      mobileLast4: "1234",
    },
  ]);
});

test("settings that are not complete: not-configured before Eko, nothing journaled", async () => {
  const { find, calls, lines } = serviceWith(ok({ transfers: [], details: {}, answeredAt: ANSWERED }), {
    environment: "uat",
  });
  assert.deepEqual(await find({ mobile: "6111111234" }), {
    ok: false,
    error: { kind: "not-configured", missing: ["developerKey", "initiatorId", "accessKey", "userCode"] },
  });
  assert.deepEqual([calls, lines], [[], []]);
});

for (const { name, journal } of brokenJournals()) {
  test(`${name}: the list is not shown when its lookup cannot be journaled (not-journaled)`, async () => {
    const { find, calls } = serviceWith(
      ok({ transfers: [transfer], details: { ekoStatus: 0, responseTypeId: 1700 }, answeredAt: ANSWERED }),
      {},
      journal,
    );
    assert.deepEqual(await find({ mobile: "61111-11234" }), {
      ok: false,
      error: {
        kind: "not-journaled",
        step: "pending",
        tid: "",
        outcome: "listed",
        details: { ekoStatus: 0, responseTypeId: 1700 },
      },
    });
    assert.equal(calls.length, 1);
  });
}
