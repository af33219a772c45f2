import { test } from "node:test";
import assert from "node:assert/strict";
import { FRESH_INSTALL, startsAsPrerendered } from "./first-frame-shape";
import { asFreshInstall, createWindowState } from "./start-up-state";
import { LANG_STORAGE_KEY, type KeyValueStorage } from "./store/lang-store";
import { unusedApi } from "./store/test-helpers";

function local(entries: Record<string, string>): KeyValueStorage {
  return { getItem: (key) => entries[key] ?? null, setItem: () => undefined };
}

const window = (entries: Record<string, string>, search = "") => ({ local: local(entries), session: null, search });

test("a window that remembers nothing, or only what a fresh install would, shows the prerendered screen", () => {
  assert.equal(startsAsPrerendered(FRESH_INSTALL), true);
  assert.equal(startsAsPrerendered(window({})), true);
  assert.equal(startsAsPrerendered(window({ [LANG_STORAGE_KEY]: "en", "refund-desk.large-text": "0" })), true);
  assert.equal(startsAsPrerendered(window({}, "?bench=1")), true);
});

test("a window that remembers anything the first screen shows otherwise does not", () => {
  const remembered: Record<string, string>[] = [
    { [LANG_STORAGE_KEY]: "hi" },
    { "refund-desk.large-text": "1" },
    { "refund-desk.used": "1" },
    { "refund-desk.practice-folded": "1" },
    { "refund-desk.first-frame": JSON.stringify({ environment: "uat", counterName: null }) },
    { "refund-desk.first-frame": JSON.stringify({ environment: "practice", counterName: "Pune Camp" }) },
  ];
  for (const entries of remembered) assert.equal(startsAsPrerendered(window(entries)), false, JSON.stringify(entries));
  assert.equal(startsAsPrerendered(window({}, "?kiosk=1")), false, "kiosk");
});

test("the window as a fresh install starts it keeps its own stores of main's answers, and a fresh install's choices", () => {
  const own = createWindowState(
    unusedApi(),
    window({
      [LANG_STORAGE_KEY]: "hi",
      "refund-desk.used": "1",
      "refund-desk.first-frame": JSON.stringify({ environment: "uat", counterName: "Pune Camp" }),
    }),
  );
  const fresh = asFreshInstall(own);
  assert.equal(fresh.stores.request, own.stores.request);
  assert.equal(fresh.stores.settings, own.stores.settings);
  assert.equal(own.stores.lang.getState().lang, "hi");
  assert.equal(fresh.stores.lang.getState().lang, "en");
  assert.equal(own.stores.display.getState().used, true);
  assert.equal(fresh.stores.display.getState().used, false);
  assert.deepEqual(own.hint, { environment: "uat", counterName: "Pune Camp" });
  assert.deepEqual(fresh.hint, { environment: "practice", counterName: null });
});
