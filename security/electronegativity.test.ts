/**
 * Electronegativity (Doyensec's Electron security scanner) over the app's own code. Every finding
 * must be explained in electronegativity-reviewed.json; a new one fails the suite until a
 * reviewer fixes it or writes down why it is safe.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const root = join(__dirname, "..");
const reviewed = JSON.parse(readFileSync(join(__dirname, "electronegativity-reviewed.json"), "utf8")) as {
  reviewed: Array<{ check: string; file: string; why: string }>;
};
const electronVersion = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> }
).devDependencies.electron as string;

/**
 * Reads the scanner's SARIF report into (check, file) pairs. SARIF, not CSV: the scanner writes
 * its CSV header and rows with two racing async writes, and under load the header lands over the
 * first row.
 */
export function parseFindings(sarif: string): Array<{ check: string; file: string }> {
  const report = JSON.parse(sarif) as {
    runs: Array<{
      results: Array<{
        ruleId: string;
        locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
      }>;
    }>;
  };
  return report.runs.flatMap((run) =>
    run.results.map((r) => ({
      check: r.ruleId,
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "",
    })),
  );
}

/** The shipped code only: tests and test helpers use fakes that would read as findings. */
function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), "electronegativity-"));
  for (const folder of ["main", "app", "renderer"]) {
    cpSync(join(root, folder), join(stage, folder), {
      recursive: true,
      filter: (path) => !/\.test\.tsx?$/.test(path) && basename(path) !== "test-support",
    });
  }
  cpSync(join(root, "package.json"), join(stage, "package.json"));
  return stage;
}

test("the report parser reads each result's rule and file", () => {
  const sarif = JSON.stringify({
    runs: [
      {
        results: [
          {
            ruleId: "PRELOAD_JS_CHECK",
            locations: [{ physicalLocation: { artifactLocation: { uri: "main/electron/window.ts" } } }],
          },
          { ruleId: "CSP_GLOBAL_CHECK", locations: [] },
        ],
      },
    ],
  });
  assert.deepEqual(parseFindings(sarif), [
    { check: "PRELOAD_JS_CHECK", file: "main/electron/window.ts" },
    { check: "CSP_GLOBAL_CHECK", file: "" },
  ]);
});

test("electronegativity finds nothing that is not reviewed, and every review still applies", () => {
  const stage = stageSources();
  const report = join(stage, "report.sarif");
  try {
    // Its update and translation lookups are answered "offline" at once (see offline-lookups.cjs).
    execFileSync(
      process.execPath,
      [
        "--require",
        join(__dirname, "offline-lookups.cjs"),
        require.resolve("@doyensec/electronegativity/dist/index.js"),
        "-i",
        stage,
        "-r",
        "-o",
        report,
        "-e",
        electronVersion,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const findings = parseFindings(readFileSync(report, "utf8"));
    const isReviewed = (f: { check: string; file: string }) =>
      reviewed.reviewed.some((r) => r.check === f.check && r.file === f.file);
    assert.deepEqual(
      findings.filter((f) => !isReviewed(f)),
      [],
      "unreviewed findings: fix them or explain them in electronegativity-reviewed.json",
    );
    const stale = reviewed.reviewed.filter((r) => !findings.some((f) => f.check === r.check && f.file === r.file));
    assert.deepEqual(stale, [], "reviewed entries that no longer match a finding: remove them");
    for (const entry of reviewed.reviewed) assert.ok(entry.why.length > 40, `${entry.check} needs a real reason`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
});
