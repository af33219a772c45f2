/**
 * Print-to-file printers judged as Electron lists them. The Windows entries have the shape of
 * Chromium's Windows print backend (printing/backend/print_backend_win.cc, GetBasicPrinterInfo:
 * `printer-location` from pLocation, `printer-make-and-model` from pDriverName, `system_driverinfo`
 * as driver name;version;file version;product, no port) with the printers and drivers a stock
 * Windows 10/11 and Office install; the CUPS ones have the shape of Electron's PrinterInfo example
 * (options from the CUPS destination: `device-uri`, `printer-info`, `printer-make-and-model`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { kioskPrinterProblem, printsToFile, type PrinterFacts } from "./print-to-file";

const windowsDriver = (driver: string, version = "10.0.22621.1") => ({
  "printer-make-and-model": driver,
  system_driverinfo: `${driver};${version};${version} (WinBuild.160101.0800);Microsoft® Windows® Operating System`,
});

/** A Windows 11 counter PC with Office and a USB receipt printer. */
const WINDOWS: PrinterFacts[] = [
  {
    name: "Microsoft Print to PDF",
    displayName: "Microsoft Print to PDF",
    description: "",
    options: windowsDriver("Microsoft Print To PDF"),
  },
  {
    name: "Microsoft XPS Document Writer",
    displayName: "Microsoft XPS Document Writer",
    description: "",
    options: windowsDriver("Microsoft XPS Document Writer v4"),
  },
  {
    name: "OneNote (Desktop)",
    displayName: "OneNote (Desktop)",
    description: "",
    options: windowsDriver("Send to Microsoft OneNote 16 Driver", "16.0.17928.20114"),
  },
  {
    name: "OneNote for Windows 10",
    displayName: "OneNote for Windows 10",
    description: "",
    options: windowsDriver("Microsoft Software Printer Driver"),
  },
  { name: "Fax", displayName: "Fax", description: "", options: windowsDriver("Microsoft Shared Fax Driver") },
  {
    name: "EPSON TM-T82 Receipt",
    displayName: "EPSON TM-T82 Receipt",
    description: "Counter 3 receipt printer",
    options: { ...windowsDriver("EPSON TM-T82 Receipt", "5.8.0.0"), "printer-location": "Counter 3" },
  },
  {
    name: "POS-58",
    displayName: "POS-58",
    description: "",
    options: windowsDriver("Generic / Text Only"),
  },
  {
    name: "\\\\BRANCH-SRV\\HP LaserJet M404",
    displayName: "HP LaserJet M404 on BRANCH-SRV",
    description: "",
    options: {
      ...windowsDriver("HP LaserJet Pro M404-M405 PCL-6 (V4)", "48.3.4593.0"),
      "printer-location": "Back office",
    },
  },
];

/** A Mac (CUPS) with a receipt printer, a label printer, CUPS-PDF and a queue that writes to a file. */
const CUPS: PrinterFacts[] = [
  {
    name: "Star_TSP143",
    displayName: "Star TSP143",
    description: "Star TSP143",
    options: {
      "device-uri": "usb://Star/TSP143%20(STR_T-001)?serial=1234",
      "printer-info": "Star TSP143",
      "printer-make-and-model": "Star TSP143 Cutter",
      "printer-location": "",
    },
  },
  {
    name: "Zebra_LP2844",
    displayName: "Zebra LP2844",
    description: "Zebra LP2844",
    options: {
      "device-uri": "usb://Zebra/LP2844?location=14200000",
      "printer-info": "Zebra LP2844",
      "printer-make-and-model": "Zebra EPL2 Label Printer",
    },
  },
  {
    name: "PDF",
    displayName: "PDF",
    description: "PDF",
    options: { "device-uri": "cups-pdf:/", "printer-make-and-model": "Generic CUPS-PDF Printer (w/ options)" },
  },
  {
    name: "Counter_3",
    displayName: "Counter 3",
    description: "Counter 3",
    options: { "device-uri": "cups-pdf:/", "printer-info": "Counter 3", "printer-make-and-model": "Generic Printer" },
  },
  {
    name: "Receipts",
    displayName: "Receipts",
    description: "Receipts",
    options: { "device-uri": "file:///dev/null", "printer-make-and-model": "Local Raw Printer" },
  },
];

