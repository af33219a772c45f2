/**
 * The kiosk and admin channels through the handler table (`desk.dispatch`), on a desk that reads
 * a machine-wide policy, and the counter flow's inquiry and refund channels on Practice.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { localDay } from "../../app/history";
import { IPC_CHANNELS, type IpcMethod } from "../../app/ipc";
import { DEFAULT_SETTINGS, EKO_BASE_URLS } from "../../app/settings";
import { PIN_ATTEMPTS_FILE } from "./pin-gate";
import { hashPin } from "./pin-hash";
import type { KeyStore } from "../keychain/key-store";
import { createRefundDesk, type RefundDesk } from "../refund-desk";
import { defaultExportsDir } from "../history/export-folder";
import { createSettingsFile } from "../settings/settings-file";
import { PRACTICE_OTP } from "../simulator/scenarios";
import { APP_PAGE, TEST_ORIGIN } from "../test-support/desk";
import { boundKeyText } from "../keychain/bound-key";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { practiceDesk } from "../test-support/practice-desk";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** How long an unlock lasts, as the README promises: a literal, not the production constant. */
const TEN_MINUTES_MS = 600_000;

const PIN = TEST_SECRETS.adminPins.deskAdmin;
/** At the app's own cost (a machine policy's cheaper hash is refused), made once for every test here. */
let machineHash: Promise<string> | null = null;
const kioskPinHash = () => (machineHash ??= hashPin(PIN));
const STORED_KEY = "kiosk-access-key-before-the-lock";

/** A kiosk as IT would roll it out: UAT account, counter name, kiosk and locked settings. */
const KIOSK_POLICY = {
  environment: "uat",
  developerKey: "becbbce45f79c6f5109f848acd540567",
  initiatorId: "9962981729",
  userCode: "20810200",
  counterName: "Pune Camp – Counter 3",
  kioskMode: true,
  settingsLocked: true,
};

async function policyDesk(overrides: Partial<typeof KIOSK_POLICY> = {}) {
  const dataDir = tempDataDir("desk-admin");
  createSettingsFile(dataDir).save({ ...DEFAULT_SETTINGS, timeoutMs: 20_000 });
  const policyPath = join(tempDataDir("desk-admin-policy"), "policy.json");
  writeFileSync(policyPath, JSON.stringify({ ...KIOSK_POLICY, ...overrides, adminPinHash: await kioskPinHash() }));
  // Only administrators may write a machine policy; a group- or world-writable one is ignored.
  chmodSync(policyPath, 0o644);

  const clock = { t: Date.parse("2026-03-05T10:00:00.000Z") };
  const store = memoryKeyStore(STORED_KEY);
  const keychainWrites: string[] = [];
  const keyStore: KeyStore = {
    get: () => store.get(),
    set: (key) => {
      keychainWrites.push("set");
      return store.set(key);
    },
    remove: () => {
      keychainWrites.push("remove");
      return store.remove();
    },
  };
  let quits = 0;
  const desk: RefundDesk = createRefundDesk({
    // Nothing here needs Eko: a request would be a bug.
    fetch: async () => assert.fail("no request expected"),
    keyStore,
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: policyPath,
    now: () => clock.t,
    quit: () => {
      quits += 1;
    },
  });
  const call = (method: IpcMethod, payload: unknown = {}) => desk.dispatch(IPC_CHANNELS[method], payload, APP_PAGE);
  const settingsText = () => readFileSync(join(dataDir, "settings.json"), "utf8");
  return { desk, call, clock, dataDir, store, keychainWrites, quits: () => quits, settingsText };
}

const LOCKED = { ok: false, error: { kind: "settings-locked" } };

