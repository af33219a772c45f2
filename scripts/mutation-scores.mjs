// `npm run mutate:scores`: the mutation score of each area from the last full run's report
// (reports/mutation/mutation.json), as the table in docs/mutation.md. Each file counts in the first
// area that names it, so "eko" holds the Eko files that signing, envelope and eko-client do not.
import { readFileSync } from "node:fs";
import { AREAS, filesOf } from "../stryker.config.mjs";

/** The bar: 95 % for the code that signs, reads Eko, sends and refunds; 90 % elsewhere. */
const TARGET = { signing: 95, envelope: 95, "eko-client": 95, refund: 95, ipc: 95 };
const report = process.argv[2] ?? "reports/mutation/mutation.json";
const { files } = JSON.parse(readFileSync(report, "utf8"));

const areaOf = new Map();
for (const [area, { mutate }] of Object.entries(AREAS))
  for (const file of filesOf(mutate)) if (!areaOf.has(file)) areaOf.set(file, area);

const blank = () => ({ files: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 });
const totals = Object.fromEntries([...Object.keys(AREAS), "all"].map((area) => [area, blank()]));
for (const [file, { mutants }] of Object.entries(files)) {
  const area = areaOf.get(file);
  if (area === undefined) continue;
  for (const row of [totals[area], totals.all]) {
    row.files += 1;
    for (const { status } of mutants) {
      if (status === "Killed") row.killed += 1;
      else if (status === "Timeout") row.timeout += 1;
      else if (status === "Survived") row.survived += 1;
      else if (status === "NoCoverage") row.noCoverage += 1;
      else if (status === "CompileError") row.errors += 1;
    }
  }
}

console.log("| Area | Files | Killed (timed out) | Survived | No coverage | Compile errors | Score | Target |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [area, row] of Object.entries(totals)) {
  if (row.files === 0) continue;
  const detected = row.killed + row.timeout;
  const valid = detected + row.survived + row.noCoverage;
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const target = TARGET[area] ?? 90;
  const verdict = score >= target ? `≥ ${target} %` : `**below ${target} %**`;
  console.log(
    `| ${area} | ${row.files} | ${row.killed} (${row.timeout}) | ${row.survived} | ${row.noCoverage} | ${row.errors} | ${score.toFixed(2)} % | ${verdict} |`,
  );
}
