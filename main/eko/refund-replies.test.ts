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
  const suspect = { offsetMs: 60_000, pcTime: "2026-11-03T09:59:00.000Z", ekoTime: "2026-11-03T10:00:00.000Z" };
  assert.equal(kindOf(interpretTransactionReply(403, JSON_TYPE, "{}", suspect)), "clock-skew");
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

test("an inquiry answer in full: every field under each name Eko has used", () => {
  const first = interpretTransactionReply(
    200,
    JSON_TYPE,
    JSON.stringify({
      status: 0,
      response_status_id: -1,
      data: {
        tx_status: "3",
        txstatus_desc: " Refund Pending ",
        amount: "5000",
        fee: 50,
        sender_name: "Ramesh",
        customer_name: "not this one",
        recipient_name: "Sunita",
        account: "50100234567890",
        recipient_account: "00000000009999",
        timestamp: "2025-11-03 10:15:42",
        tx_time: "2020-01-01 00:00:00",
      },
    }),
    null,
  );
  assert.deepEqual(first, {
    ok: true,
    value: {
      txStatus: 3,
      state: "refund-pending",
      statusText: "Refund Pending",
      amount: "5000.00",
      fee: "50.00",
      senderName: "Ramesh",
      recipientName: "Sunita",
      recipientAccountLast4: "7890",
      time: "2025-11-03T04:45:42.000Z",
      details: { httpStatus: 200, ekoStatus: 0, responseStatusId: -1 },
    },
  });
  const older = interpretTransactionReply(
    200,
    JSON_TYPE,
    JSON.stringify({
      response_status_id: 0,
      data: { tx_status: 0, customer_name: "Asha", recipient_account: "1234567", tx_time: "2025-11-03T10:15:42Z" },
    }),
    null,
  );
  assert.ok(older.ok);
  assert.deepEqual(
    [older.value.senderName, older.value.recipientAccountLast4, older.value.time, older.value.statusText],
    ["Asha", "4567", "2025-11-03T10:15:42.000Z", null],
  );
});

test("an inquiry that is not an answer says why: no status, or no data object", () => {
  const read = (body: unknown, httpStatus = 200) =>
    interpretTransactionReply(httpStatus, JSON_TYPE, JSON.stringify(body), null);
  assert.deepEqual(read({ data: { tx_status: 3 } }), {
    ok: false,
    error: { kind: "bad-response", details: { httpStatus: 200, cause: "no-status" } },
  });
  for (const data of [undefined, null, [{ tx_status: 3 }], "3"]) {
    assert.deepEqual(
      read({ status: 0, data }),
      { ok: false, error: { kind: "bad-response", details: { httpStatus: 200, ekoStatus: 0, cause: "no-data" } } },
      JSON.stringify(data),
    );
  }
  // Not HTTP 200: a readable tx_status does not make it an answer.
  assert.deepEqual(read({ status: 0, data: { tx_status: 3 } }, 202), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 202, ekoStatus: 0 } },
  });
  // A non-zero status with data but no readable tx_status is the refusal it says.
  assert.deepEqual(read({ status: 945, message: "Monthly limit exhausted", data: {} }), {
    ok: false,
    error: {
      kind: "eko",
      code: 945,
      message: "Monthly limit exhausted",
      details: { httpStatus: 200, ekoStatus: 945, ekoMessage: "Monthly limit exhausted" },
    },
  });
  // tx_status with neither status field: still not Eko's answer.
  assert.equal(kindOf(read({ message: "x", data: { tx_status: 4 } })), "bad-response");
});

test("refund refusals: exact kinds and details whichever field carries the code, whatever the HTTP status", () => {
  const refund = (body: unknown, httpStatus = 200) =>
    interpretRefundReply(httpStatus, JSON_TYPE, JSON.stringify(body), null, "13192443");
  assert.deepEqual(refund({ status: 1, response_status_id: 302, message: "Invalid OTP" }), {
    ok: false,
    error: {
      kind: "wrong-otp",
      tries: 1,
      details: { httpStatus: 200, ekoStatus: 1, responseStatusId: 302, ekoMessage: "Invalid OTP" },
    },
  });
  assert.deepEqual(refund({ status: 303 }, 400), {
    ok: false,
    error: { kind: "otp-expired", details: { httpStatus: 400, ekoStatus: 303 } },
  });
  assert.deepEqual(refund({ response_status_id: 347 }), {
    ok: false,
    error: { kind: "insufficient-balance", details: { httpStatus: 200, responseStatusId: 347 } },
  });
  assert.deepEqual(refund({ status: 1, message: "Transaction already refunded" }), {
    ok: false,
    error: {
      kind: "already-refunded",
      details: { httpStatus: 200, ekoStatus: 1, ekoMessage: "Transaction already refunded" },
    },
  });
  // Status 0 but not HTTP 200: the server's, not a refund made and not a business refusal.
  assert.deepEqual(refund({ status: 0, data: { refund_tid: "1" } }, 202), {
    ok: false,
    error: { kind: "server", details: { httpStatus: 202, ekoStatus: 0 } },
  });
  assert.deepEqual(refund({ message: "done" }), {
    ok: false,
    error: { kind: "bad-response", details: { httpStatus: 200, ekoMessage: "done", cause: "no-status" } },
  });
});

test("a refund made: refunded_amount before amount, the refund's id before an echo of the transaction", () => {
  const made = (data: unknown, tid = "13192443") => {
    const result = interpretRefundReply(200, JSON_TYPE, JSON.stringify({ status: 0, data }), null, tid);
    assert.ok(result.ok, JSON.stringify(result));
    return result.value;
  };
  assert.deepEqual(
    made({
      refund_tid: "2300001",
      tid: "13192443",
      refunded_amount: "5050.0",
      amount: "5000",
      fee: "50",
      balance: "2.22263731286E9",
      timestamp: "2025-11-03T10:15:42.000Z",
    }),
    {
      refundTid: "2300001",
      refundedAmount: "5050.00",
      fee: "50.00",
      balance: "2222637312.86",
      refundedAt: "2025-11-03T10:15:42.000Z",
      details: { httpStatus: 200, ekoStatus: 0 },
    },
  );
  assert.equal(made({ amount: "5000" }).refundedAmount, "5000.00");
  // Eko's QR sample names the refund's id data.tid; an echo of the transaction refunded is no id.
  assert.equal(made({ tid: "2886601999" }).refundTid, "2886601999");
  assert.equal(made({ tid: "13192443" }).refundTid, null);
  assert.equal(made({ tid: 13192443 }).refundTid, null);
  // Without the transaction's tid an echo cannot be told from an id: none is given.
  const unknown = interpretRefundReply(
    200,
    JSON_TYPE,
    JSON.stringify({ status: 0, data: { tid: "2886601999" } }),
    null,
  );
  assert.ok(unknown.ok && unknown.value.refundTid === null);
  // An unreadable refund_tid falls back to data.tid.
  assert.equal(made({ refund_tid: "not an id", tid: "2886601999" }).refundTid, "2886601999");
  assert.equal(made({ refund_tid: 2300002 }).refundTid, "2300002");
  // data that is not an object: a refund made, every line "not given".
  assert.deepEqual(made(["x"]), {
    refundTid: null,
    refundedAmount: null,
    fee: null,
    balance: null,
    refundedAt: null,
    details: { httpStatus: 200, ekoStatus: 0 },
  });
});
