import { test } from "node:test";
import assert from "node:assert/strict";
import type { JournalEntry } from "./history";
import { isRefundLine, printableFromJournal, printableFromReceipt, receiptLangs } from "./receipt";
import { receiptFromInquiry, type RefundReceipt } from "./refund";
import type { Transaction } from "./transaction";

const checked: Transaction = {
  tid: "13192443",
  txStatus: 4,
  state: "refunded",
  statusText: "Refunded",
  amount: "5000.00",
  fee: "12.00",
  senderName: "Asha",
  recipientName: "Ravi Kumar",
  recipientAccountLast4: "6789",
  time: "2026-03-04T05:00:00.000Z",
  checkedAt: "2026-03-05T10:00:00.000Z",
  environment: "uat",
  details: { httpStatus: 200, ekoStatus: 0 },
};

const made: RefundReceipt = {
  tid: "13192443",
  refundTid: "2882594",
  refundedAmount: "5000.00",
  fee: "5.00",
  balance: "123.45",
  refundedAt: "2026-03-05T10:01:00.000Z",
  environment: "production",
  confirmedBy: "refund",
  transaction: null,
  details: { httpStatus: 200 },
};

const counter = { counterName: "Counter 3", agentCode: "20810200" };

test("receipts in the interface's language, or both with the interface's first", () => {
  assert.deepEqual(receiptLangs({ languages: "interface" }, "en"), ["en"]);
  assert.deepEqual(receiptLangs({ languages: "interface" }, "hi"), ["hi"]);
  assert.deepEqual(receiptLangs({ languages: "both" }, "en"), ["en", "hi"]);
  assert.deepEqual(receiptLangs({ languages: "both" }, "hi"), ["hi", "en"]);
});

test("a refund just made prints Eko's refund figures, the transfer checked before it and the counter", () => {
  assert.deepEqual(printableFromReceipt(made, checked, counter), {
    tid: "13192443",
    refundTid: "2882594",
    refundedAmount: "5000.00",
    fee: "5.00",
    refundedAt: "2026-03-05T10:01:00.000Z",
    environment: "production",
    txAmount: "5000.00",
    txTime: "2026-03-04T05:00:00.000Z",
    recipientName: "Ravi Kumar",
    accountLast4: "6789",
    counter: "Counter 3",
    agentCode: "20810200",
    balance: "123.45",
  });
});

test("the refund's fee wins; without it the checked transfer's fee; without either, none", () => {
  assert.equal(printableFromReceipt({ ...made, fee: null }, checked, counter).fee, "12.00");
  assert.equal(printableFromReceipt({ ...made, fee: null }, null, counter).fee, null);
  assert.equal(printableFromReceipt({ ...made, fee: null }, { ...checked, fee: null }, counter).fee, null);
});

test("a refund confirmed by a check prints that check's transfer, not the one the window held", () => {
  const confirming = { ...checked, amount: "4999.00", recipientName: "R. Kumar", recipientAccountLast4: "1111" };
  const printable = printableFromReceipt(receiptFromInquiry(confirming), checked, counter);
  assert.equal(printable.txAmount, "4999.00");
  assert.equal(printable.recipientName, "R. Kumar");
  assert.equal(printable.accountLast4, "1111");
  assert.equal(printable.fee, "12.00");
  assert.equal(printable.refundTid, null);
  assert.equal(printable.balance, null);
});

test("without any checked transfer the transfer's lines are empty, not made up", () => {
  const printable = printableFromReceipt(made, null, { counterName: null, agentCode: null });
  assert.deepEqual(
    [printable.txAmount, printable.txTime, printable.recipientName, printable.accountLast4],
    [null, null, null, null],
  );
  assert.equal(printable.counter, null);
  assert.equal(printable.agentCode, null);
});

const journalLine = (outcome: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  at: "2026-03-05T10:01:02.000Z",
  counter: "Counter 3",
  tid: "13192443",
  environment: "uat",
  outcome,
  ...extra,
});

test("History offers a reprint for a refund made, or confirmed by a check after a lost answer, only", () => {
  assert.equal(isRefundLine(journalLine("refund:refunded")), true);
  assert.equal(isRefundLine(journalLine("refund-check:tx_status=4")), true);
  for (const outcome of [
    "refund:wrong-otp",
    "refund-check:tx_status=3",
    "inquiry:tx_status=4",
    "otp-sent",
    "refunded",
  ]) {
    assert.equal(isRefundLine(journalLine(outcome)), false, outcome);
  }
});

test("a reprint prints what the journal kept, with no name and no balance", () => {
  const full = journalLine("refund:refunded", {
    refundTid: "2882594",
    refundedAmount: "5000.00",
    fee: "5.00",
    txAmount: "5000.00",
    txTime: "2026-03-04T05:00:00.000Z",
    accountLast4: "6789",
    agentCode: "20810200",
  });
  assert.deepEqual(printableFromJournal(full), {
    tid: "13192443",
    refundTid: "2882594",
    refundedAmount: "5000.00",
    fee: "5.00",
    refundedAt: "2026-03-05T10:01:02.000Z",
    environment: "uat",
    txAmount: "5000.00",
    txTime: "2026-03-04T05:00:00.000Z",
    recipientName: null,
    accountLast4: "6789",
    counter: "Counter 3",
    agentCode: "20810200",
    balance: null,
  });
  assert.deepEqual(printableFromJournal(journalLine("refund-check:tx_status=4", { counter: null })), {
    tid: "13192443",
    refundTid: null,
    refundedAmount: null,
    fee: null,
    refundedAt: "2026-03-05T10:01:02.000Z",
    environment: "uat",
    txAmount: null,
    txTime: null,
    recipientName: null,
    accountLast4: null,
    counter: null,
    agentCode: null,
    balance: null,
  });
});
