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

test("a switch to a language not loaded yet happens once its text is in, and only if still wanted", async () => {
  const storage = memoryStorage();
  const loads: Array<{ lang: string; done: () => void }> = [];
  const loaded = new Set(["en"]);
  const store = createLangStore(storage, "en", {
    has: (lang) => loaded.has(lang),
    load: (lang) =>
      new Promise<void>((resolve) =>
        loads.push({
          lang,
          done: () => {
            loaded.add(lang);
            resolve();
          },
        }),
      ),
  });
  store.getState().toggle();
  assert.equal(store.getState().lang, "en", "no fallback English shown as Hindi meanwhile");
  assert.equal(storage.data[LANG_STORAGE_KEY], undefined);
  loads[0]!.done();
  await Promise.resolve();
  assert.equal(store.getState().lang, "hi");
  assert.equal(storage.data[LANG_STORAGE_KEY], "hi");
  store.getState().toggle();
  assert.equal(store.getState().lang, "en", "a loaded language switches at once");
});

test("a second press while the other language loads cancels the switch", async () => {
  let finish!: () => void;
  const store = createLangStore(memoryStorage(), "en", {
    has: (lang) => lang === "en",
    load: () => new Promise<void>((resolve) => (finish = resolve)),
  });
  store.getState().toggle();
  store.getState().toggle();
  finish();
  await Promise.resolve();
  assert.equal(store.getState().lang, "en");
});
