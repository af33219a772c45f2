import { test } from "node:test";
import assert from "node:assert/strict";
import type { DoctorReport } from "../../app/doctor";
import type { RefundDeskApi } from "../../app/ipc";
import { err, ok } from "../../app/result";
import { DEFAULT_SETTINGS, type SettingsView } from "../../app/settings";
import { draftFromView, draftToPatch, type SettingsDraft } from "./settings-draft";
import type { DeskView } from "../../app/policy";
import { createDeskStore } from "./desk-store";
import { createSettingsStore, followDeskLock, formReady } from "./settings-store";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";
import { deferred, unusedApi } from "./test-helpers";
import { PRACTICE_FLEET_FACTS } from "../../main/test-support/fleet-facts";

const VIEW: SettingsView = {
  ...DEFAULT_SETTINGS,
  baseUrl: "http://127.0.0.1:4010/ekoapi/v3",
  accessKey: "missing",
  tokenPin: "missing",
  practiceScenarios: [{ tid: "1001", scenario: "refund-pending" }],
};

const SECRET = "d2fe1d99-6298-4af2-8cc5-d97dcf46df30";

/** A fake bridge that records every call and answers from `view`. */
function fakeApi(overrides: Partial<RefundDeskApi> = {}) {
  const calls: { method: string; request: unknown }[] = [];
  let view: SettingsView = { ...VIEW };
  const record = (method: string, request: unknown) => calls.push({ method, request });
  const api: RefundDeskApi = {
    ...unusedApi(),
    async requestRefundOtp(request) {
      record("requestRefundOtp", request);
      return err({ kind: "internal", details: {} });
    },
    async getSettings(request) {
      record("getSettings", request);
      return ok(view);
    },
    async updateSettings(request) {
      record("updateSettings", request);
      view = { ...view, ...request };
      return ok(view);
    },
    async setAccessKey(request) {
      record("setAccessKey", request);
      view = { ...view, accessKey: "stored" };
      return ok(view);
    },
    async removeAccessKey(request) {
      record("removeAccessKey", request);
      view = { ...view, accessKey: "missing" };
      return ok(view);
    },
    async setTokenPin(request) {
      record("setTokenPin", request);
      view = { ...view, tokenPin: "stored" };
      return ok(view);
    },
    async checkConnection(request) {
      record("checkConnection", request);
      return ok(REPORT);
    },
    async getSession(request) {
      record("getSession", request);
      return ok({ outcomes: [], unsettled: [], clockOffsetMs: null });
    },
    ...overrides,
  };
  return { api, calls };
}

const REPORT: DoctorReport = {
  environment: "practice",
  baseUrl: VIEW.baseUrl,
  checks: [{ id: "clock", status: "warn" }],
  clockOffsetMs: -125_000,
  ok: false,
  fleet: PRACTICE_FLEET_FACTS,
};

const draft = (change: Partial<SettingsDraft> = {}): SettingsDraft => ({ ...draftFromView(VIEW), ...change });

test("load reads the settings with an empty request and bumps the revision", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().load();
  assert.deepEqual(calls, [{ method: "getSettings", request: {} }]);
  assert.deepEqual(store.getState().view, VIEW);
  assert.equal(store.getState().revision, 1);
});

test("a failed load keeps the error for the screen", async () => {
  const error = { kind: "keychain-unavailable", details: { cause: "dbus" } } as const;
  const { api } = fakeApi({ getSettings: async () => err(error) });
  const store = createSettingsStore(api);
  await store.getState().load();
  assert.equal(store.getState().view, null);
  assert.deepEqual(store.getState().error, error);
});

test("save converts seconds to ms, clears empty fields and confirms", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().load();
  const saved = await store.getState().save(
    draft({
      environment: "uat",
      developerKey: " abc ",
      initiatorId: "9962981729",
      userCode: " 20810200 ",
      timeoutSeconds: "30",
      resendCooldownSeconds: " 45 ",
    }),
  );
  assert.equal(saved, true);
  assert.deepEqual(calls[1], {
    method: "updateSettings",
    request: {
      environment: "uat",
      developerKey: "abc",
      initiatorId: "9962981729",
      userCode: "20810200",
      timeoutMs: 30_000,
      resendCooldownMs: 45_000,
    },
  });
  assert.equal(store.getState().notice, "saved");
  assert.equal(store.getState().view?.environment, "uat");
  assert.equal(store.getState().revision, 2);
});

