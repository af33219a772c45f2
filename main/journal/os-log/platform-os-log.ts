/**
 * Where each OS keeps the journal's witness, written and read back with its own tools, run as
 * the policy tools are (by absolute path, in the system's environment: policy/sources/system-tools.ts).
 * macOS: the unified log, subsystem in.refunddesk.app, category journal, written by the app's own
 * writer (build/macos/os-log-writer.c, in the packaged app's resources); a checkout has none and
 * uses logger, as Linux does (syslog, tag "refund-desk"). Windows: the Application log under the
 * source "Refund Desk", which the installers register (a standard user may write to an existing
 * source and cannot delete or edit its events).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ToolCall } from "../../policy/sources/run-tool";
import { posixToolCall, powershellCall, windowsSystemRoot, windowsTools } from "../../policy/sources/system-tools";
import { WITNESS_MARKER } from "./witness-record";

const OS_LOG_TAG = "refund-desk";
/** The unified log's subsystem the macOS writer writes under (its category: "journal"). */
export const OS_LOG_SUBSYSTEM = "in.refunddesk.app";
/** The macOS writer in the packaged app's resources folder (electron-builder.yml, mac.extraResources). */
export const MAC_OS_LOG_WRITER = "os-log/refund-desk-os-log";
export const EVENT_SOURCE = "Refund Desk";
const EVENT_ID = 1000;

/** Reads lines from standard input and writes each as an Information event of the app's source. */
const WINDOWS_WRITER = `
while ($null -ne ($line = [Console]::In.ReadLine())) {
  Microsoft.PowerShell.Management\\Write-EventLog -LogName Application -Source '${EVENT_SOURCE}' -EventId ${EVENT_ID} -EntryType Information -Message $line
}`;

const WINDOWS_READER = `
Microsoft.PowerShell.Diagnostics\\Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = '${EVENT_SOURCE}' } -Oldest -ErrorAction SilentlyContinue |
  ForEach-Object { $_.Message }`;

export interface OsLogWriterPlace {
  /** A syslog socket other than the system's, for logger (development and tests). */
  socket?: string | null;
  /** The packaged app's resources folder; null in a checkout, which has no macOS writer. */
  resources?: string | null;
}

/** The long-lived writer for this OS. */
export function osLogWriter(
  platform: NodeJS.Platform,
  { socket = null, resources = null }: OsLogWriterPlace = {},
): ToolCall | null {
  if (platform === "win32") {
    const root = windowsSystemRoot();
    return root ? powershellCall(windowsTools(root), WINDOWS_WRITER) : null;
  }
  if (platform === "darwin" && socket === null && resources !== null) {
    const writer = join(resources, MAC_OS_LOG_WRITER);
    if (existsSync(writer)) return posixToolCall(writer, []);
  }
  // util-linux's logger says nothing of a socket it cannot reach unless asked; macOS's has no such flag.
  const errors = platform === "linux" ? ["--socket-errors=on"] : [];
  // Notice, not info: macOS's unified log keeps info messages in memory only, never on disk.
  return posixToolCall("/usr/bin/logger", [
    ...errors,
    "-t",
    OS_LOG_TAG,
    "-p",
    "user.notice",
    ...(socket ? ["-u", socket] : []),
  ]);
}

/**
 * Why the witness is written less well than it should be, though written: a packaged macOS app
 * without its writer (a build that lost it) falls back to logger, whose lines carry no subsystem,
 * so IT's collection by subsystem misses them. doctor shows it as a warning.
 */
export function osLogWriterShortfall(
  platform: NodeJS.Platform,
  { socket = null, resources = null }: OsLogWriterPlace = {},
): string | null {
  if (platform !== "darwin" || socket !== null || resources === null) return null;
  const writer = join(resources, MAC_OS_LOG_WRITER);
  return existsSync(writer)
    ? null
    : `the app's OS-log writer is missing (${writer}): the journal's witness goes through logger, without the subsystem ${OS_LOG_SUBSYSTEM}`;
}

/** The tool that prints what the OS log kept of the journal, oldest first. */
export function osLogReader(platform: NodeJS.Platform): ToolCall | null {
  if (platform === "win32") {
    const root = windowsSystemRoot();
    return root ? powershellCall(windowsTools(root), WINDOWS_READER) : null;
  }
  if (platform === "darwin")
    return posixToolCall("/usr/bin/log", [
      "show",
      "--style",
      "compact",
      "--info",
      "--last",
      "3650d",
      "--predicate",
      // The app's writer, and logger where a checkout wrote instead.
      `subsystem == "${OS_LOG_SUBSYSTEM}" OR eventMessage CONTAINS "${WITNESS_MARKER}"`,
    ]);
  return posixToolCall("/usr/bin/journalctl", ["--no-pager", "-o", "cat", "-t", OS_LOG_TAG]);
}
