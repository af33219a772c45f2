import { win32 } from "node:path";
import { PRODUCT_FOLDER } from "../../fs/data-dir";
import { policyFileState, readJsonSource } from "./json-source";
import { POLICY_KEY, registryPolicyValues } from "./registry-values";
import type { RunTool } from "./run-tool";
import { windowsTrustProblem } from "./sddl";
import type { SourceRead } from "./source-read";
import { powershellCall, windowsTools, type WindowsTools } from "./system-tools";
import { parseRegistryOutput, REGISTRY_SCRIPT, type RegistryRead } from "./windows-registry";

/** Windows path rules; tests on another OS pass their own, to use real files. */
export type WindowsPaths = Pick<typeof win32, "join" | "dirname" | "isAbsolute">;

export function windowsPolicyFile(programData: string, paths: WindowsPaths = win32): string {
  return paths.join(programData, PRODUCT_FOLDER, "policy.json");
}

async function readRegistry(run: RunTool, tools: WindowsTools): Promise<RegistryRead | null> {
  const out = await run(powershellCall(tools, REGISTRY_SCRIPT));
  return out.code === 0 ? parseRegistryOutput(out.stdout) : null;
}

function registrySource(registry: RegistryRead | null): SourceRead {
  if (!registry) return { state: "broken", origin: POLICY_KEY, reason: "registry-unreadable" };
  if (!registry.policy) return { state: "absent" };
  return { state: "found", origin: POLICY_KEY, values: registryPolicyValues(registry.policy) };
}

function programDataFolder(registry: RegistryRead | null, paths: WindowsPaths): string | null {
  const value = registry?.folders?.get("Common AppData");
  return value && value.type === "REG_SZ" && paths.isAbsolute(value.data) ? value.data : null;
}

/** A single-quoted PowerShell string: only the quote itself is special, and it is doubled. */
function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Get-Acl's SDDL for the file, then its folder: one line each. */
async function readAclSddl(
  run: RunTool,
  tools: WindowsTools,
  file: string,
  paths: WindowsPaths,
): Promise<[string, string] | null> {
  const script = [
    "$ErrorActionPreference = 'Stop'",
    `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath ${quoted(file)}).Sddl)`,
    `[Console]::Out.WriteLine((Microsoft.PowerShell.Security\\Get-Acl -LiteralPath ${quoted(paths.dirname(file))}).Sddl)`,
  ].join("\n");
  const out = await run(powershellCall(tools, script));
  const lines = out.stdout.split(/\r?\n/).filter((line) => line.trim() !== "");
  return out.code === 0 && lines.length === 2 ? [lines[0] as string, lines[1] as string] : null;
}

function folderProblem(sddl: string): string | null {
  const problem = windowsTrustProblem(sddl);
  return problem ? `folder-${problem}` : null;
}

async function readProgramDataSource(
  run: RunTool,
  tools: WindowsTools,
  registry: RegistryRead | null,
  paths: WindowsPaths,
): Promise<SourceRead> {
  const programData = programDataFolder(registry, paths);
  if (!programData) return { state: "broken", origin: "ProgramData", reason: "program-data-unknown" };
  const file = windowsPolicyFile(programData, paths);
  const present = policyFileState(file);
  if (present !== "present") return present;
  // Who may write the file and its folder, before a byte of it is believed.
  const sddl = await readAclSddl(run, tools, file, paths);
  const verdict = sddl ? (windowsTrustProblem(sddl[0]) ?? folderProblem(sddl[1])) : "permissions-unreadable";
  return readJsonSource(file, () => verdict);
}

/**
 * The registry key, then ProgramData's policy.json, with the tools of the Windows folder at
 * `systemRoot` (null when it is not known: both sources fail closed).
 */
export async function readWindowsSources(
  run: RunTool,
  systemRoot: string | null,
  paths: WindowsPaths = win32,
): Promise<SourceRead[]> {
  if (systemRoot === null) {
    const unknown: SourceRead = { state: "broken", origin: "SystemRoot", reason: "system-folder-unknown" };
    return [unknown];
  }
  const tools = windowsTools(systemRoot);
  const registry = await readRegistry(run, tools);
  return [registrySource(registry), await readProgramDataSource(run, tools, registry, paths)];
}
