import type { RunTool } from "../policy/sources/run-tool";
import { WINDOWS_TOOLS } from "../policy/sources/windows-sources";

/**
 * Whether this process runs with administrator rights: on Windows, `whoami /groups` lists the
 * High (S-1-16-12288) or System (S-1-16-16384) mandatory level only in an elevated process (a
 * member of Administrators without elevation gets Medium); elsewhere, root. SIDs, not the
 * localized group names.
 */
export function whoamiShowsElevation(stdout: string): boolean {
  return /\bS-1-16-(12288|16384)\b/.test(stdout);
}

export interface ElevationDeps {
  platform: NodeJS.Platform;
  run: RunTool;
  getuid?: () => number;
}

export async function isElevated(deps: ElevationDeps): Promise<boolean> {
  if (deps.platform === "win32") {
    const out = await deps.run(WINDOWS_TOOLS.whoami, ["/groups"]);
    return out.code === 0 && whoamiShowsElevation(out.stdout);
  }
  return deps.getuid?.() === 0;
}
