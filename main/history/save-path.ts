import { lstatSync, realpathSync } from "node:fs";
import { dirname, basename, join, relative, isAbsolute } from "node:path";

/**
 * Why a file must not be saved at `path`, or null. An export (or any save) must never land in the
 * data folder (counter.json, settings.json, the journal), Electron's user-data folder or the install
 * folder: overwriting one of those would change how the next start behaves. Links are resolved
 * first, and a path that already is a link is refused, so a link cannot smuggle a save in.
 */
export function savePathProblem(
  path: string,
  forbidden: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (!isAbsolute(path)) return "not-absolute";
  try {
    if (lstatSync(path).isSymbolicLink()) return "is-a-link";
  } catch {
    // Not there yet: the usual case for a new export.
  }
  let folder: string;
  try {
    folder = realpathSync(dirname(path));
  } catch {
    return "folder-missing";
  }
  const target = join(folder, basename(path));
  // Windows and macOS file systems ignore case by default: compare as they do.
  const fold = (p: string) => (platform === "win32" || platform === "darwin" ? p.toLowerCase() : p);
  for (const root of forbidden) {
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      real = root;
    }
    const rel = relative(fold(real), fold(target));
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) return "protected-folder";
  }
  return null;
}

/** Thrown by a save into a protected folder: history-service turns its code into save-failed. */
export class RefusedSavePath extends Error {
  readonly code: string;
  constructor(reason: string) {
    super(reason);
    this.code = `refused-${reason}`;
  }
}
