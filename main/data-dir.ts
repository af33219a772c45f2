import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const PRODUCT_FOLDER = "Refund Desk";

/** REFUND_DESK_HOME wins (tests and support point it at a folder of their own); created when missing. */
export function resolveDataDir(env: NodeJS.ProcessEnv, fallback: string): string {
  const dir = env.REFUND_DESK_HOME && env.REFUND_DESK_HOME.trim() !== "" ? env.REFUND_DESK_HOME : fallback;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The folder Electron's app.getPath("userData") gives, so the CLI and the app share settings. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), PRODUCT_FOLDER);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", PRODUCT_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), PRODUCT_FOLDER);
}
