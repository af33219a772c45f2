/**
 * Where the OS's own tools are and the environment they run in, built from the OS and never from
 * this process's variables: %SystemRoot%, PATH and PSModulePath are the account's to set.
 */
import { realpathSync } from "node:fs";
import { win32 } from "node:path";
import type { ToolCall } from "./run-tool";

/**
 * The NT object manager's \SystemRoot link, made by the kernel at boot from where Windows was
 * loaded: no environment variable takes part, and only the OS can create objects in "\".
 */
const SYSTEM_ROOT_LINK = "\\\\?\\GLOBALROOT\\SystemRoot";
/** Where Windows is on every supported install, for a Node that cannot resolve the link. */
const DEFAULT_SYSTEM_ROOT = "C:\\Windows";
/** A local folder by drive letter, each name free of what Windows forbids in names (control characters too). */
const PLAIN_FOLDER = /^[A-Za-z]:(\\[^\\/:*?"<>|\p{Cc}]+)+$/u;

/**
 * The Windows folder: where \SystemRoot resolves (Node's native realpath asks Windows for the
 * final path of the folder it opened), or C:\Windows when the link cannot be opened. Anything
 * but a plain local folder is refused (null), and the caller fails closed.
 */
export function windowsSystemRoot(realpath: (path: string) => string = realpathSync.native): string | null {
  let root: string;
  try {
    root = realpath(SYSTEM_ROOT_LINK);
  } catch {
    return DEFAULT_SYSTEM_ROOT;
  }
  return PLAIN_FOLDER.test(root) ? root : null;
}

export interface WindowsTools {
  system32: string;
  powershell: string;
  whoami: string;
  env: Readonly<Record<string, string>>;
}

/**
 * Libuv gives a Windows child these variables from the parent's environment whenever the
 * environment it is handed lacks them (src/win/process.c, required_vars): each is set here,
 * empty where it would name the account, so none of the account's values reaches a tool.
 */
const ACCOUNT_VARIABLES = ["HOMEDRIVE", "HOMEPATH", "LOGONSERVER", "USERDOMAIN", "USERNAME", "USERPROFILE"] as const;

export function windowsTools(root: string): WindowsTools {
  const system32 = win32.join(root, "System32");
  const powershellHome = win32.join(system32, "WindowsPowerShell", "v1.0");
  const env: Record<string, string> = {
    SystemRoot: root,
    windir: root,
    SystemDrive: root.slice(0, 2),
    PATH: [system32, root, powershellHome].join(";"),
    // Only the modules Windows ships: a module of the same name in Documents is never loaded.
    PSModulePath: win32.join(powershellHome, "Modules"),
    // No module analysis cache: by default it is a file in the account's AppData (NUL turns it off).
    PSModuleAnalysisCachePath: "NUL",
    TEMP: win32.join(root, "Temp"),
  };
  for (const name of ACCOUNT_VARIABLES) env[name] = "";
  return {
    system32,
    powershell: win32.join(powershellHome, "powershell.exe"),
    whoami: win32.join(system32, "whoami.exe"),
    env,
  };
}

/** A Windows tool's run: in the system folder, with the system's environment. */
export function windowsToolCall(tools: WindowsTools, file: string, args: readonly string[]): ToolCall {
  return { file, args, cwd: tools.system32, env: tools.env };
}

/**
 * PowerShell as only Windows installed it: no profile, no prompt, no script files (Restricted),
 * nothing read from standard input, the script passed encoded (UTF-16LE, base64) so no quoting
 * of the command line can change it.
 */
export function powershellCall(tools: WindowsTools, script: string): ToolCall {
  const encoded = Buffer.from(script, "utf16le").toString("base64");
  return windowsToolCall(tools, tools.powershell, [
    "-NoLogo",
    "-NoProfile",
    "-NonInteractive",
    "-ExecutionPolicy",
    "Restricted",
    "-InputFormat",
    "None",
    "-EncodedCommand",
    encoded,
  ]);
}

/** macOS and Linux tools: from /, with a PATH of system folders and nothing else. */
export function posixToolCall(file: string, args: readonly string[]): ToolCall {
  return { file, args, cwd: "/", env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" } };
}
