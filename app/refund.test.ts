import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CUSTOMER_OTP_MAX_DIGITS,
  CUSTOMER_OTP_MIN_DIGITS,
  parseCustomerOtp,
  parseOtpRefId,
  receiptFromInquiry,
} from "./refund";
import { TX_STATES, txStateOf, type Transaction } from "./transaction";
import { TEST_SECRETS } from "../main/test-support/test-secrets";

const reason = (result: ReturnType<typeof parseCustomerOtp>) =>
  result.ok ? "ok" : result.error.kind === "invalid-input" ? result.error.reason : result.error.kind;

test("the customer's OTP: 4 to 8 ASCII digits, spaces from reading it aloud dropped", () => {
  assert.equal(CUSTOMER_OTP_MIN_DIGITS, 4);
  assert.equal(CUSTOMER_OTP_MAX_DIGITS, 8);
  for (const good of ["1234", TEST_SECRETS.otps.practice, "12345678", " 123 456 ", "0123\n"])
    assert.ok(parseCustomerOtp(good).ok, good);
  assert.deepEqual(parseCustomerOtp(" 123 456 "), { ok: true, value: TEST_SECRETS.otps.practice });
  const cases: [unknown, string][] = [
    ["", "empty"],
    ["   ", "empty"],
    ["123", "too-short"],
    ["123456789", "too-long"],
    ["12a456", "not-digits"],
    ["１２３４５６", "not-digits"],
    ["१२३४५६", "not-digits"],
    ["-12345", "not-digits"],
    ["12.3456", "not-digits"],
    [Number(TEST_SECRETS.otps.practice), "not-text"],
    [null, "not-text"],
  ];
  for (const [input, expected] of cases) assert.equal(reason(parseCustomerOtp(input)), expected, String(input));
});

test("a refused OTP names the field and the reason, never the value", () => {
  const refused = parseCustomerOtp("98765x");
  assert.ok(!refused.ok);
  assert.deepEqual(refused.error, { kind: "invalid-input", field: "otp", reason: "not-digits" });
  assert.ok(!JSON.stringify(refused).includes("98765"));
});

test("the otp_ref_id: an opaque printable token up to 128 characters", () => {
  assert.deepEqual(parseOtpRefId(" 3f2a-uuid "), { ok: true, value: "3f2a-uuid" });
  assert.ok(
    parseOtpRefId("zCISyglexo0Pjqp4YrS2ssweuD9v1c3aLKGxjTW8wU7An8Wem1UyNws5830yh7q/sf5J4R3BY=").ok,
    "Eko's base64 example",
  );
  for (const [input, expected] of [
    ["", "empty"],
    ["a b", "bad-shape"],
    ["x".repeat(129), "bad-shape"],
    ["ref\u0000", "bad-shape"],
    [42, "not-text"],
  ] as const) {
    const result = parseOtpRefId(input);
    assert.ok(!result.ok && result.error.kind === "invalid-input" && result.error.reason === expected, String(input));
  }
});

test("tx_status in words: 0–6 known, anything else unknown", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(txStateOf), [
    "success",
    "failed",
    "in-progress",
    "refund-pending",
    "refunded",
    "hold",
    "in-progress",
  ]);
  for (const other of [7, 9, -1, 3.5, null]) assert.equal(txStateOf(other), "unknown", String(other));
});

test("a refund confirmed by a check after a lost answer: no refund id or amounts, the check's time and details", () => {
  const tx: Transaction = {
    tid: "13192453",
    txStatus: 4,
    state: "refunded",
    statusText: "Refunded",
    amount: "2500.00",
    fee: "10.00",
    senderName: null,
    recipientName: "Ravi",
    recipientAccountLast4: "6789",
    time: "2026-03-04T05:00:00.000Z",
    checkedAt: "2026-03-05T10:00:03.000Z",
    environment: "uat",
    details: { httpStatus: 200, ekoStatus: 0, responseStatusId: 0 },
  };
  assert.deepEqual(receiptFromInquiry(tx), {
    tid: "13192453",
    refundTid: null,
    refundedAmount: null,
    fee: null,
    balance: null,
    refundedAt: "2026-03-05T10:00:03.000Z",
    environment: "uat",
    confirmedBy: "inquiry",
    transaction: tx,
    details: { httpStatus: 200, ekoStatus: 0, responseStatusId: 0 },
  });
});

test("the otp_ref_id's edges: 128 printable characters kept, tabs and DEL refused", () => {
  assert.deepEqual(parseOtpRefId("!".repeat(128)), { ok: true, value: "!".repeat(128) });
  assert.deepEqual(parseOtpRefId("~ref~"), { ok: true, value: "~ref~" });
  assert.deepEqual(parseOtpRefId("\t \n"), {
    ok: false,
    error: { kind: "invalid-input", field: "otpRefId", reason: "empty" },
  });
  for (const bad of ["a\tb", "ref\u007f", "réf", "x".repeat(129)]) {
    assert.deepEqual(
      parseOtpRefId(bad),
      { ok: false, error: { kind: "invalid-input", field: "otpRefId", reason: "bad-shape" } },
      bad,
    );
  }
  assert.deepEqual(parseOtpRefId(undefined), {
    ok: false,
    error: { kind: "invalid-input", field: "otpRefId", reason: "not-text" },
  });
});

test("the customer's OTP: tabs and line breaks dropped too; 4 and 8 digits are the edges", () => {
  assert.deepEqual(parseCustomerOtp("\t12\r\n34\t"), { ok: true, value: "1234" });
  assert.deepEqual(parseCustomerOtp("12345678"), { ok: true, value: "12345678" });
  assert.deepEqual(parseCustomerOtp("1 2 3"), {
    ok: false,
    error: { kind: "invalid-input", field: "otp", reason: "too-short" },
  });
  // A non-breaking space is not read-aloud spacing: it is refused, not dropped.
  assert.deepEqual(parseCustomerOtp("123\u00a0456"), {
    ok: false,
    error: { kind: "invalid-input", field: "otp", reason: "not-digits" },
  });
});

test("the states the app has words for are exactly those tx_status can read as, each once", () => {
  const read = new Set([0, 1, 2, 3, 4, 5, 6, 7, null].map(txStateOf));
  assert.equal(TX_STATES.length, 7);
  assert.deepEqual(new Set(TX_STATES), read);
});