test("invalid settings are refused locally, naming the field, without calling the api", async () => {
  const cases: [Partial<SettingsDraft>, string][] = [
    [{ initiatorId: "99629" }, "initiatorId"],
    [{ timeoutSeconds: "0" }, "timeoutMs"],
    [{ timeoutSeconds: "121" }, "timeoutMs"],
    [{ timeoutSeconds: "2.5" }, "timeoutMs"],
    [{ timeoutSeconds: "" }, "timeoutMs"],
    [{ resendCooldownSeconds: "" }, "resendCooldownMs"],
    [{ resendCooldownSeconds: "-1" }, "resendCooldownMs"],
    [{ resendCooldownSeconds: "601" }, "resendCooldownMs"],
    [{ resendCooldownSeconds: "1.5" }, "resendCooldownMs"],
    [{ environment: "custom", customBaseUrl: "" }, "customBaseUrl"],
    [{ environment: "custom", customBaseUrl: "ftp://x" }, "customBaseUrl"],
    [{ developerKey: "ab cd" }, "developerKey"],
    [{ userCode: "2081020" }, "userCode"],
    [{ userCode: "208102001" }, "userCode"],
    [{ userCode: "2081O200" }, "userCode"],
  ];
  for (const [change, field] of cases) {
    const { api, calls } = fakeApi();
    const store = createSettingsStore(api);
    assert.equal(await store.getState().save(draft(change)), false);
    assert.equal(calls.length, 0, `api called for ${JSON.stringify(change)}`);
    const error = store.getState().error;
    assert.equal(error?.kind === "invalid-input" && error.field, field, JSON.stringify(change));
  }
});

test("an empty user code clears it", () => {
  const cleared = draftToPatch(draft({ userCode: "  " }));
  assert.equal(cleared.ok && cleared.value.userCode, null);
});

test("the resend cooldown shows in seconds and 0 turns it off", () => {
  assert.equal(draft().resendCooldownSeconds, "30");
  const off = draftToPatch(draft({ resendCooldownSeconds: "0" }));
  assert.equal(off.ok && off.value.resendCooldownMs, 0);
  const most = draftToPatch(draft({ resendCooldownSeconds: "600" }));
  assert.equal(most.ok && most.value.resendCooldownMs, 600_000);
});

test("a custom base URL is sent only for the custom environment", () => {
  const custom = draftToPatch(
    draft({ environment: "custom", customBaseUrl: " https://api.eko.in:25002/ekoicici/v3 " }),
  );
  assert.equal(custom.ok && custom.value.customBaseUrl, "https://api.eko.in:25002/ekoicici/v3");
  const uat = draftToPatch(draft({ environment: "uat", customBaseUrl: "https://x" }));
  assert.ok(uat.ok && !("customBaseUrl" in uat.value));
});

test("the access key goes to the api once and is never kept in the store", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().load();
  assert.equal(await store.getState().storeAccessKey(`  ${SECRET}\n`), true);
  assert.deepEqual(calls[1], { method: "setAccessKey", request: { accessKey: SECRET } });
  assert.equal(store.getState().view?.accessKey, "stored");
  assert.equal(store.getState().notice, "key-stored");
  assert.doesNotMatch(JSON.stringify(store.getState()), new RegExp(SECRET));
});

test("an empty access key is refused without calling the api", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  assert.equal(await store.getState().storeAccessKey("   "), false);
  assert.equal(calls.length, 0);
  assert.deepEqual(store.getState().error, { kind: "invalid-input", field: "accessKey", reason: "empty" });
});

test("a keychain failure while storing is shown, and the key still is not kept", async () => {
  const error = { kind: "keychain-unavailable", details: { cause: "locked" } } as const;
  const { api } = fakeApi({ setAccessKey: async () => err(error) });
  const store = createSettingsStore(api);
  assert.equal(await store.getState().storeAccessKey(SECRET), false);
  assert.deepEqual(store.getState().error, error);
  assert.doesNotMatch(JSON.stringify(store.getState()), new RegExp(SECRET));
});

test("the token PIN goes to the api trimmed, shows as stored, and is never kept in state", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().load();
  assert.equal(await store.getState().storeTokenPin(` ${TEST_SECRETS.tokenPins.user}\n`), true);
  assert.deepEqual(calls[1], { method: "setTokenPin", request: { pin: TEST_SECRETS.tokenPins.user } });
  assert.equal(store.getState().view?.tokenPin, "stored");
  assert.equal(store.getState().notice, "pin-stored");
  assert.doesNotMatch(JSON.stringify(store.getState()), new RegExp(TEST_SECRETS.tokenPins.user));
  assert.equal(await store.getState().storeTokenPin("  "), false);
  assert.equal(calls.length, 2, "an empty PIN never reaches the api");
  assert.deepEqual(store.getState().error, { kind: "invalid-input", field: "tokenPin", reason: "empty" });
});

