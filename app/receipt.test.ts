import { test } from "node:test";
import assert from "node:assert/strict";
import type { JournalEntry } from "./history";
import {
  isRefundLine,
  printableFromJournal,
  printableFromReceipt,
  RECEIPT_COPIES,
  receiptContent,
  receiptLangs,
  receiptOnScreen,
  type ReceiptContent,
} from "./receipt";
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

test("a refund confirmed by a check prints that check's transfer, not the one the window held", () => {
  const confirming = { ...checked, amount: "4999.00", recipientName: "R. Kumar", recipientAccountLast4: "1111" };
  const printable = printableFromReceipt(receiptFromInquiry(confirming), checked, counter);
  assert.equal(printable.txAmount, "4999.00");
  assert.equal(printable.recipientName, "R. Kumar");
  assert.equal(printable.accountLast4, "1111");
  assert.equal(printable.fee, null);
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

const grievanceSetup = { helpline: "1800 123 4567", grievanceContact: "grievance@example.in", rbiGrievance: true };
const noGrievance = { helpline: null, grievanceContact: null, rbiGrievance: false };
const printable = printableFromReceipt(made, checked, counter);
const allRows = (content: ReceiptContent) => [...content.counter, ...content.transfer, ...content.refund];

test("the agent's balance is on the agent's copy only: walked over every copy, every value checked", () => {
  for (const copy of RECEIPT_COPIES) {
    const content = receiptContent(printable, copy, grievanceSetup);
    const balanceRows = allRows(content).filter((row) => row.label === "balance");
    // Nor under another label: the balance's figure appears nowhere on a copy that is not the agent's.
    const withBalanceFigure = allRows(content).filter(
      (row) => row.value.type === "money" && row.value.amount === "123.45",
    );
    if (copy === "agent") {
      assert.deepEqual(balanceRows, [{ label: "balance", value: { type: "money", amount: "123.45" } }]);
    } else {
      assert.deepEqual(balanceRows, [], `the ${copy} copy carries the balance`);
      assert.deepEqual(withBalanceFigure, [], `the ${copy} copy carries the balance's figure`);
    }
  }
});

test("no copy shows a balance Eko did not give, nor one a reprint from the journal never kept", () => {
  for (const copy of RECEIPT_COPIES) {
    const unknown = receiptContent({ ...printable, balance: null }, copy, noGrievance);
    assert.ok(!allRows(unknown).some((row) => row.label === "balance"), copy);
    const reprint = receiptContent(printableFromJournal(journalLine("refund:refunded")), copy, noGrievance);
    assert.ok(!allRows(reprint).some((row) => row.label === "balance"), copy);
  }
});

test("the fee is the one Eko's refund answer gave, never the checked transfer's: without it no fee row, printed or reprinted", () => {
  assert.equal(printableFromReceipt({ ...made, fee: null }, checked, counter).fee, null);
  assert.equal(printableFromReceipt({ ...made, fee: null }, null, counter).fee, null);
  for (const copy of RECEIPT_COPIES) {
    const first = receiptContent(printableFromReceipt({ ...made, fee: null }, checked, counter), copy, noGrievance);
    // The journal keeps only the refund answer's fee, so the reprint of that refund has none either.
    const reprint = receiptContent(printableFromJournal(journalLine("refund:refunded")), copy, noGrievance);
    for (const content of [first, reprint]) assert.ok(!allRows(content).some((row) => row.label === "fee"), copy);
    assert.ok(!allRows(first).some((row) => row.value.type === "money" && row.value.amount === "12.00"), copy);
  }
});

test("the customer's copy says where to complain and to keep it; the agent's has the line the customer signs", () => {
  const customer = receiptContent(printable, "customer", grievanceSetup);
  assert.deepEqual(
    [customer.grievance, customer.keepNote, customer.signLine],
    [{ helpline: "1800 123 4567", grievanceContact: "grievance@example.in", rbi: true }, true, false],
  );
  const agent = receiptContent(printable, "agent", grievanceSetup);
  assert.deepEqual([agent.grievance, agent.keepNote, agent.signLine], [null, false, true]);
  // A counter that gives no contact prints no complaints section at all; RBI's route alone is one.
  assert.equal(receiptContent(printable, "customer", noGrievance).grievance, null);
  assert.deepEqual(
    receiptContent(printable, "customer", { ...noGrievance, helpline: "", rbiGrievance: true }).grievance,
    {
      helpline: null,
      grievanceContact: null,
      rbi: true,
    },
  );
});

test("every copy carries the same transfer and refund facts but the balance, those without a value left out", () => {
  const customer = receiptContent(printable, "customer", noGrievance);
  assert.deepEqual(customer.counter, [
    { label: "counter", value: { type: "text", text: "Counter 3" } },
    { label: "agentCode", value: { type: "text", text: "20810200" } },
  ]);
  assert.deepEqual(customer.transfer, [
    { label: "tid", value: { type: "text", text: "13192443" } },
    { label: "transferTime", value: { type: "date", iso: "2026-03-04T05:00:00.000Z" } },
    { label: "txAmount", value: { type: "money", amount: "5000.00" } },
    { label: "recipient", value: { type: "text", text: "Ravi Kumar" } },
    { label: "account", value: { type: "account-ending", last4: "6789" } },
  ]);
  assert.deepEqual(customer.refund, [
    { label: "refundTid", value: { type: "text", text: "2882594" } },
    { label: "amount", value: { type: "money", amount: "5000.00" } },
    { label: "fee", value: { type: "money", amount: "5.00" } },
    { label: "time", value: { type: "time", iso: "2026-03-05T10:01:00.000Z" } },
  ]);
  const bare = receiptContent(
    printableFromJournal(journalLine("refund-check:tx_status=4", { counter: null })),
    "agent",
    noGrievance,
  );
  assert.deepEqual(bare.counter, []);
  assert.deepEqual(bare.transfer, [{ label: "tid", value: { type: "text", text: "13192443" } }]);
  assert.deepEqual(bare.refund, [{ label: "time", value: { type: "time", iso: "2026-03-05T10:01:02.000Z" } }]);
});

test("a receipt outside production says where it was made: Practice, UAT or a custom server", () => {
  for (const environment of ["practice", "uat", "custom"] as const) {
    assert.equal(receiptContent({ ...printable, environment }, "customer", noGrievance).environment, environment);
  }
  assert.equal(receiptContent(printable, "customer", noGrievance).environment, null);
});

test("on the agent's screen: Eko's refund figures, the balance included", () => {
  assert.deepEqual(receiptOnScreen(made), [
    { label: "tid", value: { type: "text", text: "13192443" } },
    { label: "refundTid", value: { type: "text", text: "2882594" } },
    { label: "amount", value: { type: "money", amount: "5000.00" } },
    { label: "fee", value: { type: "money", amount: "5.00" } },
    { label: "balance", value: { type: "money", amount: "123.45" } },
    { label: "time", value: { type: "time", iso: "2026-03-05T10:01:00.000Z" } },
  ]);
});

test("an amount or balance Eko's refund answer left out is shown as not given, never as 0", () => {
  const rows = receiptOnScreen({ ...made, refundedAmount: null, fee: null, balance: null });
  assert.deepEqual(
    rows.filter((row) => row.label !== "tid" && row.label !== "refundTid" && row.label !== "time"),
    [
      { label: "amount", value: { type: "not-given" } },
      { label: "balance", value: { type: "not-given" } },
    ],
  );
});

test("a refund confirmed by a check: the transfer's amount, and no fee or balance (the check's fee is the transfer's)", () => {
  const rows = receiptOnScreen(receiptFromInquiry(checked));
  assert.deepEqual(
    rows.map((row) => row.label),
    ["tid", "txAmount", "time"],
  );
  assert.deepEqual(rows[1], { label: "txAmount", value: { type: "money", amount: "5000.00" } });
  assert.equal(
    receiptOnScreen({ ...made, fee: null, transaction: checked }).some((row) => row.label === "fee"),
    false,
    "a refund answer without a fee shows none, whatever the transfer's",
  );
  // A check that gave no amount either: nothing is made up, and nothing is "not given" that a check never gives.
  assert.deepEqual(
    receiptOnScreen(receiptFromInquiry({ ...checked, amount: null, fee: null })).map((row) => row.label),
    ["tid", "time"],
  );
});
