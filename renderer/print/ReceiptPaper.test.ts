/**
 * The paper writes what receiptContent decides (app/receipt.test.ts holds the rules): rendered to
 * markup under Node, the customer's copy has no balance line and the agent's has it, in each language.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import React, { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { PrintableRefund, ReceiptSetup } from "../../app/receipt";
import { translator } from "../i18n";
import { ReceiptPaper } from "./ReceiptPaper";

const refund: PrintableRefund = {
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
  balance: "98765.43",
};

const setup: ReceiptSetup = {
  paperSize: "58mm",
  languages: "both",
  agentCopy: true,
  helpline: "1800 123 4567",
  grievanceContact: null,
  rbiGrievance: true,
  counterName: "Counter 3",
  agentCode: "20810200",
};

// tsx compiles .tsx under Node with the classic JSX runtime (the root tsconfig.json names no `jsx`),
// which calls a global React; the app's bundle (esbuild) uses the automatic runtime.
Object.assign(globalThis, { React });

test("on paper, the balance is on the agent's copy only, in English and Hindi", () => {
  for (const lang of ["en", "hi"] as const) {
    const balanceLabel = translator(lang)("receipt.balance");
    const paper = (copy: "customer" | "agent") =>
      renderToStaticMarkup(createElement(ReceiptPaper, { refund, copy, langs: [lang], setup, duplicateAt: null }));
    const customer = paper("customer");
    const agent = paper("agent");
    assert.match(agent, /98,765\.43/, lang);
    assert.ok(agent.includes(`<dt>${balanceLabel}</dt>`), lang);
    assert.doesNotMatch(customer, /98,765\.43|98765/, lang);
    assert.ok(!customer.includes(`<dt>${balanceLabel}</dt>`), lang);
    // The rest of the refund is on both.
    for (const markup of [customer, agent]) assert.match(markup, /2882594/, lang);
    assert.match(customer, /data-testid="paper-grievance"/);
    assert.match(agent, /data-testid="paper-sign"/);
  }
});