test("remove asks the api and shows the new state", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().storeAccessKey(SECRET);
  assert.equal(await store.getState().removeAccessKey(), true);
  assert.deepEqual(calls.at(-1), { method: "removeAccessKey", request: {} });
  assert.equal(store.getState().view?.accessKey, "missing");
  assert.equal(store.getState().notice, "key-removed");
});

test("one action at a time: a second one while the first runs does not reach the api", async () => {
  const gate = deferred<void>();
  const { api, calls } = fakeApi();
  const slow: RefundDeskApi = {
    ...api,
    async updateSettings(request) {
      await gate.promise;
      return api.updateSettings(request);
    },
  };
  const store = createSettingsStore(slow);
  const first = store.getState().save(draft());
  assert.equal(store.getState().pending, "save");
  assert.equal(await store.getState().save(draft()), false);
  assert.equal(await store.getState().removeAccessKey(), false);
  gate.resolve();
  assert.equal(await first, true);
  assert.deepEqual(
    calls.map((c) => c.method),
    ["updateSettings"],
  );
  assert.equal(store.getState().pending, null);
});

test("check connection calls the api with an empty request and keeps the report", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().checkConnection();
  assert.deepEqual(calls, [{ method: "checkConnection", request: {} }]);
  assert.deepEqual(store.getState().report, REPORT);
});

test("a rejected promise becomes kind internal", async () => {
  const { api } = fakeApi({ checkConnection: () => Promise.reject(new Error("gone")) });
  const store = createSettingsStore(api);
  await store.getState().checkConnection();
  assert.equal(store.getState().error?.kind, "internal");
  assert.equal(store.getState().report, null);
  assert.equal(store.getState().pending, null);
});

test("after an unlock the form waits for a read made while open; a lock reads again without waiting", async () => {
  const { api, calls } = fakeApi();
  const store = createSettingsStore(api);
  await store.getState().load();
  assert.equal(formReady(store.getState()), true);
  const unlocked = store.getState().lockChanged(false);
  assert.equal(store.getState().staleRevision, 1);
  assert.equal(formReady(store.getState()), false);
  await unlocked;
  assert.equal(formReady(store.getState()), true);
  await store.getState().lockChanged(true);
  assert.equal(formReady(store.getState()), true);
  assert.deepEqual(
    calls.map((c) => c.method),
    ["getSettings", "getSettings", "getSettings"],
  );
});

test("followDeskLock: a lock change reads the settings again; a settings-locked refusal shows the desk locked", async () => {
  const locked: DeskView = {
    counterName: null,
    kioskMode: false,
    settingsLocked: true,
    unlockedUntil: null,
    adminPinSet: true,
    source: "provisioned",
    problem: null,
    notices: [],
  };
  let desk = locked;
  const deskCalls: string[] = [];
  const { api, calls } = fakeApi({
    async updateSettings() {
      // Main's unlock ran out while the form was open.
      desk = locked;
      return err({ kind: "settings-locked" });
    },
    async getDesk() {
      deskCalls.push("getDesk");
      return ok(desk);
    },
    async unlockSettings() {
      desk = { ...locked, unlockedUntil: "2999-01-01T00:00:00.000Z" };
      return ok(desk);
    },
  });
  const settings = createSettingsStore(api);
  const deskStore = createDeskStore(api);
  const stop = followDeskLock(settings, deskStore);
  await deskStore.getState().load();
  // The desk's first read is no change of lock.
  assert.equal(calls.filter((c) => c.method === "getSettings").length, 0);
  await deskStore.getState().unlock("1234");
  assert.equal(calls.filter((c) => c.method === "getSettings").length, 1);
  assert.equal(settings.getState().staleRevision, 0);

  await settle();
  assert.equal(await settings.getState().save(draft()), false);
  await settle();
  assert.equal(deskStore.getState().locked, true);
  assert.deepEqual(deskStore.getState().lockedError, { kind: "settings-locked" });
  assert.equal(deskCalls.length, 2);

  stop();
  await deskStore.getState().unlock("1234");
  assert.equal(calls.filter((c) => c.method === "getSettings").length, 2);
});

const settle = () => new Promise((resolve) => setImmediate(resolve));
