import { clockOffsetToMention } from "../../app/clock-offset";
import type { DoctorCheck, DoctorReport } from "../../app/doctor";
import { ok, type Result } from "../../app/result";
import type { RefundDeskError } from "../../app/errors";
import type { Settings } from "../../app/settings";
import type { DeskPolicy } from "../../app/policy";
import type { AccessKey } from "../keychain/access-key";
import type { Clock } from "../time/clock";
import type { EkoClient } from "../eko/eko-client";
import { baseUrlFor } from "../eko/endpoint";
import type { Practice } from "../simulator/practice";
import type { LaunchOverrides } from "../launch/launch-overrides";

const PROBE_TIMEOUT_MS = 5_000;

export interface DoctorDeps {
  settings: () => Settings;
  practice: Practice;
  accessKey: AccessKey;
  client: EkoClient;
  clock: Clock;
  /** The policy in force: a broken machine policy is the admin's first thing to fix. */
  policy?: DeskPolicy;
  launch?: LaunchOverrides;
  /** Reads the counter's shared state once: shown only when it cannot be read, since nothing that needs it runs then. */
  counterState?: () => Result<unknown, RefundDeskError>;
}

/** The same checks for the Settings screen's "Check connection" and the CLI's `doctor`. */
export async function runDoctor(deps: DoctorDeps): Promise<Result<DoctorReport, RefundDeskError>> {
  const settings = deps.settings();
  const practice = settings.environment === "practice";
  const checks: DoctorCheck[] = [];
  if (deps.policy) checks.push(policyCheck(deps.policy));
  if (deps.launch) checks.push(overridesCheck(deps.launch));
  const state = deps.counterState?.();
  if (state && !state.ok) checks.push({ id: "counter-state", status: "fail", error: state.error });

  const key = await deps.accessKey.get();
  checks.push(
    key.ok
      ? { id: "keychain", status: "ok" }
      : { id: "keychain", status: practice ? "warn" : "fail", error: key.error },
  );
  if (practice) checks.push({ id: "access-key", status: "skipped", detail: "practice" });
  else if (!key.ok) checks.push({ id: "access-key", status: "skipped", detail: "keychain" });
  else checks.push({ id: "access-key", status: key.value ? "ok" : "fail" });

  const missing = practice ? [] : (["developerKey", "initiatorId"] as const).filter((name) => !settings[name]);
  const baseUrl = await baseUrlFor(settings, deps.practice);
  if (!baseUrl) checks.push({ id: "settings", status: "fail", detail: "customBaseUrl" });
  else if (missing.length > 0) checks.push({ id: "settings", status: "fail", detail: missing.join(",") });
  // OTPs work without it; the check and refund steps send it, and Eko refuses them without it (346).
  else if (!practice && !settings.userCode) checks.push({ id: "settings", status: "warn", detail: "userCode" });
  else checks.push({ id: "settings", status: "ok" });

  let clockOffsetMs: number | null = null;
  if (!baseUrl) {
    checks.push({ id: "reachable", status: "skipped" }, { id: "clock", status: "skipped" });
  } else {
    const probe = await deps.client.probe(baseUrl, Math.min(settings.timeoutMs, PROBE_TIMEOUT_MS));
    if (probe.ok) {
      checks.push({ id: "reachable", status: "ok", detail: `HTTP ${probe.value.httpStatus}` });
      clockOffsetMs = deps.clock.offsetMs();
      checks.push(
        clockOffsetMs === null
          ? { id: "clock", status: "skipped" }
          : {
              id: "clock",
              status: clockOffsetToMention(clockOffsetMs) !== null ? "warn" : "ok",
              detail: String(Math.round(clockOffsetMs)),
            },
      );
    } else {
      checks.push({ id: "reachable", status: "fail", error: probe.error }, { id: "clock", status: "skipped" });
    }
  }

  return ok({
    environment: settings.environment,
    baseUrl,
    checks,
    clockOffsetMs,
    ok: checks.every((c) => c.status !== "fail"),
  });
}

/** A broken policy fails the check with where and why (the counter is locked until it is fixed). */
function policyCheck(policy: DeskPolicy): DoctorCheck {
  if (!policy.problem) return { id: "policy", status: "ok", detail: policy.source };
  const why = policy.problem.errors.map((e) => `${e.field}: ${e.reason}`).join("; ");
  return { id: "policy", status: "fail", detail: `${policy.problem.path} — ${why}` };
}

/** REFUND_DESK_HOME / REFUND_DESK_POLICY: ignored when packaged, honoured (and said so) in development. */
function overridesCheck(launch: LaunchOverrides): DoctorCheck {
  if (launch.ignored.length > 0)
    return { id: "overrides", status: "warn", detail: `ignored: ${launch.ignored.join(", ")}` };
  if (launch.inUse.length > 0) return { id: "overrides", status: "warn", detail: `in use: ${launch.inUse.join(", ")}` };
  return { id: "overrides", status: "ok", detail: launch.packaged ? "packaged" : "development" };
}
