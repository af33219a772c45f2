/**
 * Settings, the write-only access key and the connection check. The api is passed in so the store
 * runs under plain Node in tests. The access key passes through `storeAccessKey` to the api and is
 * never kept in state.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { accessKeyFrom } from "../../app/access-key";
import { tokenPinFrom } from "../../app/token-pin";
import type { DoctorReport } from "../../app/doctor";
import type { RefundDeskError } from "../../app/errors";
import type { RefundDeskApi } from "../../app/ipc";
import type { Result } from "../../app/result";
import { fieldSpec } from "../../app/setting-fields";
import type { SettingsView, UserSettingsPatch } from "../../app/settings";
import type { DeskStore } from "./desk-store";
import { safeCall } from "./safe-call";
import { draftToPatch, type SettingsDraft } from "./settings-draft";

type SettingsAction = "load" | "save" | "store-key" | "remove-key" | "store-pin" | "check";
type SettingsNotice = "saved" | "key-stored" | "key-removed" | "pin-stored";

export interface SettingsState {
  view: SettingsView | null;
  /** Bumped whenever the saved settings are (re)read, so the form can drop its draft. */
  revision: number;
  /** The action running now; others are refused until it ends. */
  pending: SettingsAction | null;
  /** The last action's failure (one slot, so the screen shows one error panel). */
  error: RefundDeskError | null;
  notice: SettingsNotice | null;
  report: DoctorReport | null;
  /**
   * The revision current when the settings were last unlocked, or null. Until a read newer than
   * it arrives the form waits: the locked read has the account fields blanked, and saving those
   * blanks would clear them.
   */
  staleRevision: number | null;
  load: () => Promise<void>;
  save: (draft: SettingsDraft) => Promise<boolean>;
  /**
   * A section of settings as the form holds them: a number outside its field's bounds is refused
   * here at once; choices and text go as they are, and main checks everything again.
   */
  saveSection: (patch: UserSettingsPatch) => Promise<boolean>;
  storeAccessKey: (accessKey: string) => Promise<boolean>;
  removeAccessKey: () => Promise<boolean>;
  /** The token's user PIN (signer pkcs11): passed to main, never kept in state. */
  storeTokenPin: (pin: string) => Promise<boolean>;
  checkConnection: () => Promise<void>;
  clearNotice: () => void;
  /** The desk was locked or unlocked: what main shows differs between the two, so read again. */
  lockChanged: (locked: boolean) => Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

type SettingsApi = Pick<
  RefundDeskApi,
  "getSettings" | "updateSettings" | "setAccessKey" | "removeAccessKey" | "setTokenPin" | "checkConnection"
>;

export function createSettingsStore(api: SettingsApi): SettingsStore {
  return createStore<SettingsState>()((set, get) => {
    /** Runs one action at a time; returns null when another is already running. */
    async function run<T>(action: SettingsAction, call: () => Promise<Result<T>>): Promise<Result<T> | null> {
      if (get().pending) return null;
      set({ pending: action, error: null, notice: null });
      const result = await safeCall(call);
      set(result.ok ? { pending: null } : { pending: null, error: result.error });
      return result;
    }

    function refuse(error: RefundDeskError): false {
      set({ error, notice: null });
      return false;
    }

    async function applyView(
      action: SettingsAction,
      call: () => Promise<Result<SettingsView>>,
      notice: SettingsNotice | null,
      bumpRevision: boolean,
    ): Promise<boolean> {
      const result = await run(action, call);
      if (!result?.ok) return false;
      set((s) => ({ view: result.value, notice, revision: bumpRevision ? s.revision + 1 : s.revision }));
      return true;
    }

    return {
      view: null,
      revision: 0,
      pending: null,
      error: null,
      notice: null,
      report: null,
      staleRevision: null,

      async load() {
        await applyView("load", () => api.getSettings({}), null, true);
      },

      async save(draft) {
        if (get().pending) return false;
        const patch = draftToPatch(draft);
        if (!patch.ok) return refuse(patch.error);
        return applyView("save", () => api.updateSettings(patch.value), "saved", true);
      },

      async saveSection(patch) {
        if (get().pending) return false;
        const outOfRange = Object.entries(patch).find(([name, value]) => {
          const kind = fieldSpec(name as keyof UserSettingsPatch).kind;
          return (
            kind.type === "number" &&
            !(Number.isInteger(value) && Number(value) >= kind.min && Number(value) <= kind.max)
          );
        });
        if (outOfRange) return refuse({ kind: "invalid-input", field: outOfRange[0], reason: "out-of-range" });
        return applyView("save", () => api.updateSettings(patch), "saved", true);
      },

      async storeAccessKey(accessKey) {
        if (get().pending) return false;
        const key = accessKeyFrom(accessKey);
        if (!key.ok) return refuse(key.error);
        return applyView("store-key", () => api.setAccessKey({ accessKey: key.value }), "key-stored", false);
      },

      async removeAccessKey() {
        return applyView("remove-key", () => api.removeAccessKey({}), "key-removed", false);
      },

      async storeTokenPin(input) {
        if (get().pending) return false;
        const pin = tokenPinFrom(input);
        if (!pin.ok) return refuse(pin.error);
        return applyView("store-pin", () => api.setTokenPin({ pin: pin.value }), "pin-stored", false);
      },

      async checkConnection() {
        set({ report: null });
        const result = await run("check", () => api.checkConnection({}));
        if (result?.ok) set({ report: result.value });
      },

      clearNotice() {
        if (get().notice) set({ notice: null });
      },

      async lockChanged(locked) {
        if (!locked) set((s) => ({ staleRevision: s.revision }));
        await get().load();
      },
    };
  });
}

/** Whether the form may show the view: no unlock since, or the view was read after it. */
export function formReady(state: Pick<SettingsState, "revision" | "staleRevision">): boolean {
  return state.staleRevision === null || state.revision > state.staleRevision;
}

/**
 * Keeps the settings in step with the desk's lock: read again on every lock and unlock (once the
 * desk is known), and a change main refused as settings-locked (the unlock ran out while the form
 * was open) shows the desk locked. Returns the function that stops following.
 */
export function followDeskLock(settings: SettingsStore, desk: DeskStore): () => void {
  const stopDesk = desk.subscribe((next, previous) => {
    if (previous.desk !== null && next.locked !== previous.locked) void settings.getState().lockChanged(next.locked);
  });
  const stopSettings = settings.subscribe((next, previous) => {
    if (next.error !== previous.error && next.error?.kind === "settings-locked")
      void desk.getState().unlockEnded(next.error);
  });
  return () => {
    stopDesk();
    stopSettings();
  };
}
