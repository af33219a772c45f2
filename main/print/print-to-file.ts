/**
 * Print-to-file drivers on a kiosk: a printer that saves instead of printing opens a Save dialog,
 * a file browser on a counter that must not have one, and the receipt never reaches the customer.
 */

/** A printer as Electron's webContents.getPrintersAsync() lists it (PrinterInfo), as plain data. */
export interface PrinterFacts {
  name: string;
  displayName?: string;
  description?: string;
  /**
   * Platform facts. Windows (Chromium's print backend): `printer-make-and-model` is the driver's
   * name, `system_driverinfo` the driver's name, version and product; the port is not given.
   * CUPS (macOS, Linux): `printer-make-and-model`, `printer-info` and `device-uri`, the queue's
   * backend (`file:`, `cups-pdf:` save to a file).
   */
  options?: Record<string, string>;
}

/**
 * Names and drivers that save to a file: Microsoft Print to PDF and any other PDF printer, the
 * XPS Document Writer, OneNote's ("Send to OneNote", "OneNote (Desktop)", "OneNote for Windows 10")
 * and fax.
 */
const FILE_PRINTER_WORDS = /pdf|xps|onenote|\bfax\b/i;
/**
 * CUPS backends that write a file. Windows' ports that ask for one (FILE:, PORTPROMPT:, SHRFAX:)
 * are not in Electron's list; the shipped drivers on them are caught by their names above.
 */
const FILE_BACKEND = /^(?:file|cups-pdf):/i;

/** Why this printer saves to a file instead of printing (which of its names or its port says so), or null. */
export function printsToFile(printer: PrinterFacts): string | null {
  const options = printer.options ?? {};
  const named: Array<[string, string | undefined]> = [
    ["name", printer.name],
    ["displayName", printer.displayName],
    ["description", printer.description],
    ["driver", options["printer-make-and-model"]],
    ["driverInfo", options["system_driverinfo"]],
    ["info", options["printer-info"]],
  ];
  for (const [what, text] of named) if (text && FILE_PRINTER_WORDS.test(text)) return `${what}: ${text}`.slice(0, 100);
  const port = options["device-uri"]?.trim();
  if (port && FILE_BACKEND.test(port)) return `port: ${port}`.slice(0, 100);
  return null;
}

/**
 * The printer a kiosk's receipts would go to, judged: the configured name itself, and the OS's
 * entry for it (matched by name or display name) when the list is known.
 */
export function kioskPrinterProblem(configured: string, printers: readonly PrinterFacts[]): string | null {
  const listed = printers.filter((p) => p.name === configured || p.displayName === configured);
  for (const printer of [{ name: configured }, ...listed]) {
    const reason = printsToFile(printer);
    if (reason) return reason;
  }
  return null;
}
