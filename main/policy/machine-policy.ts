import type { PolicyFieldError, PolicyProblem } from "../../app/policy";
import { DEFAULT_SCRYPT, needsRehash, parsePinHash } from "../admin/pin-hash";
import { validatePolicy, type ValidPolicy } from "./policy";
import { readJsonSource } from "./sources/json-source";
import {
  POSIX_POLICY_FILES,
  POSIX_POLICY_PATHS,
  readManagedPreferences,
  readPosixJsonSource,
  type PosixPolicyPaths,
} from "./sources/posix-sources";
import type { PosixTrustDeps } from "./sources/posix-trust";
import type { RunTool } from "./sources/run-tool";
import type { SourceRead } from "./sources/source-read";
import { windowsSystemRoot } from "./sources/system-tools";
import { readWindowsSources, windowsPolicyFile, type WindowsPaths } from "./sources/windows-sources";

export type MachinePolicy =
  | { state: "none" }
  | { state: "applied"; path: string; valid: ValidPolicy }
  /** Found but not usable: the counter locks (fail closed) and shows the admin why. */
  | { state: "failed"; problem: PolicyProblem };

/**
 * One policy from its sources, the first (registry, managed preferences) winning field by field
 * over the later (policy.json). Any source that is there but broken fails the whole policy: a
 * damaged or untrusted source must lock the counter, never quietly leave it open.
 */
export function combineSources(reads: SourceRead[]): MachinePolicy {
  const broken = reads.filter((read): read is Extract<SourceRead, { state: "broken" }> => read.state === "broken");
  if (broken.length > 0) {
    return {
      state: "failed",
      problem: {
        path: broken.map((read) => read.origin).join(" + "),
        errors: broken.map((read) => fileError(read.reason)),
      },
    };
  }
  const found = reads.filter((read): read is Extract<SourceRead, { state: "found" }> => read.state === "found");
  if (found.length === 0) return { state: "none" };
  const path = found.map((read) => read.origin).join(" + ");
  const merged = Object.assign({}, ...[...found].reverse().map((read) => read.values)) as Record<string, unknown>;
  const valid = validatePolicy(merged, "machine");
  // Listed with the policy's other problems, so the admin fixes the file in one go.
  const cheap = valid.ok || !valid.error.some((e) => e.field === "adminPinHash") ? cheapPinHash(merged) : null;
  const errors = [...(valid.ok ? [] : valid.error), ...(cheap ? [cheap] : [])];
  if (errors.length > 0 || !valid.ok) return { state: "failed", problem: { path, errors } };
  return { state: "applied", path, valid: valid.value };
}

/**
 * A PIN hash made at a lower cost than the app's own makes an offline search of the PIN that much
 * faster, and the app cannot rehash the admin's policy (it may a provisioned one, on use).
 */
function cheapPinHash(policy: Record<string, unknown>): PolicyFieldError | null {
  const hash = typeof policy.adminPinHash === "string" ? policy.adminPinHash : null;
  const parsed = hash === null ? null : parsePinHash(hash);
  if (hash === null || parsed === null || !needsRehash(hash)) return null;
  return {
    kind: "invalid-input",
    field: "adminPinHash",
    reason: `pin-hash-too-cheap: ln=${parsed.ln},r=${parsed.r} is below the app's ln=${DEFAULT_SCRYPT.ln},r=${DEFAULT_SCRYPT.r}; make the hash with refund-desk pin-hash`,
  };
}

export interface MachinePolicyOptions {
  platform: NodeJS.Platform;
  run: RunTool;
  /** A policy.json named for development and tests; only honoured when not packaged (launch-overrides.ts). */
  overridePath: string | null;
  /** Owners a POSIX policy file may have. */
  posixTrust: PosixTrustDeps;
  /** Windows path rules (tests on another OS pass the host's). */
  windowsPaths?: WindowsPaths;
  /** The Windows folder whose tools read the policy; learnt from the OS when not given (tests give it). */
  windowsRoot?: string | null;
  /** Where the macOS and Linux sources are (tests pass their own). */
  posixPaths?: PosixPolicyPaths;
}

/** Reads every machine-wide source of this platform (or only the override, when one is given). */
export async function readMachinePolicy(options: MachinePolicyOptions): Promise<MachinePolicy> {
  if (options.overridePath) return combineSources([readOverride(options.overridePath, options)]);
  if (options.platform === "win32") {
    const root = options.windowsRoot === undefined ? windowsSystemRoot() : options.windowsRoot;
    return combineSources(await readWindowsSources(options.run, root, options.windowsPaths));
  }
  const paths = options.posixPaths ?? POSIX_POLICY_PATHS;
  if (options.platform === "darwin") {
    return combineSources([
      await readManagedPreferences(options.run, options.posixTrust, paths.managedPreferences),
      readPosixJsonSource(paths.darwin, options.posixTrust),
    ]);
  }
  return combineSources([readPosixJsonSource(paths.linux, options.posixTrust)]);
}

/** A development override on Windows has no POSIX owner to check; elsewhere the same rule as in production. */
function readOverride(path: string, options: MachinePolicyOptions): SourceRead {
  return options.platform === "win32"
    ? readJsonSource(path, () => null)
    : readPosixJsonSource(path, options.posixTrust);
}

/** The sync read of one JSON file for development and tests, with the same rules. */
export function loadMachinePolicyFile(path: string | null, trust: PosixTrustDeps): MachinePolicy {
  return path ? combineSources([readPosixJsonSource(path, trust)]) : { state: "none" };
}

/**
 * Where an administrator puts policy.json on this OS, given ProgramData as the admin knows it: for
 * tests that place a real machine policy, and docs. The app itself asks Windows for ProgramData.
 */
export function machinePolicyPath(env: { ProgramData?: string | undefined }, platform: NodeJS.Platform): string {
  if (platform === "win32") return windowsPolicyFile(env.ProgramData ?? "C:\\ProgramData");
  return platform === "darwin" ? POSIX_POLICY_FILES.darwin : POSIX_POLICY_FILES.linux;
}

/** The current account and root: a developer's own policy file is trusted in development only. */
export function developmentTrust(): PosixTrustDeps {
  const uid = process.getuid?.();
  return { trustedUids: uid === undefined ? [0] : [0, uid] };
}

function fileError(reason: string): PolicyFieldError {
  return { kind: "invalid-input", field: "file", reason };
}
