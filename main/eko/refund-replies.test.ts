import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { interpretRefundReply } from "./refund-reply";
import { accountLast4, ekoTime, rupees, text } from "./reply-fields";
import { interpretTransactionReply } from "./transaction-reply";

const JSON_TYPE = "application/json; charset=utf-8";
const kindOf = (result: { ok: boolean; error?: { kind: string } }) => (result.ok ? "ok" : result.error?.kind);

test("rupees: numbers, strings and E-notation, exactly, at least two places, never a float's noise", () => {
  assert.equal(rupees("5000"), "5000.00");
  assert.equal(rupees(5000.5), "5000.50");
  assert.equal(rupees(" 05.5 "), "5.50");
  assert.equal(rupees("-10"), "-10.00");
  assert.equal(rupees("2.22263731286E9"), "2222637312.86");
  assert.equal(rupees("1e5"), "100000.00");
  assert.equal(rupees(2.22263731286e9), "2222637312.86");
  assert.equal(rupees("1E-2"), "0.01");
  // More places than paise are kept, not rounded.
  assert.equal(rupees("1.234"), "1.234");
  assert.equal(rupees("0.1"), "0.10");
  const unreadable = ["abc", "", null, undefined, {}, Number.NaN, Number.POSITIVE_INFINITY, "12,000", "1e999", "1.2.3"];
  for (const bad of [...unreadable, "₹5", "0x10", "."]) {
    assert.equal(rupees(bad), null, inspect(bad));
  }
});

test("times: India's local time without a zone is read as IST; a zoned time as given", () => {
  assert.equal(ekoTime("2025-11-03 10:15:42"), "2025-11-03T04:45:42.000Z");
  assert.equal(ekoTime("2025-11-03T10:15:42.120Z"), "2025-11-03T10:15:42.120Z");
  assert.equal(ekoTime("2025-11-03T10:15:42+05:30"), "2025-11-03T04:45:42.000Z");
  for (const bad of ["yesterday", "2025-13-45 99:99:99", "03/11/2025", 1762146942000, ""])
    assert.equal(ekoTime(bad), null, String(bad));
});

test("account: only the last 4 characters, and nothing when it is too short to mask", () => {
  assert.equal(accountLast4("50100234567890"), "7890");
  assert.equal(accountLast4(50100234567890), "7890");
  assert.equal(accountLast4("XXXXXX1234"), "1234");
  assert.equal(accountLast4("5010 0234 5678"), "5678");
  for (const bad of ["1234", 1234, "<script>", "", null]) assert.equal(accountLast4(bad), null, String(bad));
});

test("names: control characters dropped, bounded", () => {
  assert.equal(text(" Ramesh\u0000Kumar "), "Ramesh Kumar");
  assert.equal(text("x".repeat(500))?.length, 100);
  assert.equal(text({}), null);
});

test("an inquiry answer: numbers as numbers, a missing tx_status is unknown, the full account never kept", () => {
  const body = JSON.stringify({
    status: 0,
    data: {
      tx_status: 4,
      amount: 120,
      fee: 5,
      customer_name: "Asha",
      recipient_name: "Ravi",
      account_number: "0012345678",
      timestamp: "2025-01-02 03:04:05",
    },
  });
  const answer = interpretTransactionReply(200, JSON_TYPE, body, null);
  assert.ok(answer.ok);
  assert.equal(answer.value.state, "refunded");
  assert.equal(answer.value.amount, "120.00");
  assert.equal(answer.value.senderName, "Asha");
  assert.equal(answer.value.recipientAccountLast4, "5678");
  assert.ok(!JSON.stringify(answer).includes("0012345678"));
  const bare = interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ status: 0, data: {} }), null);
  assert.ok(bare.ok && bare.value.state === "unknown" && bare.value.txStatus === null && bare.value.amount === null);
});

