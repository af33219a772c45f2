import type { RefundDeskError } from "../app/errors";
import type { RefundDeskApi } from "../app/ipc";
import type { DeskPolicy } from "../app/policy";
import { ok, type Result } from "../app/result";
import type { SettingsView } from "../app/settings";
import { createAccessKey } from "./access-key";
import { createPinGate, type PinGate } from "./admin/pin-gate";
import { createClock } from "./clock";
import { runDoctor } from "./doctor";
import { createEkoClient } from "./eko/eko-client";
import { baseUrlFor } from "./endpoint";
import { createDispatch, type Dispatch } from "./ipc/dispatch";
import { createJournal } from "./journal";
import type { KeyStore } from "./keychain/key-store";
import { loadPolicyInForce } from "./policy/desk-policy";
import { overlayPolicy } from "./policy/policy";
import { createPractice, type Practice } from "./practice";
import { createRefundOtpService } from "./refund-otp-service";
import { createRefundFlow, type RefundFlow } from "./refund/refund-flow";
import { createTidLocks } from "./refund/tid-locks";
import { createSessionMemory } from "./session-memory";
import { createSettingsFile } from "./settings/settings-file";
import { applySettingsPatch } from "./settings/settings-validation";
import { PRACTICE_SCENARIOS } from "./simulator/scenarios";

export interface RefundDeskDeps {
  /** net.fetch in Electron, the global fetch under Node. */
  fetch: typeof fetch;
  keyStore: KeyStore;
  dataDir: string;
  /** The origin whose top-level page may call main (app://refund-desk in Electron). */
  appOrigin: string;
  now?: () => number;
  practice?: Practice;
  /** The machine-wide policy file (machinePolicyPath()); absent or null: none is read. */
  machinePolicyPath?: string | null;
  /** The refund flow's waits (GET retries, the pause before inquiring a lost refund); tests skip them. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RefundDesk {
  /** The services behind the IPC channels, for callers already inside main (the CLI). */
  services: RefundDeskApi;
  /** Check and refund (Transaction Inquiry, Initiate Refund); not on IPC yet. */
  refundFlow: RefundFlow;
  dispatch: Dispatch;
  /** The policy in force, read at start: kiosk mode for the window, the counter name. */
  policy: DeskPolicy;
  /** The admin PIN check with its wrong-PIN waits, for kiosk exit and unlocking settings. */
  adminPin: PinGate;
  close(): Promise<void>;
}

/** Wires the main-process services from their dependencies; no Electron in here. */
export function createRefundDesk(deps: RefundDeskDeps): RefundDesk {
  const settingsFile = createSettingsFile(deps.dataDir);
  // The user's own settings; the machine-wide policy, when there is a valid one, goes over them.
  let userSettings = settingsFile.load();
  const inForce = loadPolicyInForce(deps.dataDir, deps.machinePolicyPath ?? null);
  const current = () => (inForce.overlay ? overlayPolicy(userSettings, inForce.overlay) : userSettings);
  const clock = createClock(deps.now);
  const client = createEkoClient({ fetch: deps.fetch, clock, ...(deps.now ? { localNow: deps.now } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  const practice = deps.practice ?? createPractice();
  const accessKey = createAccessKey(deps.keyStore);
  const journal = createJournal(deps.dataDir, inForce.desk.counterName);
  const session = createSessionMemory();
  // One lock per tid for OTP, inquiry and refund alike, whichever window or screen asks.
  const locks = createTidLocks();

  async function view(): Promise<Result<SettingsView, RefundDeskError>> {
    const settings = current();
    return ok({
      ...settings,
      baseUrl: await baseUrlFor(settings, practice),
      accessKey: await accessKey.state(),
      practiceScenarios: settings.environment === "practice" ? [...PRACTICE_SCENARIOS] : [],
    });
  }

  const services: RefundDeskApi = {
    requestRefundOtp: createRefundOtpService({ client, settings: current, practice, accessKey, journal, session, now: deps.now ?? Date.now, locks }),
    getSettings: view,
    async updateSettings(patch) {
      const next = applySettingsPatch(userSettings, patch);
      if (!next.ok) return next;
      settingsFile.save(next.value);
      userSettings = next.value;
      return view();
    },
    async setAccessKey({ accessKey: key }) {
      const trimmed = key.trim();
      if (trimmed === "") return { ok: false, error: { kind: "invalid-input", field: "accessKey", reason: "empty" } };
      const stored = await accessKey.set(trimmed);
      return stored.ok ? view() : stored;
    },
    async removeAccessKey() {
      const removed = await accessKey.remove();
      return removed.ok ? view() : removed;
    },
    checkConnection: () => runDoctor({ settings: current, practice, accessKey, client, clock }),
    getSession: async () => ok({ outcomes: session.outcomes(), clockOffsetMs: clock.offsetMs() }),
  };

  return {
    services,
    refundFlow: createRefundFlow({ client, settings: current, practice, accessKey, journal, locks, now: () => clock.now(), ...(deps.sleep ? { sleep: deps.sleep } : {}) }),
    dispatch: createDispatch(services, deps.appOrigin),
    policy: inForce.desk,
    adminPin: createPinGate({ pinHash: inForce.pinHash, dataDir: deps.dataDir, now: deps.now ?? Date.now }),
    close: () => practice.close(),
  };
}
