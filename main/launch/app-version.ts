import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The app's version, from the package.json two folders up: this file's (main/launch/) in a checkout,
 * the bundle's (dist/main/) in app.asar.
 */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "unknown";
  }
}
