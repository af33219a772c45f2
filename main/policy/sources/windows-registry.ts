/**
 * The two registry keys the Windows policy needs, read by PowerShell through .NET's registry API
 * and printed in ASCII only: names and text values as base64 of their UTF-8 bytes, so neither the
 * console's code page nor the Windows display language can change a character (a Devanagari
 * counter name reads exactly, and no chcp is needed). reg.exe was not kept: it prints in the OEM
 * code page when its output is a pipe, and names the default value in the display language.
 */
const POLICY_SUBKEY = "SOFTWARE\\Policies\\Refund Desk";
/**
 * ProgramData as Windows itself records it: "Common AppData" under Explorer's Shell Folders in
 * HKLM is the expanded path (REG_SZ), kept by the OS and writable by administrators only;
 * %ProgramData% is the account's environment.
 */
const SHELL_FOLDERS_SUBKEY = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders";

/**
 * One line per fact: `<key> absent`, `<key> present`, then `<key> value <kind> <name> <data>`
 * with the kind as .NET names it (String, ExpandString, DWord, …), the name in base64, the data
 * in base64 for text, in decimal for a DWORD (unsigned), empty otherwise. Any error exits 3.
 */
export const REGISTRY_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "trap { [Console]::Error.WriteLine($_); exit 3 }",
  "function Encode([string] $text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text)) }",
  // Straight to standard output: PowerShell's own formatting could pad or wrap a long line.
  "function Say([string] $line) { [Console]::Out.WriteLine($line) }",
  "$hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', 'Registry64')",
  "function Write-Key([string] $label, [string] $path) {",
  "  $key = $hklm.OpenSubKey($path)",
  '  if ($null -eq $key) { Say "$label absent"; return }',
  '  Say "$label present"',
  "  foreach ($name in $key.GetValueNames()) {",
  "    $kind = [string] $key.GetValueKind($name)",
  "    $value = $key.GetValue($name, $null, 'DoNotExpandEnvironmentNames')",
  "    $data = ''",
  "    if ($kind -eq 'String' -or $kind -eq 'ExpandString') { $data = Encode $value }",
  "    if ($kind -eq 'DWord') { $data = [BitConverter]::ToUInt32([BitConverter]::GetBytes([int] $value), 0) }",
  '    Say "$label value $kind $(Encode $name) $data"',
  "  }",
  "}",
  `Write-Key policy '${POLICY_SUBKEY}'`,
  `Write-Key folders '${SHELL_FOLDERS_SUBKEY}'`,
].join("\n");

export interface RegValue {
  type: string;
  data: string;
}

/** A key as read: null when it is not there. */
type RegKey = Map<string, RegValue> | null;

export interface RegistryRead {
  policy: RegKey;
  folders: RegKey;
}

/** .NET's value kinds as the registry's own type names, which admins know from regedit. */
const KIND_TYPES: Record<string, string> = {
  String: "REG_SZ",
  ExpandString: "REG_EXPAND_SZ",
  DWord: "REG_DWORD",
  QWord: "REG_QWORD",
  Binary: "REG_BINARY",
  MultiString: "REG_MULTI_SZ",
  None: "REG_NONE",
  Unknown: "REG_UNKNOWN",
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const LINE = /^(policy|folders) (?:(absent|present)|value ([A-Za-z]+) ([A-Za-z0-9+/=]*) ([A-Za-z0-9+/=]*))$/;

function decode(base64: string): string | null {
  return BASE64.test(base64) && base64.length % 4 === 0 ? Buffer.from(base64, "base64").toString("utf8") : null;
}

/**
 * The script's output read back, or null when any line is not one it prints, a key is reported
 * twice or a value comes before its key: output that cannot be read whole is not believed.
 */
export function parseRegistryOutput(stdout: string): RegistryRead | null {
  const keys = new Map<string, RegKey>();
  for (const line of stdout.split(/\r?\n/)) {
    if (line === "") continue;
    const match = LINE.exec(line);
    if (!match) return null;
    const [, label = "", state, kind, name = "", data = ""] = match;
    if (state) {
      if (keys.has(label)) return null;
      keys.set(label, state === "present" ? new Map() : null);
      continue;
    }
    const values = keys.get(label);
    const type = KIND_TYPES[kind ?? ""];
    const decodedName = decode(name);
    if (!values || !type || decodedName === null) return null;
    const text = type === "REG_SZ" || type === "REG_EXPAND_SZ" ? decode(data) : data;
    if (text === null) return null;
    values.set(decodedName, { type, data: text });
  }
  const policy = keys.get("policy");
  const folders = keys.get("folders");
  return policy === undefined || folders === undefined ? null : { policy, folders };
}
