import { lstatSync, realpathSync, type Stats } from "node:fs";
import { dirname } from "node:path";

export interface PosixTrustDeps {
  /** Owners a policy may come from: root, and in development the developer's own account. */
  trustedUids: readonly number[];
  stat?: (path: string) => Pick<Stats, "uid" | "mode" | "isFile" | "isDirectory">;
  realpath?: (path: string) => string;
}

const STICKY = 0o1000;

/**
 * Why a policy file on macOS or Linux cannot be trusted, or null: it and every folder up to "/"
 * (after links are resolved) must be owned by a trusted account and not writable by group or
 * others, or another account could replace it. A root-owned sticky folder (/tmp) only lets each
 * account rename its own entries, so it does not count as writable by others.
 */
export function posixTrustProblem(path: string, deps: PosixTrustDeps): string | null {
  const stat = deps.stat ?? lstatSync;
  let real: string;
  try {
    real = (deps.realpath ?? realpathSync)(path);
  } catch {
    return "unreadable";
  }
  let current = real;
  for (;;) {
    let info: ReturnType<typeof stat>;
    try {
      info = stat(current);
    } catch {
      return "unreadable";
    }
    const isFile = current === real;
    if (isFile && !info.isFile()) return "not-a-file";
    if (!deps.trustedUids.includes(info.uid)) return isFile ? "not-owned-by-root" : "folder-not-owned-by-root";
    const openToOthers = (info.mode & 0o022) !== 0;
    const stickyRoot = !isFile && info.isDirectory() && (info.mode & STICKY) !== 0 && info.uid === 0;
    if (openToOthers && !stickyRoot) return isFile ? "writable-by-others" : "folder-writable-by-others";
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
