import { test } from "node:test";
import assert from "node:assert/strict";
import { interpretPendingReply } from "./pending-reply";
import { TEST_SECRETS } from "../test-support/test-secrets";

const JSON_TYPE = "application/json";
const ROW = {
  tid: "13192460",
  amount: "2500",
  recipient_name: "Anil Sharma",
  account: "30211456783321",
  timestamp: "2025-11-04 16:20:05",
};
const OTHER = {
  tid: 13192461,
  tx_amount: 1200.5,
  beneficiary_name: "Meena",
  account_number: "60400199887766",
  tx_time: "2025-11-05T05:32:37Z",
};

const read = (body: unknown, httpStatus = 200) =>
  interpretPendingReply(httpStatus, JSON_TYPE, JSON.stringify(body), null);
const tids = (body: unknown) => {
  const answer = read(body);
  assert.ok(answer.ok, JSON.stringify(body));
  return answer.value.transfers.map((t) => t.tid);
};

// Eko's published sample for this call is another call's reply: each plausible shape of the list is read.
test("the list as an array under data", () => {
  assert.deepEqual(tids({ status: 0, data: [ROW, OTHER] }), ["13192460", "13192461"]);
});

test("the list under any data.* key whose items carry a tid, whatever the key is called", () => {
  for (const key of ["refund_list", "transactions", "pending_refunds", "list"]) {
    assert.deepEqual(
      tids({
        status: 0,
        response_status_id: -1,
        data: { customer_id: TEST_SECRETS.customerMobiles.withPending, [key]: [ROW] },
      }),
      ["13192460"],
      key,
    );
  }
  // An array of something else (no tid) is not the list.
  assert.deepEqual(tids({ status: 0, data: { notes: [{ text: "x" }], refunds: [OTHER] } }), ["13192461"]);
});

test("nothing waiting: an empty array, an empty data, no data at all", () => {
  for (const body of [
    { status: 0, data: [] },
    { status: 0, data: {} },
    { status: 0, data: { refund_list: [] } },
    { status: 0 },
    { status: 0, data: null },
  ]) {
    assert.deepEqual(tids(body), [], JSON.stringify(body));
  }
});

test("each transfer: amounts as rupees, Eko's local time as IST, the account to its last 4 only, a bad row skipped", () => {
  const answer = read({ status: 0, data: [ROW, OTHER, { tid: "abc" }, { amount: "5" }, "junk", null] });
  assert.ok(answer.ok);
  assert.deepEqual(answer.value.transfers, [
    {
      tid: "13192460",
      amount: "2500.00",
      time: "2025-11-04T10:50:05.000Z",
      recipientName: "Anil Sharma",
      recipientAccountLast4: "3321",
    },
    {
      tid: "13192461",
      amount: "1200.50",
      time: "2025-11-05T05:32:37.000Z",
      recipientName: "Meena",
      recipientAccountLast4: "7766",
    },
  ]);
  assert.ok(!JSON.stringify(answer).includes("30211456783321"));
});

test("refusals and broken answers are errors of their kind, as for other calls", () => {
  const refusal = read({ status: 463, response_status_id: 1, message: "User not found", data: {} });
  assert.ok(!refusal.ok && refusal.error.kind === "eko");
  const server = interpretPendingReply(503, "text/html", "<html>down</html>", null);
  assert.ok(!server.ok && server.error.kind === "server");
  const html = interpretPendingReply(200, "text/html", "<html>login</html>", null);
  assert.ok(!html.ok && html.error.kind === "bad-response");
});

test("a very long list is cut at 50", () => {
  const rows = Array.from({ length: 80 }, (_, i) => ({ ...ROW, tid: String(13000000 + i) }));
  assert.equal(tids({ status: 0, data: rows }).length, 50);
});

const msg = (body: Record<string, unknown>) =>
  typeof body.message === "string" ? { ekoMessage: body.message } : ({} as Record<string, never>);

