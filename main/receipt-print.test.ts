/**
 * Receipts print from main: silently to the named printer; a kiosk without one says so, with no
 * dialog, and a kiosk refuses a printer that saves to a file (its Save dialog is a file browser).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ok } from "../app/result";
import type { PrinterFacts } from "./window-policy/print-to-file";
import { createRefundDesk } from "./refund-desk";
import { memoryKeyStore } from "./test-support/memory-key-store";
import { tempDataDir } from "./test-support/temp-dir";

const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

function desk(policy: Record<string, unknown> | null, printers?: () => Promise<PrinterFacts[]>) {
  const prints: { silent: boolean; deviceName?: string }[] = [];
  let machinePolicyPath: string | null = null;
  if (policy) {
    machinePolicyPath = join(tempDataDir("print-policy"), "policy.json");
    writeFileSync(
      machinePolicyPath,
      JSON.stringify({
        environment: "practice",
        counterName: "Kiosk 3",
        settingsLocked: false,
        adminPinHash: HASH,
        ...policy,
      }),
    );
  }
  const created = createRefundDesk({
    fetch: async () => assert.fail("no request expected"),
    keyStore: memoryKeyStore(),
    dataDir: tempDataDir("print"),
    appOrigin: "test:",
    machinePolicyPath,
    print: async (options) => {
      prints.push(options);
      return ok(undefined);
    },
    ...(printers ? { printers } : {}),
  });
  return { desk: created, prints };
}

test("a kiosk prints silently to the policy's printer, never with a dialog", async () => {
  const { desk: kiosk, prints } = desk({ kioskMode: true, printerName: "EPSON TM-T82 Receipt" });
  try {
    assert.deepEqual(await kiosk.services.printReceipt({}), { ok: true, value: { printer: "EPSON TM-T82 Receipt" } });
    assert.deepEqual(prints, [{ silent: true, deviceName: "EPSON TM-T82 Receipt" }]);
  } finally {
    await kiosk.close();
  }
});

test("a kiosk without a printer says so and prints nothing", async () => {
  const { desk: kiosk, prints } = desk({ kioskMode: true });
  try {
    assert.deepEqual(await kiosk.services.printReceipt({}), { ok: false, error: { kind: "no-printer" } });
    assert.deepEqual(prints, []);
  } finally {
    await kiosk.close();
  }
});

test("outside a kiosk: the settings' printer silently, or the OS dialog when none is set", async () => {
  const { desk: counter, prints } = desk(null);
  try {
    assert.ok((await counter.services.printReceipt({})).ok);
    assert.ok((await counter.services.updateSettings({ printerName: "Front desk" })).ok);
    assert.ok((await counter.services.printReceipt({})).ok);
    assert.deepEqual(prints, [{ silent: false }, { silent: true, deviceName: "Front desk" }]);
  } finally {
    await counter.close();
  }
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
    const { desk: kiosk, prints } = desk({ kioskMode: true, printerName }, async () => LISTED);
    try {
      assert.deepEqual(await kiosk.services.printReceipt({}), {
        ok: false,
        error: { kind: "printer-prints-to-file", details: { cause } },
      });
      assert.deepEqual(prints, [], printerName);
    } finally {
      await kiosk.close();
    }
  }
  const { desk: real, prints } = desk({ kioskMode: true, printerName: "EPSON TM-T82 Receipt" }, async () => LISTED);
  try {
    assert.ok((await real.services.printReceipt({})).ok);
    assert.deepEqual(prints, [{ silent: true, deviceName: "EPSON TM-T82 Receipt" }]);
  } finally {
    await real.close();
  }
});

test("a kiosk whose printer list cannot be read prints nothing (fail closed)", async () => {
  const { desk: kiosk, prints } = desk({ kioskMode: true, printerName: "EPSON TM-T82 Receipt" }, async () => {
    throw new Error("print backend unavailable");
  });
  try {
    assert.deepEqual(await kiosk.services.printReceipt({}), {
      ok: false,
      error: { kind: "print-failed", details: { cause: "printer-list-unreadable" } },
    });
    assert.deepEqual(prints, []);
  } finally {
    await kiosk.close();
  }
});

test("outside a kiosk a PDF printer is the agent's choice: it prints", async () => {
  const { desk: counter, prints } = desk(null, async () => LISTED);
  try {
    assert.ok((await counter.services.updateSettings({ printerName: "Microsoft Print to PDF" })).ok);
    assert.ok((await counter.services.printReceipt({})).ok);
    assert.deepEqual(prints, [{ silent: true, deviceName: "Microsoft Print to PDF" }]);
  } finally {
    await counter.close();
  }
});
