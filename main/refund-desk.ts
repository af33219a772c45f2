import { join } from "node:path";
import type { RefundDeskError } from "../app/errors";
import type { ActionAnswer, DeskServices, RefundDeskApi } from "../app/ipc";
import type { DeskPolicy } from "../app/policy";
import { ok, type Result } from "../app/result";
import { createAccessKey } from "./keychain/access-key";
import { createPinGate, type PinGate } from "./admin/pin-gate";
import { createKioskExit } from "./admin/kiosk-exit";
import { createSettingsLock } from "./admin/settings-lock";
import { createClock } from "./time/clock";
import { runDoctor } from "./doctor/doctor";
import { createEkoClient } from "./eko/eko-client";
import { saveIntoFolder } from "./history/export-folder";
import { createHistoryService, type SaveFile } from "./history/history-service";
import { createDispatch, type Dispatch } from "./ipc/dispatch";
import { createJournal } from "./journal/journal";
import type { KeyStore } from "./keychain/key-store";
import { loadPolicyInForce } from "./policy/desk-policy";
import { createPractice, type Practice } from "./simulator/practice";
import { createRefundOtpService } from "./refund/refund-otp-service";
import { createRefundFlow, type RefundFlow } from "./refund/refund-flow";
import { createTidLocks } from "./refund/tid-locks";
import { createUnsettledRefunds, UNSETTLED_REFUNDS_FILE } from "./refund/unsettled-refunds";
import { createSessionMemory } from "./refund/session-memory";
import { createSettingsFile } from "./settings/settings-file";
import { createSettingsService, type SettingsService } from "./settings/settings-service";

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
  /** The settings with their one lock check; the CLI judges a whole `config set` with it first. */
  settings: SettingsService;
  /** Check and refund (Transaction Inquiry, Initiate Refund), as the CLI calls them. */
  refundFlow: RefundFlow;
  dispatch: Dispatch;
  /** The policy in force, read at start: kiosk mode for the window, the counter name. */
  policy: DeskPolicy;
  /** The admin PIN check with its wrong-PIN waits, for kiosk exit and unlocking settings. */
  adminPin: PinGate;
  close(): Promise<void>;
}

/** Wires the main-process services from their dependencies; no Electron and no behaviour in here. */
export function createRefundDesk(deps: RefundDeskDeps): RefundDesk {
  const inForce = loadPolicyInForce(deps.dataDir, deps.machinePolicyPath ?? null);
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
  const settings = createSettingsService({ file: createSettingsFile(deps.dataDir), overlay: inForce.overlay, lock: settingsLock, accessKey, practice });
  const current = () => settings.current();
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

  const services: DeskServices = {
    inquireTransaction: (request) => refundFlow.inquire(request),
    requestRefundOtp: createRefundOtpService({ client, settings: current, practice, accessKey, journal, session, now, locks }),
    refund: (request) => refundFlow.refund(request),
    getSettings: () => settings.view(),
    updateSettings: (patch) => settings.update(patch),
    setAccessKey: ({ accessKey: key }) => settings.setAccessKey(key),
    removeAccessKey: () => settings.removeAccessKey(),
    checkConnection: () => runDoctor({ settings: current, practice, accessKey, client, clock }),
    getSession: async () => ok({ outcomes: session.outcomes(), clockOffsetMs: clock.offsetMs() }),
    getDesk: async () => ok(settingsLock.view()),
    unlockSettings: ({ pin }) => settingsLock.unlock(pin),
    lockSettings: async () => ok(settingsLock.lock()),
    exitKiosk: createKioskExit(inForce.desk, adminPin, () => deps.quit?.()),
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
    settings,
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
