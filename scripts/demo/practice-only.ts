/**
 * The demo runs Practice and nothing else: it refuses to start when the settings in force name
 * another environment, and refuses a change of environment while it runs.
 */
import type { DeskPolicy } from "../../app/policy";
import { err } from "../../app/result";
import { IPC_CHANNELS } from "../../app/ipc";
import type { Settings } from "../../app/settings";

/** Why the demo may not start with these settings, or null when it may. */
export function demoRefusal(
  settings: Pick<Settings, "environment">,
  policy: Pick<DeskPolicy, "source">,
): string | null {
  if (settings.environment === "practice") return null;
  const from = policy.source === "machine" ? "the machine-wide policy" : "the settings in the data folder";
  return [
    `The demo runs Practice only, but ${from} choose "${settings.environment}".`,
    "Run it with a data folder of its own (leave REFUND_DESK_HOME unset) and no machine-wide policy naming",
    "another environment; to work with Eko, use the Refund Desk app (npm start).",
  ].join("\n");
}

/** The demo host's answer in place of main's to a change away from Practice; null passes a call on. */
export function keepPractice(channel: string, payload: unknown): unknown {
  if (channel !== IPC_CHANNELS.updateSettings || typeof payload !== "object" || payload === null) return null;
  const environment = (payload as { environment?: unknown }).environment;
  if (environment === undefined || environment === "practice") return null;
  return err({ kind: "invalid-input", field: "environment", reason: "demo-practice-only" });
}
