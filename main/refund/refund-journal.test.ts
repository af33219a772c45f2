import { test } from "node:test";
import assert from "node:assert/strict";
import { printableFromJournal, printableFromReceipt } from "../../app/receipt";
import { receiptFromInquiry, type RefundReceipt } from "../../app/refund";
import { err, ok } from "../../app/result";
import type { Transaction } from "../../app/transaction";
import type { JournalRecord } from "../journal/journal";
import { inquiryLine, refundFacts, refundLine } from "./refund-journal";

const tx: Transaction = {
  tid: "13192443",
  txStatus: 4,
  state: "refunded",
  statusText: "Refunded",
  amount: "5000.00",
  fee: "50.00",
  senderName: "Ravi",
  recipientName: "Anil Sharma",
  recipientAccountLast4: "7890",
  time: "2026-01-14T09:00:00.000Z",
  checkedAt: "2026-01-15T10:00:00.000Z",
  environment: "practice",
  details: { ekoStatus: 0 },
};
const reply = { refundTid: "2882755", refundedAmount: "4950.00", fee: "45.00" };
const facts = { at: Date.parse("2026-01-15T10:00:00.000Z"), tid: "13192443", environment: "uat" as const };

test("a refund's facts: Eko's reply first, the checked transfer for the rest; the fee only as the refund's answer gave it", () => {
  assert.deepEqual(refundFacts(reply, tx, "20810200"), {
    refundedAmount: "4950.00",
    fee: "45.00",
    refundTid: "2882755",
    txAmount: "5000.00",
    txTime: "2026-01-14T09:00:00.000Z",
    accountLast4: "7890",
    agentCode: "20810200",
  });
  // The checked transfer's fee (50.00) is the transfer's, not the refund's: the day's close would count it.
  assert.equal(refundFacts({ ...reply, fee: null }, tx, null).fee, undefined);
  assert.deepEqual(refundFacts(null, tx, null), {
    txAmount: "5000.00",
    txTime: "2026-01-14T09:00:00.000Z",
    accountLast4: "7890",
  });
});

test("only known facts: nothing known is no field at all", () => {
  assert.deepEqual(refundFacts(null, null, null), {});
  assert.deepEqual(refundFacts({ refundTid: null, refundedAmount: null, fee: null }, null, ""), {});
  const blank = { ...tx, amount: null, fee: null, time: null, recipientAccountLast4: null };
  assert.deepEqual(refundFacts({ refundTid: "", refundedAmount: "", fee: "" }, blank, null), {});
});

test("an inquiry line: the step and tx_status, 'none' when Eko sent none; an error by its kind", () => {
  assert.deepEqual(inquiryLine("inquiry", facts, ok({ ...tx, txStatus: null, details: {} })), {
    at: "2026-01-15T10:00:00.000Z",
    tid: "13192443",
    environment: "uat",
    outcome: "inquiry:tx_status=none",
  });
  assert.deepEqual(
    inquiryLine("refund-check", facts, err({ kind: "server", details: { ekoStatus: 500, responseTypeId: 7 } })),
    {
      at: "2026-01-15T10:00:00.000Z",
      tid: "13192443",
      environment: "uat",
      outcome: "refund-check:server",
      ekoStatus: 500,
      responseTypeId: 7,
    },
  );
});

test("a refund line keeps the otp_ref_id's last 6 characters only, and the refund's facts", () => {
  const line = refundLine(
    { ...facts, otpRefId: "0123456789", refund: { refundTid: "2882755" } },
    ok({ details: { ekoStatus: 0, responseTypeId: 74 } }),
  );
  assert.deepEqual(line, {
    at: "2026-01-15T10:00:00.000Z",
    tid: "13192443",
    environment: "uat",
    outcome: "refund:refunded",
    ekoStatus: 0,
    responseTypeId: 74,
    otpRefTail: "456789",
    refundTid: "2882755",
  });
  assert.equal(refundLine({ ...facts, otpRefId: "" }, err({ kind: "busy", tid: "1" })).outcome, "refund:busy");
  assert.equal(
    Object.hasOwn(refundLine({ ...facts, otpRefId: "" }, err({ kind: "busy", tid: "1" })), "otpRefTail"),
    false,
  );
});

test("a reprint from the journal line prints the fee the first print did: Eko's refund answer's, or none", () => {
  const counter = { counterName: "Counter 3", agentCode: "20810200" };
  const made: RefundReceipt = {
    ...reply,
    balance: "123.45",
    refundedAt: "2026-01-15T10:00:00.000Z",
    environment: "uat",
    tid: "13192443",
    confirmedBy: "refund",
    transaction: null,
    details: { ekoStatus: 0 },
  };
  const reprinted = (record: JournalRecord) => printableFromJournal({ counter: counter.counterName, ...record });
  for (const receipt of [made, { ...made, fee: null }]) {
    const record = refundLine({ ...facts, refund: refundFacts(receipt, tx, counter.agentCode) }, ok(receipt));
    assert.equal(reprinted(record).fee, printableFromReceipt(receipt, tx, counter).fee, String(receipt.fee));
  }
  // A refund a check confirmed after its answer was lost: the check's fee (50.00) is the transfer's, on neither.
  const confirmed = receiptFromInquiry(tx);
  const record = inquiryLine("refund-check", { ...facts, refund: refundFacts(null, tx, counter.agentCode) }, ok(tx));
  assert.equal(printableFromReceipt(confirmed, tx, counter).fee, null);
  assert.equal(reprinted(record).fee, null);
});
