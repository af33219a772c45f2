/**
 * The receipt's printing rules: which printer, with or without a dialog, what a kiosk refuses, and
 * the journal line of a reprint. Electron's printing is passed in, so the rules run under Node.
 */
import type { RefundDeskError } from "../../app/errors";
import type { Environment } from "../../app/settings";
import { err, ok, type Result } from "../../app/result";
import { parseTid } from "../../app/tid";
import type { Journal } from "../journal/journal";
import { kioskPrinterProblem, type PrinterFacts } from "./print-to-file";

export type PrintOptions = { silent: boolean; deviceName?: string };

export interface ReceiptPrinterDeps {
  /** A kiosk prints only to its named, real printer, never through a dialog. */
  kioskMode: boolean;
  /** The printer in the settings in force, read at each print; null when none is set. */
  printerName: () => string | null;
  environment: () => Environment;
  /** Prints the window (webContents.print); absent: printing is not available here. */
  print?: (options: PrintOptions) => Promise<Result<void, RefundDeskError>>;
  /** The OS's printers (webContents.getPrintersAsync); absent: none listed. */
  printers?: () => Promise<PrinterFacts[]>;
  journal: Pick<Journal, "append">;
  /** Eko's time, as the journal's other lines are stamped. */
  now: () => number;
}

export interface ReceiptPrinter {
  print(): Promise<Result<{ printer: string | null }, RefundDeskError>>;
  recordReprint(rawTid: unknown): Promise<Result<{ at: string }, RefundDeskError>>;
}

export function createReceiptPrinter(deps: ReceiptPrinterDeps): ReceiptPrinter {
  /**
   * A kiosk prints only to a real printer: one that saves to a file would open a Save dialog. When
   * the OS's list cannot be read, nothing is printed (fail closed).
   */
  async function printsToFile(printer: string): Promise<RefundDeskError | null> {
    let listed: PrinterFacts[];
    try {
      listed = deps.printers ? await deps.printers() : [];
    } catch {
      return { kind: "print-failed", details: { cause: "printer-list-unreadable" } };
    }
    const problem = kioskPrinterProblem(printer, listed);
    return problem ? { kind: "printer-prints-to-file", details: { cause: problem } } : null;
  }

  return {
    async print() {
      const printer = deps.printerName();
      if (!printer && deps.kioskMode) return err({ kind: "no-printer" });
      if (printer && deps.kioskMode) {
        const refused = await printsToFile(printer);
        if (refused) return err(refused);
      }
      if (!deps.print) return err({ kind: "print-failed", details: { cause: "no-printing-here" } });
      // Named printer: straight to it, no dialog. None, outside a kiosk: the OS print dialog.
      const printed = await deps.print(printer ? { silent: true, deviceName: printer } : { silent: false });
      return printed.ok ? ok({ printer }) : printed;
    },
    async recordReprint(rawTid) {
      const tid = parseTid(rawTid);
      if (!tid.ok) return tid;
      const at = new Date(deps.now()).toISOString();
      const outcome = "reprint:printed";
      // A copy of a receipt is printed only with its line: one the journal cannot take is not printed.
      if (!deps.journal.append({ at, tid: tid.value, environment: deps.environment(), outcome }))
        return err({ kind: "not-journaled", step: "reprint", tid: tid.value, outcome, details: { cause: "journal" } });
      return ok({ at });
    },
  };
}
