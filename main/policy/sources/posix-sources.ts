import { posix } from "node:path";
import { withoutPayloadKeys } from "./apple-payload-keys";
import { parsedSource, policyFileState, readJsonSource } from "./json-source";
import { posixTrustProblem, type PosixTrustDeps } from "./posix-trust";
import type { RunTool } from "./run-tool";
import type { SourceRead } from "./source-read";
import { posixToolCall } from "./system-tools";

/** The app's bundle id (electron-builder.yml appId): the managed preferences' domain. */
export const BUNDLE_ID = "in.refunddesk.app";
const MANAGED_PREFERENCES = posix.join("/Library/Managed Preferences", `${BUNDLE_ID}.plist`);
const PLUTIL = "/usr/bin/plutil";

export const POSIX_POLICY_FILES = {
  darwin: "/Library/Application Support/Refund Desk/policy.json",
  linux: "/etc/refund-desk/policy.json",
} as const;

/** Where the macOS and Linux sources are; tests place real files elsewhere. */
export interface PosixPolicyPaths {
  managedPreferences: string;
  darwin: string;
  linux: string;
}

export const POSIX_POLICY_PATHS: PosixPolicyPaths = { managedPreferences: MANAGED_PREFERENCES, ...POSIX_POLICY_FILES };

/**
 * Managed preferences (written by an MDM profile) through plutil, which reads every plist format;
 * Apple's payload keys beside the policy are set aside, every other key goes to the schema.
 */
export async function readManagedPreferences(run: RunTool, trust: PosixTrustDeps, path: string): Promise<SourceRead> {
  const present = policyFileState(path);
  if (present !== "present") return present;
  const untrusted = posixTrustProblem(path, trust);
  if (untrusted) return { state: "broken", origin: path, reason: untrusted };
  const out = await run(posixToolCall(PLUTIL, ["-convert", "json", "-o", "-", path]));
  if (out.code !== 0) return { state: "broken", origin: path, reason: "not-a-plist" };
  const read = parsedSource(path, out.stdout);
  return read.state === "found" ? { ...read, values: withoutPayloadKeys(read.values) } : read;
}

export function readPosixJsonSource(path: string, trust: PosixTrustDeps): SourceRead {
  return readJsonSource(path, () => posixTrustProblem(path, trust));
}
