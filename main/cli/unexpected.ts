import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "./exit-codes";

/**
 * The unexpected, as a person reads it: one line naming the error's kind and the file its details
 * went to (readable by this account only), exit 70. Never a stack trace on the screen: a message
 * could quote what the command was given.
 */
export function reportUnexpected(
  error: unknown,
  stderr: NodeJS.WritableStream,
  folder: string = join(tmpdir(), "refund-desk-errors"),
  now: () => Date = () => new Date(),
): number {
  const name = error instanceof Error ? error.name : "unknown";
  let where = "";
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, `${now().toISOString().replace(/[:.]/g, "-")}.txt`);
    writeFileSync(file, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`, {
      mode: 0o600,
    });
    where = `; the details are in ${file}`;
  } catch {
    // Nowhere to write them: the one line still says what happened.
  }
  stderr.write(`refund-desk: unexpected failure (${name})${where}\n`);
  return EXIT.internal;
}
