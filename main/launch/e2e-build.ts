import { readFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_BUILD_MARK } from "./launch-switches";

/** Whether the packaged app is the e2e build: its package.json (inside app.asar) carries the mark. */
export function isE2eBuild(
  appPath: string,
  read: (path: string) => string = (path) => readFileSync(path, "utf8"),
): boolean {
  try {
    const manifest = JSON.parse(read(join(appPath, "package.json"))) as Record<string, unknown>;
    return manifest[E2E_BUILD_MARK] === true;
  } catch {
    return false;
  }
}
