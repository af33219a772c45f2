import type { RunTool } from "../policy/sources/run-tool";
import { windowsSystemRoot, windowsToolCall, windowsTools } from "../policy/sources/system-tools";

const ADMINISTRATORS = "S-1-5-32-544";
const SYSTEM = "S-1-5-18";
/** whoami's attribute for a group the token may use to be let in (a deny-only group lacks it). */
const ENABLED_GROUP = "Enabled group";

/** Each table whoami printed: its rows cut into the columns its `===` rule marks. */
function whoamiTables(stdout: string): string[][][] {
  const lines = stdout.split(/\r?\n/);
  const tables: string[][][] = [];
  lines.forEach((rule, index) => {
    if (!/^=+( =+)*\s*$/.test(rule)) return;
    const starts = [...rule.matchAll(/=+/g)].map((run) => run.index);
    const rows: string[][] = [];
    for (const line of lines.slice(index + 1)) {
      if (line.trim() === "") break;
      rows.push(starts.map((start, column) => line.slice(start, starts[column + 1]).trim()));
    }
    tables.push(rows);
  });
  return tables;
}

/**
 * Whether `whoami /user /groups` shows a process with administrator rights: it runs as SYSTEM
 * (the user table's SID), or BUILTIN\Administrators is an enabled group of its token (the group
 * table's SID column, and "Enabled group" among its attributes). A High mandatory label alone is
 * not enough: service accounts (an MSSQL service, an IIS app pool, Server Operators over WinRM)
 * run High without being administrators, and an unelevated administrator has the group for deny
 * only. SIDs, not the localized group names; the attribute words are English, so a Windows that
 * prints them in another language reads as not elevated and the PIN is asked (fail closed).
 */
export function whoamiShowsElevation(stdout: string): boolean {
  return whoamiTables(stdout).some((rows) =>
    rows.some((row) =>
      row.length === 2
        ? row[1] === SYSTEM
        : row.length === 4 &&
          row[2] === ADMINISTRATORS &&
          (row[3] ?? "").split(",").some((attribute) => attribute.trim() === ENABLED_GROUP),
    ),
  );
}

export interface ElevationDeps {
  platform: NodeJS.Platform;
  run: RunTool;
  getuid?: () => number;
  /** The Windows folder whose whoami is asked; learnt from the OS when not given (tests give it). */
  windowsRoot?: string | null;
}

/** On Windows whoami decides (an unknown Windows folder is no proof); elsewhere, root. */
export async function isElevated(deps: ElevationDeps): Promise<boolean> {
  if (deps.platform === "win32") {
    const root = deps.windowsRoot === undefined ? windowsSystemRoot() : deps.windowsRoot;
    if (root === null) return false;
    const tools = windowsTools(root);
    const out = await deps.run(windowsToolCall(tools, tools.whoami, ["/user", "/groups"]));
    return out.code === 0 && whoamiShowsElevation(out.stdout);
  }
  return deps.getuid?.() === 0;
}
