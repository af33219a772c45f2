import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { interpretRefundReply } from "./refund-reply";
import { accountLast4, ekoTime, rupees, text } from "./reply-fields";
import { interpretTransactionReply } from "./transaction-reply";

const JSON_TYPE = "application/json; charset=utf-8";
const kindOf = (result: { ok: boolean; error?: { kind: string } }) => (result.ok ? "ok" : result.error?.kind);

test("rupees: numbers or strings, two places, never a float's noise", () => {
  assert.equal(rupees("5000"), "5000.00");
  assert.equal(rupees(5000.5), "5000.50");
  assert.equal(rupees(" 05.5 "), "5.50");
  assert.equal(rupees("-10"), "-10.00");
  for (const bad of ["abc", "1.234", "", "1e5", null, undefined, {}, Number.NaN, "12,000"]) assert.equal(rupees(bad), null, inspect(bad));
});

test("times: India's local time without a zone is read as IST; a zoned time as given", () => {
  assert.equal(ekoTime("2025-11-03 10:15:42"), "2025-11-03T04:45:42.000Z");
  assert.equal(ekoTime("2025-11-03T10:15:42.120Z"), "2025-11-03T10:15:42.120Z");
  assert.equal(ekoTime("2025-11-03T10:15:42+05:30"), "2025-11-03T04:45:42.000Z");
  for (const bad of ["yesterday", "2025-13-45 99:99:99", "03/11/2025", 1762146942000, ""]) assert.equal(ekoTime(bad), null, String(bad));
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
  const body = JSON.stringify({ status: 0, data: { tx_status: 4, amount: 120, fee: 5, customer_name: "Asha", recipient_name: "Ravi", account_number: "0012345678", timestamp: "2025-01-02 03:04:05" } });
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
  assert.equal(kindOf(interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ data: { tx_status: 3 } }), null)), "bad-response");
  assert.equal(kindOf(interpretTransactionReply(200, JSON_TYPE, JSON.stringify({ status: 168, message: "TID does not exist" }), null)), "unknown-tid");
  assert.equal(kindOf(interpretTransactionReply(200, "text/html", "<html>login</html>", null)), "bad-response");
  assert.equal(kindOf(interpretTransactionReply(200, "text/plain", JSON.stringify({ status: 0, data: { tx_status: 3 } }), null)), "bad-response");
  assert.equal(kindOf(interpretTransactionReply(503, "text/html", "<html></html>", null)), "server");
  assert.equal(kindOf(interpretTransactionReply(403, JSON_TYPE, "{}", { offsetMs: 60_000 })), "clock-skew");
});

test("refund answers: the codes that change the next step, and a success with fields missing", () => {
  const refusal = (status: number, message = "") => kindOf(interpretRefundReply(200, JSON_TYPE, JSON.stringify({ status, message, data: {} }), null));
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
  assert.deepEqual({ ...sparse.value, details: undefined }, { refundTid: null, refundedAmount: null, fee: null, balance: null, refundedAt: null, details: undefined });
  const full = interpretRefundReply(200, JSON_TYPE, JSON.stringify({ status: 0, data: { refund_tid: 2300001, amount: "100", fee: "0", balance: "900.5", timestamp: "2025-01-02 03:04:05" } }), null);
  assert.ok(full.ok);
  assert.deepEqual([full.value.refundTid, full.value.refundedAmount, full.value.balance, full.value.refundedAt], ["2300001", "100.00", "900.50", "2025-01-01T21:34:05.000Z"]);
});
