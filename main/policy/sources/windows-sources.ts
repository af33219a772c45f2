import { win32 } from "node:path";
import { PRODUCT_FOLDER } from "../../fs/data-dir";
import { policyFileState, readJsonSource } from "./json-source";
import { listsPolicyKey, parseRegQuery, POLICY_KEY, registryPolicyValues } from "./reg-query";
import type { RunTool } from "./run-tool";
import type { SourceRead } from "./source-read";
import { windowsTrustProblem } from "./sddl";

/**
 * The tools by absolute path: %SystemRoot% and PATH come from the account's environment, which
 * could point them at look-alikes. A Windows folder elsewhere than C:\Windows fails closed.
 */
export const WINDOWS_TOOLS = {
  cmd: "C:\\Windows\\System32\\cmd.exe",
  reg: "C:\\Windows\\System32\\reg.exe",
  powershell: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  whoami: "C:\\Windows\\System32\\whoami.exe",
} as const;

/**
 * ProgramData as Windows itself records it: "Common AppData" under Explorer's Shell Folders in
 * HKLM is the expanded path (REG_SZ), kept by the OS and writable by administrators only. The
 * ProfileList ProgramData value is REG_EXPAND_SZ (%SystemDrive%\ProgramData), which would need the
 * environment to expand, and %ProgramData% is the environment itself.
 */
const SHELL_FOLDERS = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders";

/** reg.exe prints in the console's code page; UTF-8 keeps Devanagari counter names intact. */
function regQuery(run: RunTool, args: string) {
  return run(WINDOWS_TOOLS.cmd, ["/d", "/s", "/c", `"chcp 65001 >nul && "${WINDOWS_TOOLS.reg}" query ${args}"`], {
    verbatim: true,
  });
}

export async function readRegistrySource(run: RunTool): Promise<SourceRead> {
  // Whether the key exists, from its parent's list of subkeys: reg's "not found" text is localized.
  const parent = await regQuery(run, '"HKLM\\SOFTWARE\\Policies"');
  if (parent.code !== 0) return { state: "broken", origin: POLICY_KEY, reason: "registry-unreadable" };
  if (!listsPolicyKey(parent.stdout)) return { state: "absent" };
  const key = await regQuery(run, `"${POLICY_KEY}"`);
  if (key.code !== 0) return { state: "broken", origin: POLICY_KEY, reason: "registry-unreadable" };
  return { state: "found", origin: POLICY_KEY, values: registryPolicyValues(parseRegQuery(key.stdout)) };
}

async function programDataFolder(run: RunTool): Promise<string | null> {
  const out = await regQuery(run, `"${SHELL_FOLDERS}" /v "Common AppData"`);
  if (out.code !== 0) return null;
  const value = parseRegQuery(out.stdout).get("Common AppData");
  return value && value.type === "REG_SZ" && win32.isAbsolute(value.data) ? value.data : null;
}

/** Windows path rules; tests on another OS pass their own, to use real files. */
export type WindowsPaths = Pick<typeof win32, "join" | "dirname">;

export function windowsPolicyFile(programData: string, paths: WindowsPaths = win32): string {
  return paths.join(programData, PRODUCT_FOLDER, "policy.json");
}

/** Get-Acl's SDDL for the file, then its folder: one line each. */
async function readAclSddl(run: RunTool, file: string, paths: WindowsPaths = win32): Promise<[string, string] | null> {
  const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;
  const script = `(Get-Acl -LiteralPath ${quote(file)}).Sddl; (Get-Acl -LiteralPath ${quote(paths.dirname(file))}).Sddl`;
  const out = await run(WINDOWS_TOOLS.powershell, ["-NoProfile", "-NonInteractive", "-Command", script]);
  const lines = out.stdout.split(/\r?\n/).filter((line) => line.trim() !== "");
  return out.code === 0 && lines.length === 2 ? [lines[0] as string, lines[1] as string] : null;
}

export async function readWindowsJsonSource(run: RunTool, paths: WindowsPaths = win32): Promise<SourceRead> {
  const programData = await programDataFolder(run);
  if (!programData) return { state: "broken", origin: "ProgramData", reason: "program-data-unknown" };
  const file = windowsPolicyFile(programData, paths);
  const present = policyFileState(file);
  if (present !== "present") return present;
  // Who may write the file and its folder, before a byte of it is believed.
  const sddl = await readAclSddl(run, file, paths);
  const verdict = sddl ? (windowsTrustProblem(sddl[0]) ?? folderProblem(sddl[1])) : "permissions-unreadable";
  return readJsonSource(file, () => verdict);
}

function folderProblem(sddl: string): string | null {
  const problem = windowsTrustProblem(sddl);
  return problem ? `folder-${problem}` : null;
}

export async function readWindowsSources(run: RunTool, paths: WindowsPaths = win32): Promise<SourceRead[]> {
  return [await readRegistrySource(run), await readWindowsJsonSource(run, paths)];
}
