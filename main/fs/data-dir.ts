import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const PRODUCT_FOLDER = "Refund Desk";

/**
 * The override wins (REFUND_DESK_HOME in development and tests, see launch-overrides.ts); created
 * when missing.
 */
export function resolveDataDir(override: string | null, fallback: string): string {
  const dir = override ?? fallback;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The folder Electron's app.getPath("userData") gives, so the CLI and the app share settings. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), PRODUCT_FOLDER);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", PRODUCT_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), PRODUCT_FOLDER);
}