describe("a kiosk with locked settings, through the handler table", () => {
  test("getDesk tells the window what is in force, and never the PIN or its hash", async () => {
    const { desk, call } = await policyDesk();
    try {
      const view = await call("getDesk");
      assert.deepEqual(view, {
        ok: true,
        value: {
          counterName: KIOSK_POLICY.counterName,
          kioskMode: true,
          settingsLocked: true,
          unlockedUntil: null,
          adminPinSet: true,
          source: "machine",
          problem: null,
          notices: [],
        },
      });
      assert.ok(!JSON.stringify(view).includes("scrypt"));
    } finally {
      await desk.close();
    }
  });

  test("while locked: no change is written anywhere, and the account fields are hidden", async () => {
    const { desk, call, store, keychainWrites, settingsText } = await policyDesk();
    try {
      const before = settingsText();
      assert.deepEqual(await call("updateSettings", { timeoutMs: 5_000 }), LOCKED);
      assert.deepEqual(await call("updateSettings", { userCode: null }), LOCKED);
      assert.deepEqual(await call("setAccessKey", { accessKey: TEST_SECRETS.accessKeys.lockedOut }), LOCKED);
      assert.deepEqual(await call("removeAccessKey"), LOCKED);
      assert.equal(settingsText(), before);
      assert.deepEqual(keychainWrites, []);
      assert.equal(store.value, STORED_KEY);

      const view = await call("getSettings");
      assert.ok(view.ok, JSON.stringify(view));
      const settings = view.value as Record<string, unknown>;
      assert.deepEqual([settings.developerKey, settings.initiatorId, settings.userCode], [null, null, null]);
      assert.equal(settings.environment, "uat", "the environment stays visible");
      assert.equal(settings.accessKey, "stored");
      for (const secret of [KIOSK_POLICY.developerKey, KIOSK_POLICY.initiatorId, KIOSK_POLICY.userCode])
        assert.ok(!JSON.stringify(view).includes(secret), secret);
    } finally {
      await desk.close();
    }
  });

  test("the right PIN opens them for ten minutes; lockSettings or the clock closes them again", async () => {
    const { desk, call, clock, store, settingsText } = await policyDesk();
    try {
      const wrong = await call("unlockSettings", { pin: TEST_SECRETS.adminPins.deskAdminWrong });
      assert.deepEqual(wrong, { ok: false, error: { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 } });
      assert.deepEqual(await call("updateSettings", { timeoutMs: 5_000 }), LOCKED);

      const opened = await call("unlockSettings", { pin: PIN });
      assert.ok(opened.ok, JSON.stringify(opened));
      assert.equal(
        (opened.value as { unlockedUntil: string }).unlockedUntil,
        new Date(clock.t + TEN_MINUTES_MS).toISOString(),
      );
      const shown = await call("getSettings");
      assert.ok(shown.ok);
      assert.equal((shown.value as { developerKey: string }).developerKey, KIOSK_POLICY.developerKey);
      // Unlocked, the key may be set; the settings are the machine policy's alone, changed there.
      const before = settingsText();
      assert.deepEqual(await call("updateSettings", { timeoutMs: 5_000 }), {
        ok: false,
        error: { kind: "set-by-policy" },
      });
      assert.equal(settingsText(), before);
      assert.ok((await call("setAccessKey", { accessKey: TEST_SECRETS.accessKeys.adminReplaced })).ok);
      assert.equal(store.value, boundKeyText(TEST_SECRETS.accessKeys.adminReplaced, EKO_BASE_URLS.uat));

      const closed = await call("lockSettings");
      assert.ok(closed.ok && (closed.value as { unlockedUntil: unknown }).unlockedUntil === null);
      assert.deepEqual(await call("updateSettings", { timeoutMs: 6_000 }), LOCKED);
      assert.deepEqual(await call("removeAccessKey"), LOCKED);
      const hidden = await call("getSettings");
      assert.ok(hidden.ok && (hidden.value as { developerKey: unknown }).developerKey === null);

      assert.ok((await call("unlockSettings", { pin: PIN })).ok);
      clock.t += TEN_MINUTES_MS;
      assert.deepEqual(await call("updateSettings", { timeoutMs: 6_000 }), LOCKED, "the unlock ran out");
      assert.equal(JSON.parse(settingsText()).timeoutMs, 20_000);
    } finally {
      await desk.close();
    }
  });

  test("exitKiosk: a wrong PIN does not quit; the right one quits once and says so", async () => {
    const { desk, call, quits } = await policyDesk();
    try {
      assert.deepEqual(await call("exitKiosk", { pin: "1111" }), {
        ok: false,
        error: { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 },
      });
      assert.equal(quits(), 0);
      assert.deepEqual(await call("exitKiosk", { pin: PIN }), { ok: true, value: { exiting: true } });
      assert.equal(quits(), 1);
    } finally {
      await desk.close();
    }
  });

  test("a frame or page that is not the app's cannot unlock or exit, even with the right PIN", async () => {
    const { desk, quits } = await policyDesk();
    try {
      for (const sender of [
        { url: APP_PAGE.url, isMainFrame: false },
        { url: "https://evil.example/index.html", isMainFrame: true },
      ]) {
        for (const method of ["exitKiosk", "unlockSettings"] as const) {
          const result = await desk.dispatch(IPC_CHANNELS[method], { pin: PIN }, sender);
          assert.deepEqual(result, {
            ok: false,
            error: { kind: "invalid-input", field: "sender", reason: "untrusted-sender" },
          });
        }
      }
      assert.equal(quits(), 0);
      const view = await desk.dispatch(IPC_CHANNELS.getDesk, {}, APP_PAGE);
      assert.ok(view.ok && (view.value as { unlockedUntil: unknown }).unlockedUntil === null);
    } finally {
      await desk.close();
    }
  });

  test("exitKiosk on a desk that is not a kiosk is refused before any PIN is looked at", async () => {
    const { desk, call, quits, dataDir } = await policyDesk({ kioskMode: false });
    try {
      assert.deepEqual(await call("exitKiosk", { pin: PIN }), {
        ok: false,
        error: { kind: "invalid-input", field: "kiosk", reason: "not-kiosk" },
      });
      assert.deepEqual(await call("exitKiosk", { pin: "1111" }), {
        ok: false,
        error: { kind: "invalid-input", field: "kiosk", reason: "not-kiosk" },
      });
      assert.equal(quits(), 0);
      assert.equal(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)), false, "the wrong PIN was not counted");
      // The lock is the policy's own, kiosk or not.
      assert.deepEqual(await call("updateSettings", { timeoutMs: 5_000 }), LOCKED);
    } finally {
      await desk.close();
    }
  });

  test("History over the handler table: a kiosk export needs the admin PIN and lands in the fixed exports folder", async () => {
    const { desk, call, dataDir } = await policyDesk();
    try {
      const range = { from: "2026-03-01", to: "2026-03-05" };
      assert.deepEqual(await call("readHistory", range), { ok: true, value: { entries: [], skipped: 0 } });
      const location = join(defaultExportsDir(dataDir), "refund-desk-2026-03-01-to-2026-03-05.csv");
      assert.deepEqual(await call("exportHistory", range), {
        ok: false,
        error: { kind: "invalid-input", field: "pin", reason: "required" },
      });
      const wrong = await call("exportHistory", { ...range, pin: TEST_SECRETS.adminPins.exportWrong });
      assert.equal(!wrong.ok && wrong.error.kind, "wrong-pin");
      assert.equal(existsSync(location), false, "nothing written without the PIN");
      const exported = await call("exportHistory", { ...range, pin: PIN });
      assert.deepEqual(exported, { ok: true, value: { saved: true, location, rows: 0, skipped: 0 } });
      assert.match(readFileSync(location, "utf8"), /^time,counter,environment,tid,outcome/);
      assert.deepEqual(await call("readHistory", { from: "2026-02-30", to: "2026-03-05" }), {
        ok: false,
        error: { kind: "invalid-input", field: "from", reason: "not-a-date" },
      });
    } finally {
      await desk.close();
    }
  });
});

