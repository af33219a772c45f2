/**
 * `npm run bench`: the request path, the UI, start-up and footprint, against the simulator on
 * loopback. Prints a table and writes bench/results.json (machine, versions, medians and spread).
 * Targets are reported, never asserted: a miss is a finding for the note, not a red test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { measureBurst } from "./burst";
import { measureFootprint } from "./footprint";
import { measureJournalWitness } from "./journal-witness";
import { measureJournalYears } from "./journal-years";
import { measureRendererStart } from "./renderer-start";
import { measureRequestPath } from "./request-path";
import { measureSigners } from "./signer";
import { measureThroughUi } from "./through-ui";
import { kib } from "./stats";

const quick = process.argv.includes("--quick");

async function main() {
  const started = new Date();
  const requestPath = await measureRequestPath({ requests: quick ? 200 : 2_000, rounds: 5, warmup: 100 });
  const throughUi = await measureThroughUi({ samples: quick ? 20 : 100, warmup: 10 });
  const rendererStart = await measureRendererStart({ rounds: quick ? 3 : 10 });
  const footprint = measureFootprint();
  const burst = await measureBurst({ tids: 200, callers: 20 });
  const journalWitness = await measureJournalWitness({ lines: quick ? 300 : 2_000 });
  const signers = await measureSigners({ signs: quick ? 200 : 2_000, requests: quick ? 100 : 500 });
  const { journal, history } = await measureJournalYears({ years: 3 });

  const results = {
    when: started.toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform}-${process.arch}`,
    },
    versions: {
      node: process.versions.node,
      app: (JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version,
    },
    requestPath,
    throughUi,
    rendererStart,
    footprint,
    burst,
    journalWitness,
    signers,
    journal,
    history,
  };
  writeFileSync(join(__dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const keychain = requestPath.keychainReadMs;
  const rows: Array<[string, string, string]> = [
    [
      "request path p50 (app / bare)",
      `${requestPath.p50Ms.app} / ${requestPath.p50Ms.bare} ms = ×${requestPath.ratioP50}`,
      "≤ ×1.15",
    ],
    [
      "request path p99 (app / bare)",
      `${requestPath.p99Ms.app} / ${requestPath.p99Ms.bare} ms = ×${requestPath.ratioP99}`,
      "",
    ],
    [
      "keychain read (first request of a run)",
      "p50" in keychain ? `p50 ${keychain.p50} ms, p99 ${keychain.p99} ms` : keychain.skipped,
      "reported apart",
    ],
    [
      "Enter → transaction painted (check), p50",
      `${throughUi.check.toPaintMs.p50} ms (bare inquiry ${throughUi.check.bareRequestMs.p50} ms, +${throughUi.check.differenceP50Ms} ms)`,
      "",
    ],
    [
      "Send OTP → otp_ref_id painted, p50",
      `${throughUi.sendOtp.toPaintMs.p50} ms (bare request ${throughUi.sendOtp.bareRequestMs.p50} ms, +${throughUi.sendOtp.differenceP50Ms} ms)`,
      "",
    ],
    [
      "IPC calls per action (check / send OTP / refund)",
      `${throughUi.ipcCallsPerAction.check} / ${throughUi.ipcCallsPerAction.sendOtp} / ${throughUi.ipcCallsPerAction.refund}`,
      "1 each",
    ],
    [
      "one no-op IPC call through the stand-in, p50",
      `${throughUi.ipcRoundTripMs.p50} ms (p99 ${throughUi.ipcRoundTripMs.p99} ms)`,
      "reported apart",
    ],
    [
      "renderer's own work per action, p50 (check / send OTP)",
      `${throughUi.rendererMsPerAction.check} / ${throughUi.rendererMsPerAction.sendOtp} ms`,
      "≤ 8 ms",
    ],
    [
      "renderer first contentful paint",
      `${rendererStart.firstContentfulPaintMs.median} ms (${rendererStart.firstContentfulPaintMs.min}–${rendererStart.firstContentfulPaintMs.max})`,
      "",
    ],
    [
      "bare page first contentful paint (same host)",
      `${rendererStart.bareFirstContentfulPaintMs.median} ms (${rendererStart.bareFirstContentfulPaintMs.min}–${rendererStart.bareFirstContentfulPaintMs.max}): app ×${rendererStart.fcpRatio}`,
      "≤ ×1.5",
    ],
    [
      "tid field usable (focused, typing kept), against the bare page's first paint",
      `${rendererStart.tidUsableMs.median} ms (${rendererStart.tidUsableMs.min}–${rendererStart.tidUsableMs.max}): ×${rendererStart.tidUsableRatio}`,
      "≤ ×2.5",
    ],
    [
      "tid field hydrated (React has taken it over)",
      `${rendererStart.hydratedMs.median} ms (${rendererStart.hydratedMs.min}–${rendererStart.hydratedMs.max})`,
      "",
    ],
    [
      "first screen's JavaScript (raw / gzip)",
      `${kib(rendererStart.bytes.js.initialRaw)} / ${kib(rendererStart.bytes.js.initialGzip)} (${rendererStart.bytes.js.initialGzip} bytes)`,
      "≤ 100 KiB gzip",
    ],
    [
      "all renderer JavaScript (raw / gzip)",
      `${kib(rendererStart.bytes.js.raw)} / ${kib(rendererStart.bytes.js.gzip)} in ${rendererStart.bytes.js.files} files`,
      "",
    ],
    ["renderer CSS (raw / gzip)", `${kib(rendererStart.bytes.css.raw)} / ${kib(rendererStart.bytes.css.gzip)}`, ""],
    [
      "package: app files + production deps",
      `${kib(footprint.appBytes)} + ${kib(footprint.dependencyBytes)} = ${kib(footprint.totalBytes)}`,
      "≤ 3 MiB",
    ],
    [
      "burst: 200 tids, 20 callers",
      `${burst.answered}/${burst.tids} answered, ${burst.duplicatesAtServer} duplicates, ${burst.requestsPerSecond} req/s`,
      "all, none",
    ],
    [
      "burst: main memory (rss / heap)",
      `${burst.memoryBefore.rssMiB}→${burst.memoryAfter.rssMiB} MiB / ${burst.memoryBefore.heapUsedMiB}→${burst.memoryAfter.heapUsedMiB} MiB`,
      "",
    ],
    [
      "journal line, appended (without / with the OS-log witness), p50",
      `${journalWitness.appendUs.without.p50} / ${journalWitness.appendUs.withWitness.p50} µs (+${journalWitness.addedP50Us} µs; ${journalWitness.witnessedLines}/${journalWitness.lines} witnessed)`,
      "",
    ],
    ...signerRows(signers),
    [
      "journal of 3 busy years: `journal verify`, peak RSS / time",
      `${journal.threeYears.verifyRssMiB} MiB / ${journal.threeYears.verifyMs} ms (${journal.threeYears.lines} lines, ${kib(journal.threeYears.bytes)})`,
      "≤ 150 MiB",
    ],
    [
      "journal of 3 busy years: `journal verify --against-os-log` (a syslog file), peak RSS / time",
      `${journal.threeYears.verifyAgainstOsLogRssMiB} MiB / ${journal.threeYears.verifyAgainstOsLogMs} ms (${kib(journal.threeYears.osLogBytes)} of OS log)`,
      "≤ 150 MiB",
    ],
    [
      "journal of 3 busy years: `journal export` (all), peak RSS / time",
      `${journal.threeYears.exportRssMiB} MiB / ${journal.threeYears.exportMs} ms`,
      "≤ 150 MiB",
    ],
    [
      "an IPC call while History exports a year, late by p50 / p99 / max",
      `${history.ipcDuringExportMs.p50} / ${history.ipcDuringExportMs.p99} / ${history.ipcDuringExportMs.max} ms (${history.ipcDuringExportMs.calls} calls; the export ${history.yearExport.ms} ms)`,
      "p99 ≤ 50 ms",
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  console.log(
    `\nRefund Desk benchmark — ${results.machine.cpus} × ${results.machine.cpu}, Node ${results.versions.node}${quick ? " (quick)" : ""}\n`,
  );
  for (const [name, value, target] of rows)
    console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`);
  console.log(`\nwritten: bench/results.json`);
}

/** The signers' rows: keychain against pkcs11 (SoftHSM2), and the slow signer's effect on IPC. */
function signerRows(signers: Awaited<ReturnType<typeof measureSigners>>): Array<[string, string, string]> {
  if ("skipped" in signers) return [["signers (keychain / pkcs11)", signers.skipped ?? "skipped", ""]];
  const { signMs, requestPathMs, slowSigner } = signers;
  return [
    [
      "sign p50 / p99 (keychain | pkcs11 on SoftHSM2)",
      `${signMs.keychain.p50} / ${signMs.keychain.p99} ms | ${signMs.pkcs11.p50} / ${signMs.pkcs11.p99} ms: +${signers.tokenAddsAtP50Ms} ms at p50`,
      "token ≤ +1 ms p50",
    ],
    [
      "OTP request path p50 / p99 (keychain | pkcs11)",
      `${requestPathMs.keychain.p50} / ${requestPathMs.keychain.p99} ms | ${requestPathMs.pkcs11.p50} / ${requestPathMs.pkcs11.p99} ms`,
      "",
    ],
    [
      "IPC call while a 200 ms signer works (p50 / p99 delay)",
      `+${slowSigner.delayAtP50Ms} / +${slowSigner.delayAtP99Ms} ms over ${slowSigner.callsWhileSigning} calls`,
      "≤ 5 ms",
    ],
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