test("Windows: PDF, XPS, both OneNotes and Fax save to a file; the receipt, text-only and network printers print", () => {
  const judged = Object.fromEntries(WINDOWS.map((p) => [p.name, printsToFile(p)]));
  assert.deepEqual(judged, {
    "Microsoft Print to PDF": "name: Microsoft Print to PDF",
    "Microsoft XPS Document Writer": "name: Microsoft XPS Document Writer",
    "OneNote (Desktop)": "name: OneNote (Desktop)",
    "OneNote for Windows 10": "name: OneNote for Windows 10",
    Fax: "name: Fax",
    "EPSON TM-T82 Receipt": null,
    "POS-58": null,
    "\\\\BRANCH-SRV\\HP LaserJet M404": null,
  });
});

test("a print-to-file driver under another name is caught by its driver", () => {
  const renamed = { ...WINDOWS[0], name: "Receipt Printer", displayName: "Receipt Printer" } as PrinterFacts;
  assert.equal(printsToFile(renamed), "driver: Microsoft Print To PDF");
  const fax = { ...WINDOWS[4], name: "Counter 3", displayName: "Counter 3" } as PrinterFacts;
  assert.equal(printsToFile(fax), "driver: Microsoft Shared Fax Driver");
  assert.equal(
    printsToFile({ name: "Receipts", options: { system_driverinfo: "Microsoft XPS Document Writer v4;10.0.22621.1" } }),
    "driverInfo: Microsoft XPS Document Writer v4;10.0.22621.1",
  );
});

test("CUPS: CUPS-PDF and a file: queue save to a file, whatever they are called; USB printers print", () => {
  assert.deepEqual(
    CUPS.map((p) => [p.name, printsToFile(p)]),
    [
      ["Star_TSP143", null],
      ["Zebra_LP2844", null],
      ["PDF", "name: PDF"],
      ["Counter_3", "port: cups-pdf:/"],
      ["Receipts", "port: file:///dev/null"],
    ],
  );
});

test("names are read without regard to case, and fax only as a word", () => {
  assert.match(printsToFile({ name: "CutePDF Writer" }) ?? "", /^name:/);
  assert.match(printsToFile({ name: "Adobe pdf" }) ?? "", /^name:/);
  assert.match(printsToFile({ name: "Send To OneNote 2016" }) ?? "", /^name:/);
  assert.match(printsToFile({ name: "Brother FAX-2840" }) ?? "", /^name:/);
  assert.equal(printsToFile({ name: "Faxonic Thermal 80" }), null);
  assert.equal(printsToFile({ name: "TVS RP3160 Gold" }), null);
});

test("a kiosk's printer: the configured name itself, and the OS's entry for it by name or display name", () => {
  assert.equal(kioskPrinterProblem("EPSON TM-T82 Receipt", WINDOWS), null);
  assert.equal(kioskPrinterProblem("Microsoft Print to PDF", []), "name: Microsoft Print to PDF");
  const renamed: PrinterFacts[] = [
    { name: "Receipt", displayName: "Receipt", options: { "printer-make-and-model": "Microsoft Print To PDF" } },
  ];
  assert.equal(kioskPrinterProblem("Receipt", renamed), "driver: Microsoft Print To PDF");
  assert.equal(kioskPrinterProblem("Counter 3", CUPS), "port: cups-pdf:/");
  assert.equal(kioskPrinterProblem("Star_TSP143", CUPS), null);
  // Not in the list (unplugged, say): only its name is judged.
  assert.equal(kioskPrinterProblem("Star_TSP100", CUPS), null);
});
