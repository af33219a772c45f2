import { join } from "node:path";
import type { RefundDeskError } from "../app/errors";
import type { ActionAnswer, DeskServices, RefundDeskApi } from "../app/ipc";
import type { DeskPolicy } from "../app/policy";
import { ok, type Result } from "../app/result";
import { createAccessKey } from "./keychain/access-key";
import { createSigners } from "./signer/signers";
import { createTokenClient, type TokenClient } from "./signer/token-client";
import { createTokenPin, NO_PIN_ENTRY } from "./signer/token-pin";
import { pinGuarded } from "./signer/pin-guard";
import { createPinGate, type PinGate } from "./admin/pin-gate";
import { createKioskExit } from "./admin/kiosk-exit";
import { createSettingsLock } from "./admin/settings-lock";
import { provisionedWrites } from "./admin/provisioned-writes";
import { createClock } from "./time/clock";
import { runDoctor } from "./doctor/doctor";
import { appVersion } from "./launch/app-version";
import { lastRefundAt } from "./journal/last-refund";
import { createEkoClient } from "./eko/eko-client";
import { lockedDownClient } from "./eko/locked-down-client";

import { defaultExportsDir, saveIntoFolder } from "./history/export-folder";
import { createKioskExportGate, type KioskExportGate } from "./history/kiosk-export-gate";
import type { PrinterFacts } from "./print/print-to-file";
import { createReceiptPrinter, type PrintOptions } from "./print/receipt-printer";
import { createHistoryService, type SaveFile } from "./history/history-service";
import { createDispatch, type Dispatch } from "./ipc/dispatch";
import { createJournal, JOURNAL_FOLDER } from "./journal/journal";
import { keepJournal, type JournalUpkeep } from "./journal/retention";
import { upkeepBehind } from "./journal/upkeep-behind";
import type { OsLog } from "./journal/os-log/os-log";
import type { KeyStore } from "./keychain/key-store";
import { loadPolicyInForce, readPolicyInForce, type PolicyInForce } from "./policy/desk-policy";
import { developmentTrust } from "./policy/machine-policy";
import type { CounterLockStore } from "./admin/counter-lock";
import type { LaunchOverrides } from "./launch/launch-overrides";
import type { MachineDeps } from "./launch/machine-deps";
import { createPractice, type Practice } from "./simulator/practice";
import { createPendingRefundsService } from "./refund/pending-refunds";
import { receiptSetup } from "./refund/receipt-setup";
import { createRefundOtpService } from "./refund/refund-otp-service";
import { createRefundFlow, type RefundFlow } from "./refund/refund-flow";
import { createTidLocks } from "./refund/tid-locks";
import { createOtpCooldowns } from "./refund/otp-cooldowns";
import { openCounterState } from "./fs/counter-state";
import { createUnsettledRefunds, UNSETTLED_REFUNDS_FILE } from "./refund/unsettled-refunds";
import { holdsInJournal } from "./refund/holds-in-journal";
import { createSessionMemory } from "./refund/session-memory";
import { createSettingsFile } from "./settings/settings-file";
import { createSettingsService, type SettingsService } from "./settings/settings-service";

export interface RefundDeskDeps {
  /** net.fetch in Electron, the global fetch under Node. */
  fetch: typeof fetch;
  keyStore: KeyStore;
  /** The keychain entry of the token's user PIN (signer pkcs11); absent: none stored. */
  tokenPinStore?: KeyStore;
  /** The token's worker; by default one started on the first request for the token. */
  tokenClient?: TokenClient;
  dataDir: string;
  /** The origin whose top-level page may call main (app://refund-desk in Electron). */
  appOrigin: string;
  now?: () => number;
  practice?: Practice;
  /** The policy in force, read before (openRefundDesk); when absent, the data folder and machinePolicyPath. */
  policyInForce?: PolicyInForce;
  /** Development and tests: one policy.json to read as the machine-wide policy; absent or null: none. */
  machinePolicyPath?: string | null;
  /** The keychain's lock record (the provisioned policy), for PIN upgrades and unlocked edits. */
  lockStore?: CounterLockStore;
  /** The keychain's copy of the wrong-PIN record. */
  attemptsSlot?: KeyStore;
  /** How the app was started, for the doctor: packaged or not, overrides ignored or in use. */
  launch?: LaunchOverrides;
  /** The refund flow's waits (GET retries, the pause before inquiring a lost refund); tests skip them. */
  sleep?: (ms: number) => Promise<void>;
  /** Where History exports go outside kiosk mode: a save dialog in the app; by default the exports folder. */
  saveFile?: SaveFile;
  /** The fixed exports folder (kiosk mode, and where there is no dialog); by default beside the data folder. */
  exportsDir?: string;
  /** Folders no save may go into besides the data folder: Electron's user data, the install folder. */
  protectedFolders?: string[];
  /** Prints the window from main (webContents.print); absent: printing is not available here. */
  print?: (options: PrintOptions) => Promise<Result<void, RefundDeskError>>;
  /** The OS's printers (webContents.getPrintersAsync), for a kiosk's print-to-file check; absent: none listed. */
  printers?: () => Promise<PrinterFacts[]>;
  /** The journal's witness in the OS log (journal/os-log/); none in tests and the demo. */
  osLog?: OsLog;
  /** Quits the app after an admin's kiosk exit (app.quit in Electron); the reply goes out first. */
  quit?: () => void;
}

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
  /** Whether an export of the journal needs the admin PIN here (a kiosk), and its check: the CLI's too. */
  exportGate: KioskExportGate;
  /** The journal's upkeep (journal/retention.ts): closed months compressed, the retention policy's cut. */
  keepJournal(): Promise<JournalUpkeep>;
  close(): Promise<void>;
}

