/**
 * Two processes appending to one journal at once (the window and a CLI command): every line is
 * sealed to the one written just before it, whichever process wrote it, so the chain holds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { JOURNAL_FOLDER } from "./journal";
import { verifyChain } from "./journal-chain";

const LINES_EACH = 300;

/** A child process that appends `LINES_EACH` lines as fast as it can. */
function appender(dataDir: string, who: string, script: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, who], { stdio: "inherit" });
    child.on("exit", resolve);
  });
}

test("two processes appending at once leave one unbroken chain with every line", async () => {
  const dataDir = tempDataDir("journal-race");
  const script = join(tempDataDir("journal-race-script"), "append.ts");
  writeFileSync(
    script,
    `import { createJournal } from ${JSON.stringify(join(__dirname, "journal"))};
const [dataDir, who] = process.argv.slice(2);
const journal = createJournal(dataDir, "C");
for (let i = 0; i < ${LINES_EACH}; i += 1)
  if (!journal.append({ at: new Date(Date.UTC(2026, 2, 5, 10, 0, 0, i)).toISOString(), tid: who + i, environment: "uat", outcome: "otp-sent" }))
    process.exit(3);
journal.close();
`,
  );
  assert.deepEqual(await Promise.all([appender(dataDir, "1", script), appender(dataDir, "2", script)]), [0, 0]);
  const report = await verifyChain(join(dataDir, JOURNAL_FOLDER));
  assert.equal(report.firstBreak, null);
  assert.equal(report.lines, 2 * LINES_EACH);
});
