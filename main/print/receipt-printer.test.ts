/**
 * Receipts print from main: silently to the named printer; a kiosk without one says so, with no
 * dialog, and a kiosk refuses a printer that saves to a file (its Save dialog is a file browser).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../../app/messages/catalogues";
import { describeError } from "../../app/messages/describe-error";
import { ok } from "../../app/result";
import type { JournalRecord } from "../journal/journal";
import type { PrinterFacts } from "./print-to-file";
import { createReceiptPrinter, type PrintOptions } from "./receipt-printer";

function printer(kioskMode: boolean, printerName: string | null, printers?: () => Promise<PrinterFacts[]>) {
  const prints: PrintOptions[] = [];
  const lines: JournalRecord[] = [];
  const receipts = createReceiptPrinter({
    kioskMode,
    printerName: () => printerName,
    environment: () => "practice",
    journal: {
      append: (line) => {
        lines.push(line);
        return true;
      },
    },
    now: () => Date.UTC(2026, 11, 7, 9, 30),
    print: async (options) => {
      prints.push(options);
      return ok(undefined);
    },
    ...(printers ? { printers } : {}),
  });
  return { receipts, prints, lines };
}

test("a kiosk prints silently to the policy's printer, never with a dialog", async () => {
  const { receipts, prints } = printer(true, "EPSON TM-T82 Receipt");
  assert.deepEqual(await receipts.print(), { ok: true, value: { printer: "EPSON TM-T82 Receipt" } });
  assert.deepEqual(prints, [{ silent: true, deviceName: "EPSON TM-T82 Receipt" }]);
});

test("a kiosk without a printer says so and prints nothing", async () => {
  const { receipts, prints } = printer(true, null);
  assert.deepEqual(await receipts.print(), { ok: false, error: { kind: "no-printer" } });
  assert.deepEqual(prints, []);
});

test("outside a kiosk: the settings' printer silently, or the OS dialog when none is set", async () => {
  const none = printer(false, null);
  assert.deepEqual(await none.receipts.print(), { ok: true, value: { printer: null } });
  const named = printer(false, "Front desk");
  assert.ok((await named.receipts.print()).ok);
  assert.deepEqual([...none.prints, ...named.prints], [{ silent: false }, { silent: true, deviceName: "Front desk" }]);
});

test("where nothing can print, the receipt is print-failed, not a silent success", async () => {
  const receipts = createReceiptPrinter({
    kioskMode: false,
    printerName: () => null,
    environment: () => "practice",
    journal: { append: () => true },
    now: Date.now,
  });
  assert.deepEqual(await receipts.print(), {
    ok: false,
    error: { kind: "print-failed", details: { cause: "no-printing-here" } },
  });
});

/** The OS's list as Electron gives it on Windows: a renamed PDF printer beside a real receipt printer. */
const LISTED: PrinterFacts[] = [
  {
    name: "Receipt",
    displayName: "Receipt",
    description: "",
    options: { "printer-make-and-model": "Microsoft Print To PDF" },
  },
  {
    name: "EPSON TM-T82 Receipt",
    displayName: "EPSON TM-T82 Receipt",
    description: "",
    options: { "printer-make-and-model": "EPSON TM-T82 Receipt" },
  },
];

test("a kiosk refuses a print-to-file printer, by its name or by the OS's driver, and prints nothing", async () => {
  for (const [printerName, cause] of [
    ["Microsoft Print to PDF", "name: Microsoft Print to PDF"],
    ["OneNote (Desktop)", "name: OneNote (Desktop)"],
    ["Receipt", "driver: Microsoft Print To PDF"],
  ] as const) {
    const { receipts, prints } = printer(true, printerName, async () => LISTED);
    assert.deepEqual(await receipts.print(), {
      ok: false,
      error: { kind: "printer-prints-to-file", details: { cause } },
    });
    assert.deepEqual(prints, [], printerName);
  }
  const { receipts, prints } = printer(true, "EPSON TM-T82 Receipt", async () => LISTED);
  assert.ok((await receipts.print()).ok);
  assert.deepEqual(prints, [{ silent: true, deviceName: "EPSON TM-T82 Receipt" }]);
});

test("a kiosk whose printer list cannot be read prints nothing (fail closed)", async () => {
  const { receipts, prints } = printer(true, "EPSON TM-T82 Receipt", async () => {
    throw new Error("print backend unavailable");
  });
  assert.deepEqual(await receipts.print(), {
    ok: false,
    error: { kind: "print-failed", details: { cause: "printer-list-unreadable" } },
  });
  assert.deepEqual(prints, []);
});

test("outside a kiosk a PDF printer is the agent's choice: it prints", async () => {
  const { receipts, prints } = printer(false, "Microsoft Print to PDF", async () => LISTED);
  assert.ok((await receipts.print()).ok);
  assert.deepEqual(prints, [{ silent: true, deviceName: "Microsoft Print to PDF" }]);
});

test("a reprint is a journal line at Eko's time; a tid that is not one is refused and writes nothing", async () => {
  const { receipts, lines } = printer(false, null);
  assert.deepEqual(await receipts.recordReprint("2882"), { ok: true, value: { at: "2026-12-07T09:30:00.000Z" } });
  assert.deepEqual(lines, [
    { at: "2026-12-07T09:30:00.000Z", tid: "2882", environment: "practice", outcome: "reprint:printed" },
  ]);
  const refused = await receipts.recordReprint("not a tid");
  assert.equal(refused.ok, false);
  assert.equal(lines.length, 1);
});

test("a reprint the journal cannot take is refused as not-journaled, so no copy prints without its line", async () => {
  const receipts = createReceiptPrinter({
    kioskMode: false,
    printerName: () => null,
    environment: () => "practice",
    journal: { append: () => false },
    now: () => Date.UTC(2026, 11, 7, 9, 30),
    print: async () => ok(undefined),
  });
  const refused = await receipts.recordReprint("2882");
  if (refused.ok) return assert.fail("a reprint without its line was allowed");
  assert.deepEqual(refused.error, {
    kind: "not-journaled",
    step: "reprint",
    tid: "2882",
    outcome: "reprint:printed",
    details: { cause: "journal" },
  });
  assert.match(describeError(refused.error, "en").title, /^The receipt for transaction 2882 was not printed again/);
  await loadCatalogue("hi");
  assert.match(describeError(refused.error, "hi").title, /रसीद दोबारा प्रिंट नहीं हुई/);
});
