import { test } from "node:test";
import assert from "node:assert/strict";
import { dayRangeProblem, MAX_HISTORY_DAYS, type HistoryPage } from "../../app/history";
import type { RefundDeskApi } from "../../app/ipc";
import { err, ok } from "../../app/result";
import { createHistoryStore } from "./history-store";
import { deferred, unusedApi } from "./test-helpers";

const PAGE: HistoryPage = {
  entries: [
    {
      at: "2026-03-05T10:00:00.000Z",
      counter: "Counter 7",
      tid: "13192443",
      environment: "practice",
      outcome: "otp-sent",
      otpRefTail: "a1b2c3",
    },
  ],
  skipped: 1,
};

function fakeApi(overrides: Partial<RefundDeskApi> = {}) {
  const calls: { method: string; request: unknown }[] = [];
  const api: RefundDeskApi = {
    ...unusedApi(),
    async readHistory(request) {
      calls.push({ method: "readHistory", request });
      return ok(PAGE);
    },
    async exportHistory(request) {
      calls.push({ method: "exportHistory", request });
      return ok({ saved: true, location: "/data/exports/x.csv", rows: 3, skipped: 0 });
    },
    ...overrides,
  };
  return { api, calls };
}

test("load reads today on this computer's calendar, even after midnight has passed", async () => {
  let clock = new Date(2026, 2, 5, 23, 59);
  const { api, calls } = fakeApi();
  const store = createHistoryStore(api, () => clock);
  assert.equal(store.getState().day, "2026-03-05");
  await store.getState().load();
  assert.deepEqual(calls, [{ method: "readHistory", request: { from: "2026-03-05", to: "2026-03-05" } }]);
  assert.deepEqual(store.getState().page, PAGE);
  clock = new Date(2026, 2, 6, 0, 1);
  await store.getState().load();
  assert.deepEqual(calls.at(-1)?.request, { from: "2026-03-06", to: "2026-03-06" });
  assert.equal(store.getState().day, "2026-03-06");
});

test("a failed read keeps the error and ends loading; a read in flight is not repeated", async () => {
  const gate = deferred<Awaited<ReturnType<RefundDeskApi["readHistory"]>>>();
  const { api, calls } = fakeApi({
    readHistory: async (request) => {
      calls.push({ method: "readHistory", request });
      return gate.promise;
    },
  });
  const store = createHistoryStore(api);
  const first = store.getState().load();
  await store.getState().load();
  assert.equal(calls.length, 1);
  assert.equal(store.getState().loading, true);
  gate.resolve(err({ kind: "internal", details: {} }));
  await first;
  assert.equal(store.getState().loading, false);
  assert.equal(store.getState().loadError?.kind, "internal");
});

test("export sends the range and keeps what main answered", async () => {
  const { api, calls } = fakeApi();
  const store = createHistoryStore(api);
  await store.getState().exportRange({ from: "2026-03-01", to: "2026-03-05" });
  assert.deepEqual(calls, [{ method: "exportHistory", request: { from: "2026-03-01", to: "2026-03-05" } }]);
  assert.equal(store.getState().exported?.rows, 3);
  assert.equal(store.getState().exporting, false);
});

test("a range main would refuse is refused here first, naming the date at fault", async () => {
  const { api, calls } = fakeApi();
  const store = createHistoryStore(api);
  await store.getState().exportRange({ from: "2026-03-05", to: "2026-03-01" });
  assert.deepEqual(store.getState().exportError, { kind: "invalid-input", field: "to", reason: "before-from" });
  assert.equal(calls.length, 0);
  assert.deepEqual(dayRangeProblem({ from: "", to: "2026-03-01" }, MAX_HISTORY_DAYS), {
    kind: "invalid-input",
    field: "from",
    reason: "not-a-date",
  });
  assert.deepEqual(dayRangeProblem({ from: "2026-02-30", to: "2026-03-01" }, MAX_HISTORY_DAYS), {
    kind: "invalid-input",
    field: "from",
    reason: "not-a-date",
  });
  assert.deepEqual(dayRangeProblem({ from: "2025-01-01", to: "2026-01-02" }, MAX_HISTORY_DAYS), {
    kind: "invalid-input",
    field: "to",
    reason: "range-too-long",
  });
  assert.equal(dayRangeProblem({ from: "2025-01-01", to: "2026-01-01" }, MAX_HISTORY_DAYS), null);
});

test("a failed or cancelled export is told apart from a saved one", async () => {
  const { api } = fakeApi({ exportHistory: async () => err({ kind: "save-failed", details: { cause: "EACCES" } }) });
  const store = createHistoryStore(api);
  await store.getState().exportRange({ from: "2026-03-05", to: "2026-03-05" });
  assert.equal(store.getState().exportError?.kind, "save-failed");
  assert.equal(store.getState().exported, null);
  const cancelled = createHistoryStore(
    fakeApi({ exportHistory: async () => ok({ saved: false, location: null, rows: 2, skipped: 0 }) }).api,
  );
  await cancelled.getState().exportRange({ from: "2026-03-05", to: "2026-03-05" });
  assert.equal(cancelled.getState().exported?.saved, false);
  assert.equal(cancelled.getState().exportError, null);
});
