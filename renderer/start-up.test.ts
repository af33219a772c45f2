import { test } from "node:test";
import assert from "node:assert/strict";
import type { RefundDeskApi } from "../app/ipc";
import type { DeskView } from "../app/policy";
import { ok } from "../app/result";
import { DEFAULT_SETTINGS } from "../app/settings";
import { startUp } from "./start-up";
import { createDeskStore } from "./store/desk-store";
import { createDisplayStore } from "./store/display-store";
import { createFindMobileStore } from "./store/find-mobile-store";
import { createHistoryStore } from "./store/history-store";
import { createLangStore } from "./store/lang-store";
import { createPrintStore } from "./store/print-store";
import { createRequestStore } from "./store/request-store";
import { createSettingsStore } from "./store/settings-store";
import { unusedApi } from "./store/test-helpers";

const KIOSK: DeskView = {
  counterName: "Counter 7",
  kioskMode: true,
  settingsLocked: false,
  unlockedUntil: null,
  adminPinSet: true,
  source: "machine",
  problem: null,
  notices: [],
};

test("start-up reads the settings, the desk and this run's answers, and a kiosk policy sizes the window for touch", async () => {
  const calls: string[] = [];
  const api: RefundDeskApi = {
    ...unusedApi(),
    async getSettings() {
      calls.push("getSettings");
      return ok({
        ...DEFAULT_SETTINGS,
        baseUrl: null,
        accessKey: "missing",
        tokenPin: "missing",
        practiceScenarios: [],
      });
    },
    async getDesk() {
      calls.push("getDesk");
      return ok(KIOSK);
    },
    async getSession() {
      calls.push("getSession");
      return ok({ outcomes: [], unsettled: [], clockOffsetMs: 45_000 });
    },
  };
  const stores = {
    request: createRequestStore(api),
    settings: createSettingsStore(api),
    lang: createLangStore(null),
    display: createDisplayStore(null, false),
    desk: createDeskStore(api),
    history: createHistoryStore(api),
    print: createPrintStore(api),
    findMobile: createFindMobileStore(api),
  };
  startUp(stores);
  assert.deepEqual(calls.sort(), ["getDesk", "getSession", "getSettings"]);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(stores.display.getState().kiosk, true);
  assert.equal(stores.settings.getState().view?.environment, DEFAULT_SETTINGS.environment);
  assert.equal(stores.request.getState().clockOffsetMs, 45_000);
});
