import { test } from "node:test";
import assert from "node:assert/strict";
import { createLangStore, LANG_STORAGE_KEY, type KeyValueStorage } from "./lang-store";

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

test("the language is read from and remembered under refund-desk.lang", () => {
  const storage = memoryStorage({ [LANG_STORAGE_KEY]: "hi" });
  const store = createLangStore(storage);
  assert.equal(store.getState().lang, "hi");
  store.getState().toggle();
  assert.equal(store.getState().lang, "en");
  assert.equal(storage.data[LANG_STORAGE_KEY], "en");
});

test("a junk or unreadable stored value falls back to English", () => {
  assert.equal(createLangStore(memoryStorage({ [LANG_STORAGE_KEY]: "fr" })).getState().lang, "en");
  const broken: KeyValueStorage = {
    getItem: () => {
      throw new Error("denied");
    },
    setItem: () => {
      throw new Error("denied");
    },
  };
  const store = createLangStore(broken);
  assert.equal(store.getState().lang, "en");
  store.getState().setLang("hi");
  assert.equal(store.getState().lang, "hi");
});
