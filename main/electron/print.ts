import type { WebContents, WebContentsPrintOptions } from "electron";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { PrinterFacts } from "../print/print-to-file";

/** The OS's printers as Electron lists them, their platform facts kept as text. */
export async function listPrinters(contents: WebContents): Promise<PrinterFacts[]> {
  const printers = await contents.getPrintersAsync();
  return printers.map(({ name, displayName, description, options }) => ({
    name,
    displayName,
    description,
    options: Object.fromEntries(
      Object.entries(options).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    ),
  }));
}

/**
 * Prints the window from main: `silent` with `deviceName` sends the receipt straight to the named
 * printer, with no print dialog (a kiosk's only way to print). A cancelled dialog is no failure.
 */
export function printWindow(
  contents: WebContents,
  options: { silent: boolean; deviceName?: string },
): Promise<Result<void, RefundDeskError>> {
  const printOptions: WebContentsPrintOptions = {
    silent: options.silent,
    printBackground: false,
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
  };
  return new Promise((resolve) => {
    contents.print(printOptions, (success, failureReason) => {
      resolve(
        success || failureReason === "cancelled"
          ? ok(undefined)
          : err({ kind: "print-failed", details: { cause: failureReason.slice(0, 100) } }),
      );
    });
  });
}