test("an envelope with neither status field is not Eko's answer, never an empty list", () => {
  for (const body of [{}, { data: [] }, { message: "ok", data: { refund_list: [ROW] } }]) {
    assert.deepEqual(
      read(body),
      { ok: false, error: { kind: "bad-response", details: { httpStatus: 200, cause: "no-status", ...msg(body) } } },
      JSON.stringify(body),
    );
  }
  // Eko's GET success id alone is a status.
  assert.deepEqual(tids({ response_status_id: -1, data: [ROW] }), ["13192460"]);
  assert.deepEqual(tids({ response_status_id: 0, data: [] }), []);
});

test("a refusal keeps Eko's code, words and fields; a status-0 answer that is not HTTP 200 is the server's", () => {
  assert.deepEqual(read({ status: 463, response_status_id: 1, message: "User not found", data: {} }), {
    ok: false,
    error: {
      kind: "eko",
      code: 463,
      message: "User not found",
      details: { httpStatus: 200, ekoStatus: 463, responseStatusId: 1, ekoMessage: "User not found" },
    },
  });
  assert.deepEqual(read({ status: 0, data: [ROW] }, 202), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 202, ekoStatus: 0 } },
  });
});

test("a tid is 1 to 20 digits, as text or a number; anything else is not a transfer", () => {
  const twenty = "1".repeat(20);
  assert.deepEqual(
    tids({
      status: 0,
      data: [
        { tid: twenty },
        { tid: "1".repeat(21) },
        { tid: 7 },
        { tid: " 8 " },
        { tid: "" },
        { tid: "12a" },
        { tid: -5 },
        { tid: 1.5 },
      ],
    }),
    [twenty, "7", "8"],
  );
});

test("the other names Eko's older replies use for each field", () => {
  const answer = read({
    status: 0,
    data: [{ tid: "5", tx_amount: "10", date: "2025-11-04 16:20:05", recipient_name: "", beneficiary_name: "Ravi" }],
  });
  assert.ok(answer.ok);
  assert.deepEqual(answer.value.transfers, [
    { tid: "5", amount: "10.00", time: "2025-11-04T10:50:05.000Z", recipientName: "Ravi", recipientAccountLast4: null },
  ]);
  const accounts = read({ status: 0, data: [{ tid: "6", recipient_account: `XXXX${TEST_SECRETS.otps.practice}` }] });
  assert.ok(accounts.ok);
  assert.equal(accounts.value.transfers[0]?.recipientAccountLast4, "3456");
});

test("the list: data itself when it is an array; else the first data.* array with an item carrying a tid", () => {
  // An array under data is the list even when no item is usable.
  assert.deepEqual(tids({ status: 0, data: [{ amount: "5" }] }), []);
  // One item with a tid is enough to mark the list, whatever else it holds.
  assert.deepEqual(tids({ status: 0, data: { list: ["junk", null, 3, { tid: "9" }] } }), ["9"]);
  // A tid whose value is null still marks the list; that row is skipped.
  assert.deepEqual(tids({ status: 0, data: { a: [{ tid: null }], b: [{ tid: "1" }] } }), []);
  // The first such array wins.
  assert.deepEqual(tids({ status: 0, data: { a: [{ tid: "1" }], b: [{ tid: "2" }] } }), ["1"]);
  // Not arrays: a tid on data itself, an object of rows.
  assert.deepEqual(tids({ status: 0, data: { tid: "1", rows: { x: { tid: "2" } } } }), []);
});

test("the cut keeps the first 50 in Eko's order; exactly 50 are all kept", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ tid: String(13000000 + i) }));
  const fifty = tids({ status: 0, data: rows(50) });
  assert.equal(fifty.length, 50);
  const cut = tids({ status: 0, data: rows(51) });
  assert.deepEqual(cut, fifty);
  assert.equal(cut.at(-1), "13000049");
});
