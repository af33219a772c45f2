import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh data folder; under `npm test` it lives in the run's artifacts so the leak scan sees it. */
export function tempDataDir(label: string): string {
  const base = process.env.REFUND_DESK_TEST_ARTIFACTS ?? tmpdir();
  return mkdtempSync(join(base, `${label}-`));
}