test("an inquiry answer that is not one", () => {
  assert.equal(kindOf(interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ status: 0 }), null)), "bad-response");
  assert.equal(
    kindOf(interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ data: { tx_status: 3 } }), null)),
    "bad-response",
  );
  assert.equal(
    kindOf(
      interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ status: 168, message: "TID does not exist" }), null),
    ),
    "unknown-tid",
  );
  assert.equal(kindOf(interpretTransactionReply(200, "text/html", "<html>login</html>", null)), "bad-response");
  assert.equal(
    kindOf(interpretTransactionReply(200, "text/plain", JSON.stringify({ status: 0, data: { tx_status: 3 } }), null)),
    "bad-response",
  );
  assert.equal(kindOf(interpretTransactionReply(503, "text/html", "<html></html>", null)), "server");
  assert.equal(kindOf(interpretTransactionReply(403, JSON_TYPE, "{}", { offsetMs: 60_000 })), "clock-skew");
});

test("refund answers: the codes that change the next step, and a success with fields missing", () => {
  const refusal = (status: number, message = "") =>
    kindOf(interpretRefundReply(200, JSON_TYPE, JSON.stringify({ status, message, data: {} }), null));
  assert.equal(refusal(302), "wrong-otp");
  assert.equal(refusal(303), "otp-expired");
  assert.equal(refusal(347), "insufficient-balance");
  assert.equal(refusal(168), "unknown-tid");
  assert.equal(refusal(1, "Transaction is already in refunded state"), "already-refunded");
  assert.equal(refusal(945, "Monthly limit exhausted"), "eko");
  assert.equal(kindOf(interpretRefundReply(200, JSON_TYPE, JSON.stringify({ message: "done" }), null)), "bad-response");
  assert.equal(kindOf(interpretRefundReply(502, "text/html", "<html></html>", null)), "server");
  const sparse = interpretRefundReply(200, JSON_TYPE, JSON.stringify({ status: 0, message: "Refund done" }), null);
  assert.ok(sparse.ok);
  assert.deepEqual(
    { ...sparse.value, details: undefined },
    { refundTid: null, refundedAmount: null, fee: null, balance: null, refundedAt: null, details: undefined },
  );
  const full = interpretRefundReply(
    200,
    JSON_TYPE,
    JSON.stringify({
      status: 0,
      data: { refund_tid: 2300001, amount: "100", fee: "0", balance: "900.5", timestamp: "2025-01-02 03:04:05" },
    }),
    null,
  );
  assert.ok(full.ok);
  assert.deepEqual(
    [full.value.refundTid, full.value.refundedAmount, full.value.balance, full.value.refundedAt],
    ["2300001", "100.00", "900.50", "2025-01-01T21:34:05.000Z"],
  );
});
test("an inquiry whose data carries tx_status: that is the state whatever status says; the status stays in the details", () => {
  const body = JSON.stringify({
    status: 463,
    response_status_id: 1,
    message: "odd",
    data: { tx_status: "3", amount: "10" },
  });
  const answer = interpretTransactionReply(200, JSON_TYPE, body, null);
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.deepEqual(
    [answer.value.state, answer.value.details.ekoStatus, answer.value.details.ekoMessage],
    ["refund-pending", 463, "odd"],
  );
  // Without a readable tx_status a non-zero status is still a refusal, and a non-200 answer is never a state.
  assert.equal(
    kindOf(interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ status: 463, data: { tx_status: "x" } }), null)),
    "eko",
  );
  assert.equal(
    kindOf(interpretTransactionReply(400, JSON_TYPE, JSON.stringify({ status: 1, data: { tx_status: 3 } }), null)),
    "eko",
  );
});

test("invalid_params and the message are kept for the details panel, bounded and as text", () => {
  const body =
    '{"status":1,"response_status_id":1,"message":"Invalid parameters","invalid_params":{"otp_ref_id":"required","__proto__":{"x":1},"n":5,"deep":{"a":1}},"data":{}}';
  const refused = interpretRefundReply(200, JSON_TYPE, body, null);
  assert.ok(!refused.ok);
  assert.deepEqual(
    "details" in refused.error && [refused.error.details.invalidParams, refused.error.details.ekoMessage],
    [{ otp_ref_id: "required", n: "5" }, "Invalid parameters"],
  );
});

test("HTTP 415 is the app's request refused, never Eko's server, and never inquired as a lost answer", () => {
  assert.equal(kindOf(interpretRefundReply(415, "text/plain", "Unsupported Media Type", null)), "content-type-refused");
  assert.equal(
    kindOf(interpretTransactionReply(415, JSON_TYPE, JSON.stringify({ status: 415 }), null)),
    "content-type-refused",
  );
});
