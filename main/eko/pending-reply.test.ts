import { test } from "node:test";
import assert from "node:assert/strict";
import { interpretPendingReply } from "./pending-reply";

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
      tids({ status: 0, response_status_id: -1, data: { customer_id: "6111111111", [key]: [ROW] } }),
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
