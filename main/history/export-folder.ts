import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { writeChunksDurably } from "../fs/durable-file";
import type { SaveFile } from "./history-service";
import { RefusedSavePath, savePathProblem } from "./save-path";

/**
 * Saves exports into one fixed folder without asking: in kiosk mode, and where the app has no save
 * dialog (the test host). The name is the service's own (digits and dashes), never the caller's.
 * The folder itself must not be (in) a protected one.
 */
export function saveIntoFolder(folder: string, forbidden: readonly string[]): SaveFile {
  return async (name, chunks) => {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, name);
    const problem = savePathProblem(path, forbidden);
    if (problem) throw new RefusedSavePath(problem);
    await writeChunksDurably(path, chunks);
    return path;
  };
}

/** Beside the data folder, never in it: `<data folder>-exports`. */
export function defaultExportsDir(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-exports`);
}
