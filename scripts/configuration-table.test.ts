import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_NAMES, cliName } from "../app/setting-fields";
import { NOTES, configurationTable, readmeWithConfigurationTable, valueText } from "./configuration-table";

const README = readFileSync(join(__dirname, "..", "README.md"), "utf8");

test("the README's Configuration table is what the field table generates", () => {
  const table = README.slice(
    README.indexOf("<!-- configuration-table:start"),
    README.indexOf("<!-- configuration-table:end -->"),
  );
  assert.equal(
    `${table}<!-- configuration-table:end -->`,
    configurationTable(),
    "stale: run node --import tsx scripts/configuration-table.ts",
  );
  assert.equal(README, readmeWithConfigurationTable(README));
});

test("every setting has one row stating its bounds and default, and a README without markers is refused", () => {
  const rows = configurationTable()
    .split("\n")
    .filter((line) => line.startsWith("| `"));
  assert.deepEqual(
    rows.map((line) => /^\| `([a-z0-9-]+)` \|/.exec(line)?.[1]),
    SETTING_NAMES.map(cliName),
  );
  const common = { setBy: "anyone", en: "", hi: "" } as const;
  assert.equal(
    valueText({ ...common, kind: { type: "number", min: 2, max: 1200, unit: "months" }, default: 1200 }),
    "2–1200 months, default 1200",
  );
  assert.equal(
    valueText({ ...common, kind: { type: "enum", values: ["a", "b"] }, default: "b" }),
    "`a`, `b` (default)",
  );
  assert.equal(valueText({ ...common, kind: { type: "boolean" }, default: false }), "`on`/`off`, default `off`");
  assert.equal(
    valueText({ ...common, kind: { type: "text", maxLength: 120 }, default: null }),
    "text, up to 120 characters",
  );
  assert.equal(
    valueText({ ...common, kind: { type: "text", maxLength: 32, bytes: true }, default: "k" }),
    "text, up to 32 bytes, default `k`",
  );
  assert.throws(() => readmeWithConfigurationTable("# no table here\n"), /no configuration table markers/);
});

test("the hand-written notes state no bound or default: the value column does, from the field table", () => {
  for (const [name, note] of Object.entries(NOTES)) assert.doesNotMatch(note, /\d+\s*[–-]\s*\d+|\bdefault\b/i, name);
});
