import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeFileDurably } from "../fs/durable-file";
import type { SaveFile } from "./history-service";

/**
 * Saves exports into one folder without asking: where the app has no save dialog (the CLI, the
 * test host). The name is the service's own (digits and dashes), never the caller's.
 */
export function saveIntoFolder(folder: string): SaveFile {
  return async (name, text) => {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, name);
    writeFileDurably(path, text);
    return path;
  };
}
