import { readFileSync, statSync } from "node:fs";
import { posix, win32 } from "node:path";
import type { PolicyProblem } from "../../app/policy";
import { MAX_POLICY_BYTES, parsePolicyJson, type ValidPolicy } from "./policy";

/**
 * The machine-wide policy: a file only administrators can write, read at every start, that wins
 * over the user's settings. REFUND_DESK_POLICY names another file (tests, and IT trying a policy).
 */
export function machinePolicyPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.REFUND_DESK_POLICY?.trim();
  if (override) return override;
  if (platform === "win32") return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? "C:\\ProgramData", "Refund Desk", "policy.json");
  if (platform === "darwin") return posix.join("/Library", "Application Support", "Refund Desk", "policy.json");
  return posix.join("/etc", "refund-desk", "policy.json");
}

export type MachinePolicy =
  | { state: "none" }
  | { state: "applied"; path: string; valid: ValidPolicy }
  /** Found but not applied: the app runs on its other settings and shows why. */
  | { state: "ignored"; problem: PolicyProblem };

/**
 * Reads the machine-wide policy. A missing file is the normal case; a bad one must not stop the
 * counter from working, so it is ignored and reported (with every field that is wrong) instead.
 */
export function loadMachinePolicy(path: string | null, platform: NodeJS.Platform = process.platform): MachinePolicy {
  if (!path) return { state: "none" };
  const ignored = (reason: string): MachinePolicy => ({ state: "ignored", problem: { path, errors: [{ kind: "invalid-input", field: "file", reason }] } });
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return ignored("not-a-file");
    if (stat.size > MAX_POLICY_BYTES) return ignored("too-large");
    // A policy any user could rewrite would let that user lift the policy: refuse it (POSIX modes;
    // on Windows the folder's access list is the admin's to set, see the README).
    if (platform !== "win32" && (stat.mode & 0o022) !== 0) return ignored("writable-by-others");
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "none" };
    return ignored("unreadable");
  }
  const parsed = parsePolicyJson(text, "machine");
  return parsed.ok ? { state: "applied", path, valid: parsed.value } : { state: "ignored", problem: { path, errors: parsed.error } };
}
