import { readFileSync, statSync } from "node:fs";
import { MAX_POLICY_BYTES } from "../policy";
import type { SourceRead } from "./source-read";

/**
 * A policy.json: absent when there is no file; broken when it cannot be trusted (`trustProblem`,
 * checked before reading), read or parsed; otherwise its fields, for the schema to judge.
 */
export function readJsonSource(path: string, trustProblem: () => string | null): SourceRead {
  const broken = (reason: string): SourceRead => ({ state: "broken", origin: path, reason });
  const present = policyFileState(path);
  if (present !== "present") return present;
  const untrusted = trustProblem();
  if (untrusted) return broken(untrusted);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return broken("unreadable");
  }
  return parsedSource(path, text);
}

/** Whether there is a policy file to judge: absent, broken (not a file, too large, no access), or present. */
export function policyFileState(path: string): SourceRead | "present" {
  const broken = (reason: string): SourceRead => ({ state: "broken", origin: path, reason });
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return broken("not-a-file");
    if (stat.size > MAX_POLICY_BYTES) return broken("too-large");
    return "present";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? { state: "absent" } : broken("unreadable");
  }
}

/** JSON text (a file's, or plutil's rendering of a plist) as a source. */
export function parsedSource(origin: string, text: string): SourceRead {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { state: "broken", origin, reason: "not-json" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { state: "broken", origin, reason: "not-an-object" };
  return { state: "found", origin, values: value as Record<string, unknown> };
}
