import { join } from "node:path";
import type { RefundDeskError } from "../app/errors";
import type { ActionAnswer, DeskServices, RefundDeskApi } from "../app/ipc";
import type { DeskPolicy } from "../app/policy";
import { err, ok, type Result } from "../app/result";
import type { SettingsView } from "../app/settings";
import { createAccessKey } from "./keychain/access-key";
import { createPinGate, type PinGate } from "./admin/pin-gate";
import { createSettingsLock, LOCKED_OUT_FIELDS } from "./admin/settings-lock";
import { createClock } from "./clock";
import { runDoctor } from "./doctor";
import { createEkoClient } from "./eko/eko-client";
import { baseUrlFor } from "./endpoint";
import { saveIntoFolder } from "./history/export-folder";
import { createHistoryService, type SaveFile } from "./history/history-service";
import { createDispatch, type Dispatch } from "./ipc/dispatch";
import { createJournal } from "./journal/journal";
import type { KeyStore } from "./keychain/key-store";
import { loadPolicyInForce } from "./policy/desk-policy";
import { overlayPolicy } from "./policy/policy";
import { createPractice, type Practice } from "./practice";
import { createRefundOtpService } from "./refund/refund-otp-service";
import { createRefundFlow, type RefundFlow } from "./refund/refund-flow";
import { createTidLocks } from "./refund/tid-locks";
import { createUnsettledRefunds, UNSETTLED_REFUNDS_FILE } from "./refund/unsettled-refunds";
import { createSessionMemory } from "./session-memory";
import { createSettingsFile } from "./settings/settings-file";
import { applySettingsPatch } from "./settings/settings-validation";
import { PRACTICE_LIST } from "./simulator/scenarios";

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
  /** Where History exports go: a save dialog in the app; by default a folder in the data folder. */
  saveFile?: SaveFile;
  /** Quits the app after an admin's kiosk exit (app.quit in Electron); the reply goes out first. */
  quit?: () => void;
}

/** Exports land here when no save dialog is given (the test host, plain Node). */
export const EXPORTS_FOLDER = "exports";

export interface RefundDesk {
  /** The services behind the IPC channels, for callers already inside main (the CLI). */
  services: DeskServices;
  /** Check and refund (Transaction Inquiry, Initiate Refund), as the CLI calls them. */
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
  const now = deps.now ?? Date.now;
  const adminPin = createPinGate({ pinHash: inForce.pinHash, dataDir: deps.dataDir, now });
  const settingsLock = createSettingsLock(inForce.desk, adminPin, now);
  const history = createHistoryService(journal, deps.saveFile ?? saveIntoFolder(join(deps.dataDir, EXPORTS_FOLDER)));
  const refundFlow = createRefundFlow({
    client,
    settings: current,
    practice,
    accessKey,
    journal,
    locks,
    now: () => clock.now(),
    unsettled: createUnsettledRefunds(join(deps.dataDir, UNSETTLED_REFUNDS_FILE)),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const locked = () => err<RefundDeskError>({ kind: "settings-locked" });

  async function view(): Promise<Result<SettingsView, RefundDeskError>> {
    const settings = current();
    // While locked the agent sees the environment, not the account the counter signs in with.
    const hidden = settingsLock.isLocked() ? Object.fromEntries(LOCKED_OUT_FIELDS.map((field) => [field, null])) : {};
    return ok({
      ...settings,
      ...hidden,
      baseUrl: await baseUrlFor(settings, practice),
      accessKey: await accessKey.state(),
      practiceScenarios: settings.environment === "practice" ? [...PRACTICE_LIST] : [],
    });
  }

  const services: DeskServices = {
    inquireTransaction: (request) => refundFlow.inquire(request),
    requestRefundOtp: createRefundOtpService({ client, settings: current, practice, accessKey, journal, session, now, locks }),
    refund: (request) => refundFlow.refund(request),
    getSettings: view,
    async updateSettings(patch) {
      if (settingsLock.isLocked()) return locked();
      const next = applySettingsPatch(userSettings, patch);
      if (!next.ok) return next;
      settingsFile.save(next.value);
      userSettings = next.value;
      return view();
    },
    async setAccessKey({ accessKey: key }) {
      if (settingsLock.isLocked()) return locked();
      const trimmed = key.trim();
      if (trimmed === "") return { ok: false, error: { kind: "invalid-input", field: "accessKey", reason: "empty" } };
      const stored = await accessKey.set(trimmed);
      return stored.ok ? view() : stored;
    },
    async removeAccessKey() {
      if (settingsLock.isLocked()) return locked();
      const removed = await accessKey.remove();
      return removed.ok ? view() : removed;
    },
    checkConnection: () => runDoctor({ settings: current, practice, accessKey, client, clock }),
    getSession: async () => ok({ outcomes: session.outcomes(), clockOffsetMs: clock.offsetMs() }),
    getDesk: async () => ok(settingsLock.view()),
    unlockSettings: ({ pin }) => settingsLock.unlock(pin),
    lockSettings: async () => ok(settingsLock.lock()),
    async exitKiosk({ pin }) {
      if (!inForce.desk.kioskMode) return err({ kind: "invalid-input", field: "kiosk", reason: "not-kiosk" });
      const checked = await adminPin.check(pin);
      if (!checked.ok) return err(checked.error);
      deps.quit?.();
      return ok({ exiting: true as const });
    },
    readHistory: (range) => history.read(range),
    exportHistory: (range) => history.export(range),
  };

  // The window's actions: one round trip each, the clock note riding on the answer.
  const answered = <T>(result: Result<T, RefundDeskError>): ActionAnswer<T> => ({ ...result, after: { clockOffsetMs: clock.offsetMs() } });
  const windowApi: RefundDeskApi = {
    ...services,
    inquireTransaction: async (request) => answered(await services.inquireTransaction(request)),
    requestRefundOtp: async (request) => answered(await services.requestRefundOtp(request)),
    refund: async (request) => answered(await services.refund(request)),
  };

  return {
    services,
    refundFlow,
    dispatch: createDispatch(windowApi, deps.appOrigin),
    policy: inForce.desk,
    adminPin,
    async close() {
      journal.close();
      await practice.close();
    },
  };
}
