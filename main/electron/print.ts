import type { WebContents, WebContentsPrintOptions } from "electron";
import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";

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
