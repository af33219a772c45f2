import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PRACTICE_LIST } from "../main/simulator/scenarios";
import { practiceTable, readmeWithPracticeTable } from "./practice-table";

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");

test("the README's Practice table is what the simulator's Practice list generates", () => {
  const table = README.slice(
    README.indexOf("<!-- practice-table:start"),
    README.indexOf("<!-- practice-table:end -->"),
  );
  assert.equal(
    `${table}<!-- practice-table:end -->`,
    practiceTable(),
    "stale: run node --import tsx scripts/practice-table.ts",
  );
  assert.equal(README, readmeWithPracticeTable(README));
});

test("the table has a row for every tid of the app's Practice list, and a README without markers is refused", () => {
  const table = readmeWithPracticeTable(README);
  for (const { tid } of PRACTICE_LIST) assert.match(table, new RegExp(`^\\| ${tid} \\|`, "m"), tid);
  assert.throws(() => readmeWithPracticeTable("# no table here\n"), /no practice table markers/);
});
