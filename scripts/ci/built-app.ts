/**
 * Where `electron-builder --dir` leaves the unpacked app on this OS, so the Electron e2e specs,
 * the cold-start benchmark and the fuses check all run the same built app (not `electron .`).
 * REFUND_DESK_APP_EXECUTABLE names another executable (an installed app, for instance).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

export const PRODUCT_NAME = "Refund Desk";
/** package.json's name: electron-builder's executable name on Linux. */
const LINUX_EXECUTABLE = "refund-desk";

export interface BuiltApp {
  /** What electron-builder packaged: the .app bundle on macOS, the unpacked folder elsewhere. */
  bundle: string;
  executable: string;
}

/** electron-builder's output folder for an unpacked build of this platform and arch. */
function unpackedFolder(platform: NodeJS.Platform, arch: string): string {
  if (platform === "win32") return arch === "x64" ? "win-unpacked" : `win-${arch}-unpacked`;
  if (platform === "darwin") return arch === "x64" ? "mac" : `mac-${arch}`;
  return arch === "x64" ? "linux-unpacked" : `linux-${arch}-unpacked`;
}

export function builtApp(
  releaseDir: string,
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): BuiltApp {
  const folder = join(releaseDir, unpackedFolder(platform, arch));
  if (platform === "darwin") {
    const bundle = join(folder, `${PRODUCT_NAME}.app`);
    return { bundle, executable: join(bundle, "Contents", "MacOS", PRODUCT_NAME) };
  }
  return { bundle: folder, executable: join(folder, platform === "win32" ? `${PRODUCT_NAME}.exe` : LINUX_EXECUTABLE) };
}

/** The executable to test: REFUND_DESK_APP_EXECUTABLE, else the unpacked build if it is there. */
export function builtExecutable(releaseDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.REFUND_DESK_APP_EXECUTABLE?.trim();
  if (named) return existsSync(named) ? named : null;
  const { executable } = builtApp(releaseDir);
  return existsSync(executable) ? executable : null;
}
