/**
 * The dev loop's host process (scripts/dev/dev.ts starts it again whenever main changes, so the
 * services run the code just saved): the demo host on the renderer given, its URL on one line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemoHost } from "../demo/demo-host";

async function serve(rendererRoot: string): Promise<void> {
  const throwaway = mkdtempSync(join(tmpdir(), "refund-desk-dev-"));
  const started = await startDemoHost(throwaway, rendererRoot);
  if (!started.ok) {
    rmSync(throwaway, { recursive: true, force: true });
    process.stderr.write(`refund-desk dev: ${started.refusal}\n`);
    process.exit(2);
  }
  process.stdout.write(`URL ${started.host.url}\n`);
  const stop = () =>
    void started.host.close().finally(() => {
      rmSync(throwaway, { recursive: true, force: true });
      process.exit(0);
    });
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

void serve(process.argv[2] ?? join(__dirname, "..", "..", "dist", "renderer"));
