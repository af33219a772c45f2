/** The composition root passes the policy in force to the services it builds. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ok } from "../app/result";
import type { PrintOptions } from "./print/receipt-printer";
import { createRefundDesk } from "./refund-desk";
import { memoryKeyStore } from "./test-support/memory-key-store";
import { tempDataDir } from "./test-support/temp-dir";

const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

test("receipts: a machine policy's kiosk, its printer and the OS's list reach the printing rules; the settings' printer outside a kiosk", async () => {
  const policyPath = join(tempDataDir("root-policy"), "policy.json");
  writeFileSync(
    policyPath,
    JSON.stringify({
      environment: "practice",
      counterName: "Kiosk 3",
      settingsLocked: false,
      adminPinHash: HASH,
      kioskMode: true,
      printerName: "EPSON TM-T82 Receipt",
    }),
  );
  const prints: PrintOptions[] = [];
  const open = (machinePolicyPath: string | null) =>
    createRefundDesk({
      fetch: async () => assert.fail("no request expected"),
      keyStore: memoryKeyStore(),
      dataDir: tempDataDir("root"),
      appOrigin: "test:",
      machinePolicyPath,
      print: async (options) => {
        prints.push(options);
        return ok(undefined);
      },
      // The policy's printer is a PDF driver under a receipt printer's name.
      printers: async () => [
        { name: "EPSON TM-T82 Receipt", options: { "printer-make-and-model": "Microsoft Print To PDF" } },
      ],
    });
  const kiosk = open(policyPath);
  const counter = open(null);
  try {
    assert.deepEqual(await kiosk.services.printReceipt({}), {
      ok: false,
      error: { kind: "printer-prints-to-file", details: { cause: "driver: Microsoft Print To PDF" } },
    });
    assert.ok((await counter.services.updateSettings({ printerName: "Front desk" })).ok);
    assert.ok((await counter.services.printReceipt({})).ok);
    assert.deepEqual(prints, [{ silent: true, deviceName: "Front desk" }]);
  } finally {
    await kiosk.close();
    await counter.close();
  }
});
