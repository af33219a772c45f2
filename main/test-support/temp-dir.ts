import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh data folder; under `npm test` it lives in the run's artifacts so the leak scan sees it. */
export function tempDataDir(label: string): string {
  const base = process.env.REFUND_DESK_TEST_ARTIFACTS ?? tmpdir();
  return mkdtempSync(join(base, `${label}-`));
}

/**
 * A folder for what a test hands the app as an admin would (a policy file with a clear PIN, a key
 * file): outside the run's artifacts, so the leak scan judges only what the app itself wrote.
 */
export function inputDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `${label}-`));
}
