import type { RefundDeskError } from "../app/errors";
import type { RefundDeskApi } from "../app/ipc";
import { ok, type Result } from "../app/result";
import type { SettingsView } from "../app/settings";
import { createAccessKey } from "./access-key";
import { createClock } from "./clock";
import { runDoctor } from "./doctor";
import { createEkoClient } from "./eko/eko-client";
import { baseUrlFor } from "./endpoint";
import { createDispatch, type Dispatch } from "./ipc/dispatch";
import { createJournal } from "./journal";
import type { KeyStore } from "./keychain/key-store";
import { createPractice, type Practice } from "./practice";
import { createRefundOtpService } from "./refund-otp-service";
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
}

export interface RefundDesk {
  /** The services behind the IPC channels, for callers already inside main (the CLI). */
  services: RefundDeskApi;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Wires the main-process services from their dependencies; no Electron in here. */
export function createRefundDesk(deps: RefundDeskDeps): RefundDesk {
  const settingsFile = createSettingsFile(deps.dataDir);
  let settings = settingsFile.load();
  const clock = createClock(deps.now);
  const client = createEkoClient({ fetch: deps.fetch, clock, ...(deps.now ? { localNow: deps.now } : {}) });
  const practice = deps.practice ?? createPractice();
  const accessKey = createAccessKey(deps.keyStore);
  const journal = createJournal(deps.dataDir);
  const session = createSessionMemory();
  const current = () => settings;

  async function view(): Promise<Result<SettingsView, RefundDeskError>> {
    return ok({
      ...settings,
      baseUrl: await baseUrlFor(settings, practice),
      accessKey: await accessKey.state(),
      practiceScenarios: settings.environment === "practice" ? [...PRACTICE_SCENARIOS] : [],
    });
  }

  const services: RefundDeskApi = {
    requestRefundOtp: createRefundOtpService({ client, settings: current, practice, accessKey, journal, session, now: deps.now ?? Date.now }),
    getSettings: view,
    async updateSettings(patch) {
      const next = applySettingsPatch(settings, patch);
      if (!next.ok) return next;
      settingsFile.save(next.value);
      settings = next.value;
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
    dispatch: createDispatch(services, deps.appOrigin),
    close: () => practice.close(),
  };
}
