import { clockOffsetToMention } from "../../app/clock-offset";
import type { DoctorCheck, DoctorCheckId, DoctorReport, DoctorStatus, FleetFacts } from "../../app/doctor";
import { ok, type Result } from "../../app/result";
import type { RefundDeskError } from "../../app/errors";
import type { Environment, Settings } from "../../app/settings";
import type { DeskPolicy } from "../../app/policy";
import type { AccessKey } from "../keychain/access-key";
import type { TokenClient } from "../signer/token-client";
import type { TokenPin } from "../signer/token-pin";
import { signerCheck } from "./signer-check";
import { isEkoHost } from "../time/eko-hosts";
import type { EkoClient } from "../eko/eko-client";
import type { OsLog } from "../journal/os-log/os-log";
import type { UpkeepBehind } from "../journal/upkeep-behind";
import { baseUrlFor, keyBaseUrl } from "../eko/endpoint";
import type { Practice } from "../simulator/practice";
import type { LaunchOverrides } from "../launch/launch-overrides";

const PROBE_TIMEOUT_MS = 5_000;

export interface DoctorDeps {
  /** The app's version, for the fleet's tools. */
  version: string;
  settings: () => Settings;
  practice: Practice;
  accessKey: AccessKey;
  /** The token's PIN and worker, for signer pkcs11's check (signer-check.ts). */
  token?: { tokenPin: TokenPin; token: TokenClient };
  client: EkoClient;
  /** The policy in force: a broken machine policy is the admin's first thing to fix. */
  policy?: DeskPolicy;
  launch?: LaunchOverrides;
  /** The journal's witness in the OS log; absent where none is written (tests, the demo). */
  osLog?: Pick<OsLog, "problem">;
  /** What the journal's upkeep has left undone a month on (journal/upkeep-behind.ts): shown only then. */
  journalUpkeep?: () => UpkeepBehind | null;
  /** Reads the counter's shared state once: shown only when it cannot be read, since nothing that needs it runs then. */
  counterState?: () => Result<unknown, RefundDeskError>;
  /** When the journal's last refund in this environment was made; absent: none known. */
  lastRefundAt?: (environment: Environment) => Promise<string | null>;
}

/** The same checks for the Settings screen's "Check connection" and the CLI's `doctor`. */
export async function runDoctor(deps: DoctorDeps): Promise<Result<DoctorReport, RefundDeskError>> {
  const settings = deps.settings();
  const practice = settings.environment === "practice";
  const checks: DoctorCheck[] = [];
  if (deps.policy) checks.push(policyCheck(deps.policy));
  if (deps.launch) checks.push(overridesCheck(deps.launch));
  if (deps.osLog) {
    const problem = deps.osLog.problem();
    // A warning: refunds never wait on the OS log, but IT loses its check of the journal.
    checks.push(problem ? { id: "os-log", status: "warn", detail: problem } : { id: "os-log", status: "ok" });
  }
  const behind = deps.journalUpkeep?.();
  // A warning: refunds go on, but the journal grows, or keeps what the retention in force removes.
  if (behind)
    checks.push({
      id: "journal-upkeep",
      status: "warn",
      detail: [
        behind.uncompressed.length > 0 ? `not compressed: ${behind.uncompressed.join(", ")}` : "",
        behind.pastRetention.length > 0 ? `kept past the retention: ${behind.pastRetention.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    });
  const state = deps.counterState?.();
  if (state && !state.ok) checks.push({ id: "counter-state", status: "fail", error: state.error });

  const key = await deps.accessKey.get(keyBaseUrl(settings));
  checks.push(
    key.ok
      ? { id: "keychain", status: "ok" }
      : { id: "keychain", status: practice ? "warn" : "fail", error: key.error },
  );
  const token = !practice && settings.signer === "pkcs11" ? deps.token : undefined;
  if (practice) checks.push({ id: "access-key", status: "skipped", detail: "practice" });
  else if (!key.ok) checks.push({ id: "access-key", status: "skipped", detail: "keychain" });
  // The token holds the key (set-key removed any the keychain had); its own row follows.
  else if (token) checks.push({ id: "access-key", status: "skipped", detail: "pkcs11" });
  else checks.push({ id: "access-key", status: key.value ? "ok" : "fail" });
  if (token) checks.push(await signerCheck(settings, token));

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
      clockOffsetMs = probe.value.dateOffsetMs;
      checks.push(clockCheck(clockOffsetMs, baseUrl, settings.maxClockCorrectionMinutes));
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
    fleet: fleetFacts(deps, settings, checks, clockOffsetMs, (await deps.lastRefundAt?.(settings.environment)) ?? null),
  });
}

/** The report's rows and the policy in force, as the flat record a fleet's tools read. */
function fleetFacts(
  deps: DoctorDeps,
  settings: Settings,
  checks: DoctorCheck[],
  clockOffsetMs: number | null,
  lastRefundAt: string | null,
): FleetFacts {
  const status = (id: DoctorCheckId): DoctorStatus | null => checks.find((c) => c.id === id)?.status ?? null;
  const ids = (wanted: DoctorStatus) => checks.filter((c) => c.status === wanted).map((c) => c.id);
  return {
    version: deps.version,
    environment: settings.environment,
    counterName: deps.policy?.counterName ?? null,
    policySource: deps.policy?.source ?? "none",
    lockedDown: Boolean(deps.policy?.problem),
    settingsLocked: deps.policy?.settingsLocked ?? false,
    kioskMode: deps.policy?.kioskMode ?? false,
    signer: settings.signer,
    keychain: status("keychain") ?? "skipped",
    // With signer pkcs11 outside Practice the token's row says whether the key can sign.
    key: status("signer") ?? status("access-key") ?? "skipped",
    osLog: status("os-log"),
    clockOffsetMs,
    lastRefundAt,
    failed: ids("fail"),
    warned: ids("warn"),
  };
}

/**
 * The clock as the probe's Date shows it now. Past the bound the app corrects on Eko's hosts,
 * every request is refused as clock-skew until the clock is fixed: the check fails and says so.
 */
function clockCheck(offsetMs: number | null, baseUrl: string, maxCorrectionMinutes: number): DoctorCheck {
  if (offsetMs === null) return { id: "clock", status: "skipped" };
  const detail = String(Math.round(offsetMs));
  if (isEkoHost(baseUrl) && Math.abs(offsetMs) > maxCorrectionMinutes * 60_000) {
    const pcMs = Date.now();
    return {
      id: "clock",
      status: "fail",
      detail,
      error: {
        kind: "clock-skew",
        offsetMs,
        pcTime: new Date(pcMs).toISOString(),
        ekoTime: new Date(pcMs + offsetMs).toISOString(),
        details: { cause: `beyond-max-clock-correction-${maxCorrectionMinutes}-min` },
      },
    };
  }
  return { id: "clock", status: clockOffsetToMention(offsetMs) !== null ? "warn" : "ok", detail };
}

/**
 * A counter locked down fails the check with where and why; a lock record in doubt, or a lock that
 * only provisioning set (the account's owner can lift it), is a warning naming each.
 */
function policyCheck(policy: DeskPolicy): DoctorCheck {
  if (!policy.problem) {
    if (policy.notices.length > 0)
      return { id: "policy", status: "warn", detail: `${policy.source}: ${policy.notices.join(", ")}` };
    return { id: "policy", status: "ok", detail: policy.source };
  }
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