/** Every file under `folder`, for the OTP check. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test("inquiry, OTP and refund over the handler table reach the refund flow; the OTP is in no reply and no file", async () => {
  const { desk, dataDir, calls } = await practiceDesk();
  try {
    const replies: unknown[] = [];
    const call = async (method: IpcMethod, payload: unknown) => {
      const reply = await desk.dispatch(IPC_CHANNELS[method], payload, APP_PAGE);
      replies.push(reply);
      return reply;
    };
    const check = await call("inquireTransaction", { tid: "13192443" });
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal((check.value as { state: string }).state, "refund-pending");
    const sent = await call("requestRefundOtp", { tid: "13192443" });
    assert.ok(sent.ok, JSON.stringify(sent));
    const { otpRefId } = sent.value as { otpRefId: string };
    const refund = await call("refund", { tid: "13192443", otp: PRACTICE_OTP, otpRefId });
    assert.ok(refund.ok, JSON.stringify(refund));
    const receipt = refund.value as { tid: string; confirmedBy: string; refundedAmount: string };
    assert.deepEqual([receipt.tid, receipt.confirmedBy, receipt.refundedAmount], ["13192443", "refund", "5000.00"]);
    assert.deepEqual(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname}`),
      [
        "GET /ekoapi/v3/tools/reference/transaction/13192443",
        "POST /ekoapi/v3/customer/payment/refund/13192443/otp",
        "POST /ekoapi/v3/customer/payment/refund/13192443",
      ],
    );

    // A day either side, so a run across midnight still finds today's lines.
    const day = 86_400_000;
    const range = { from: localDay(new Date(Date.now() - day)), to: localDay(new Date(Date.now() + day)) };
    const history = await call("readHistory", range);
    assert.ok(history.ok, JSON.stringify(history));
    assert.deepEqual(
      (history.value as { entries: { outcome: string }[] }).entries.map((e) => e.outcome),
      ["refund:refunded", "otp-sent", "inquiry:tx_status=3"],
    );
    const exported = await call("exportHistory", range);
    assert.ok(exported.ok && (exported.value as { rows: number }).rows === 3, JSON.stringify(exported));

    for (const reply of replies) assert.ok(!JSON.stringify(reply).includes(PRACTICE_OTP), JSON.stringify(reply));
    const files = filesUnder(dataDir);
    assert.ok(
      files.some((f) => f.includes(`${sep}journal${sep}`)),
      "the journal was written",
    );
    assert.ok(readdirSync(defaultExportsDir(dataDir)).length > 0, "the export was written, outside the data folder");
    for (const file of files) assert.ok(!readFileSync(file, "utf8").includes(PRACTICE_OTP), `the OTP is in ${file}`);
  } finally {
    await desk.close();
  }
});
