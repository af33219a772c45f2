import { test } from "node:test";
import assert from "node:assert/strict";
import { createDisplayStore, kioskFromSearch } from "./display-store";
import type { KeyValueStorage } from "./lang-store";

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

test("large text is read from and remembered under refund-desk.large-text", () => {
  const storage = memoryStorage();
  const store = createDisplayStore(storage, false);
  assert.equal(store.getState().largeText, false);
  store.getState().toggleLargeText();
  assert.equal(store.getState().largeText, true);
  // The key as earlier versions wrote it: a renamed key would forget every agent's choice.
  assert.equal(storage.data["refund-desk.large-text"], "1");
  assert.equal(createDisplayStore(storage, false).getState().largeText, true);
  store.getState().toggleLargeText();
  assert.equal(createDisplayStore(storage, false).getState().largeText, false);
});

test("unreadable storage gives normal text that still switches", () => {
  const broken: KeyValueStorage = {
    getItem: () => {
      throw new Error("denied");
    },
    setItem: () => {
      throw new Error("denied");
    },
  };
  const store = createDisplayStore(broken, true);
  assert.equal(store.getState().largeText, false);
  assert.equal(store.getState().kiosk, true);
  store.getState().toggleLargeText();
  assert.equal(store.getState().largeText, true);
});

test("kiosk mode comes from ?kiosk=1 and nothing else", () => {
  assert.equal(kioskFromSearch("?kiosk=1"), true);
  assert.equal(kioskFromSearch("?lang=hi&kiosk=1"), true);
  assert.equal(kioskFromSearch(""), false);
  assert.equal(kioskFromSearch("?kiosk=0"), false);
  assert.equal(kioskFromSearch("?kiosk=true"), false);
});

test("the policy's kiosk mode turns kiosk sizing on; the address flag alone does too", () => {
  const store = createDisplayStore(null, false);
  assert.equal(store.getState().kiosk, false);
  store.getState().enterKiosk();
  assert.equal(store.getState().kiosk, true);
  const flagged = createDisplayStore(null, true);
  flagged.getState().enterKiosk();
  assert.equal(flagged.getState().kiosk, true);
});

test("the agent having used the app and the folded Practice list are remembered on this machine", () => {
  const storage = memoryStorage();
  const store = createDisplayStore(storage, false);
  assert.equal(store.getState().used, false);
  assert.equal(store.getState().practiceFolded, false);
  store.getState().markUsed();
  store.getState().togglePracticeFolded();
  const again = createDisplayStore(storage, false).getState();
  assert.equal(again.used, true);
  assert.equal(again.practiceFolded, true);
});