/** Wires the main-process services from their dependencies; no Electron and no behaviour in here. */
export function createRefundDesk(deps: RefundDeskDeps): RefundDesk {
  const inForce =
    deps.policyInForce ?? loadPolicyInForce(deps.dataDir, deps.machinePolicyPath ?? null, developmentTrust());
  // The clock's bound is the settings' in force when each request is signed.
  const clock = createClock(deps.now, () => settings.current().maxClockCorrectionMinutes * 60_000);
  // A counter locked down sends nothing to Eko, whichever service or command asks.
  const client = inForce.desk.problem
    ? lockedDownClient()
    : createEkoClient({
        fetch: deps.fetch,
        clock,
        ...(deps.now ? { localNow: deps.now } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      });
  const practice = deps.practice ?? createPractice();
  const accessKey = createAccessKey(deps.keyStore);
  const tokenPin = createTokenPin(deps.tokenPinStore ?? NO_PIN_ENTRY);
  const token = pinGuarded(deps.tokenClient ?? createTokenClient(), tokenPin);
  const signers = createSigners({ accessKey, tokenPin, token });
  const osLog = deps.osLog;
  const journal = createJournal(
    deps.dataDir,
    inForce.desk.counterName,
    {},
    osLog ? (line) => osLog.witness(line) : undefined,
  );
  const session = createSessionMemory();
  // The tid locks, refunds awaiting an answer and OTP cooldowns, shared with every other process
  // of this counter (a second window, the CLI) through the data folder.
  const counterState = openCounterState(deps.dataDir);
  // One lock per tid for OTP, inquiry and refund alike, whichever window, screen or process asks.
  const locks = createTidLocks({ state: counterState, ...(deps.now ? { now: deps.now } : {}) });
  const now = deps.now ?? Date.now;
  // A locked, provisioned counter runs on the keychain's record: the admin's changes go back there.
  const provisioned = provisionedWrites(inForce, deps.lockStore, deps.dataDir);
  const adminPin = createPinGate({
    pinHash: inForce.pinHash,
    dataDir: deps.dataDir,
    now,
    state: counterState,
    ...(deps.attemptsSlot ? { attemptsSlot: deps.attemptsSlot } : {}),
    ...(provisioned.rehash ? { rehash: provisioned.rehash } : {}),
  });

  const settingsLock = createSettingsLock(inForce.desk, adminPin, now);
  const exportGate = createKioskExportGate(inForce.desk, adminPin);
  const forbidden = [deps.dataDir, ...(deps.protectedFolders ?? [])];
  const exportsDir = deps.exportsDir ?? defaultExportsDir(deps.dataDir);
  // A kiosk never shows the OS save dialog (a file browser): its exports go to the fixed folder.
  const history = createHistoryService(
    journal,
    inForce.desk.kioskMode
      ? saveIntoFolder(exportsDir, forbidden)
      : (deps.saveFile ?? saveIntoFolder(exportsDir, forbidden)),
  );
  const settings = createSettingsService({
    file: createSettingsFile(deps.dataDir),
    source: inForce.settings,
    lock: settingsLock,
    accessKey,
    tokenPin,
    token,
    practice,
    ...(provisioned.keepProvisioned ? { keepProvisioned: provisioned.keepProvisioned } : {}),
  });
  const current = () => settings.current();
  const unsettled = createUnsettledRefunds(counterState, join(deps.dataDir, UNSETTLED_REFUNDS_FILE));
  // The counter's state file is new: a first start, or deleted while the app was closed. The holds
  // the journal shows come back, so deleting the file alone lifts none.
  if (counterState.fresh) for (const tid of holdsInJournal(join(deps.dataDir, JOURNAL_FOLDER))) unsettled.mark(tid);
  const refundFlow = createRefundFlow({
    client,
    settings: current,
    practice,
    signers,
    journal,
    locks,
    now: () => clock.now(),
    unsettled,
    finished: (tid) => session.forget(tid),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });

  const receipts = createReceiptPrinter({
    kioskMode: inForce.desk.kioskMode,
    printerName: () => current().printerName,
    environment: () => current().environment,
    journal,
    now: () => clock.now(),
    ...(deps.print ? { print: deps.print } : {}),
    ...(deps.printers ? { printers: deps.printers } : {}),
  });

  const services: DeskServices = {
    inquireTransaction: (request) => refundFlow.inquire(request),
    requestRefundOtp: createRefundOtpService({
      client,
      settings: current,
      practice,
      signers,
      journal,
      session,
      now,
      ekoNow: () => clock.now(),
      locks,
      cooldowns: createOtpCooldowns(counterState, now),
      unsettled,
    }),
    refund: (request) => refundFlow.refund(request),
    getSettings: () => settings.view(),
    updateSettings: (patch) => settings.update(patch),
    setAccessKey: ({ accessKey: key }) => settings.setAccessKey(key),
    removeAccessKey: () => settings.removeAccessKey(),
    setTokenPin: ({ pin }) => settings.setTokenPin(pin),
    checkConnection: () =>
      runDoctor({
        version: appVersion(),
        settings: current,
        practice,
        accessKey,
        token: { tokenPin, token },
        client,
        policy: inForce.desk,
        counterState: () => counterState.locked(() => undefined),
        journalUpkeep: () =>
          upkeepBehind(join(deps.dataDir, JOURNAL_FOLDER), new Date(now()), current().journalRetentionMonths),
        lastRefundAt: (environment) => lastRefundAt(journal, environment, clock.now()),
        ...(deps.launch ? { launch: deps.launch } : {}),
        ...(osLog ? { osLog } : {}),
      }),
    getSession: async () =>
      ok({ outcomes: session.outcomes(), unsettled: unsettled.list(), clockOffsetMs: clock.offsetMs() }),
    getDesk: async () => ok(settingsLock.view()),
    unlockSettings: ({ pin }) => settingsLock.unlock(pin),
    lockSettings: async () => ok(settingsLock.lock()),
    exitKiosk: createKioskExit(inForce.desk, adminPin, () => deps.quit?.()),
    readHistory: (range) => history.read(range),
    async exportHistory({ pin, ...range }) {
      const allowed = await exportGate.allow(pin);
      return allowed.ok ? history.export(range) : allowed;
    },
    printReceipt: () => receipts.print(),
    pendingRefunds: createPendingRefundsService({
      client,
      settings: current,
      practice,
      signers,
      journal,
      now: () => clock.now(),
    }),
    getReceiptSetup: async () => ok(receiptSetup(current(), inForce.desk)),
    recordReprint: ({ tid }) => receipts.recordReprint(tid),
  };

  // The window's actions: one round trip each, the clock note riding on the answer.
  const answered = <T>(result: Result<T, RefundDeskError>): ActionAnswer<T> => ({
    ...result,
    after: { clockOffsetMs: clock.offsetMs() },
  });
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
    exportGate,
    keepJournal: () =>
      keepJournal(join(deps.dataDir, JOURNAL_FOLDER), journal, {
        now: new Date(now()),
        retentionMonths: current().journalRetentionMonths,
      }),
    async close() {
      journal.close();
      await osLog?.close();
      counterState.close();
      await token.close();
      await practice.close();
    },
  };
}

/** The desk on a real machine: every policy source and the keychain's lock record read first. */
export async function openRefundDesk(
  deps: Omit<RefundDeskDeps, "policyInForce" | "lockStore" | "attemptsSlot" | "launch" | "osLog">,
  machine: MachineDeps,
): Promise<RefundDesk> {
  const policyInForce = await readPolicyInForce({
    ...machine.policy,
    dataDir: deps.dataDir,
    lockStore: machine.lockStore,
  });
  return createRefundDesk({
    ...deps,
    policyInForce,
    lockStore: machine.lockStore,
    attemptsSlot: machine.attemptsSlot,
    launch: machine.launch,
    ...(machine.osLog ? { osLog: machine.osLog } : {}),
  });
}
