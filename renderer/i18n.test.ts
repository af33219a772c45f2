import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, LANGS } from "../app/messages/describe-error";
import { en } from "../app/messages/en";
import { hi } from "../app/messages/hi";
import type { MessageKey } from "../app/messages/keys";
import { hasLanguage, hasText, loadLanguage, translator } from "./i18n";

function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

test("English is in from the start; Hindi only once loaded (its own chunk in the window), then for good", async () => {
  assert.equal(hasLanguage("en"), true);
  assert.equal(hasLanguage("hi"), false);
  // A translator made before its language loaded reads the catalogue at each call.
  const early = translator("hi");
  assert.equal(early("nav.settings"), "Settings");
  await loadLanguage("hi");
  assert.equal(early("nav.settings"), "सेटिंग्स");
  assert.equal(hasLanguage("hi"), true);
  await loadLanguage("hi");
  assert.equal(translator("hi")("nav.settings"), "सेटिंग्स");
});

test("the translator gives every text of both catalogues exactly as written, placeholders filled like fill()", () => {
  for (const [lang, catalogue] of [
    ["en", en],
    ["hi", hi],
  ] as const) {
    const t = translator(lang);
    for (const [key, text] of leaves(catalogue)) {
      // Values with HTML-ish characters: React escapes on render, so the translator must not.
      const values = Object.fromEntries(
        (text.match(/\{(\w+)\}/g) ?? []).map((p) => [p.slice(1, -1), `<${p.slice(1, -1)} & "x">`]),
      );
      assert.equal(t(key as MessageKey, values), fill(text, values), `${lang} ${key}`);
    }
  }
});

test("a placeholder without a value stays visible; a value is never read as a placeholder or a reference", () => {
  const t = translator("en");
  assert.equal(t("result.resendIn"), "Resend in {time}");
  assert.equal(
    t("errors.busy.title", { tid: "{tid} $t(app.name)" }),
    "A request for transaction {tid} $t(app.name) is already running",
  );
});

test("each language has its own translator, stable across calls", () => {
  assert.equal(translator("hi")("nav.settings"), "सेटिंग्स");
  assert.equal(translator("en")("nav.settings"), "Settings");
  assert.equal(translator("hi"), translator("hi"));
  assert.deepEqual([...LANGS], ["en", "hi"]);
});

test("a key no catalogue has is reported on the console (which fails an e2e run) and hasText says no", (t) => {
  const errors: unknown[] = [];
  t.mock.method(console, "error", (...args: unknown[]) => errors.push(args.join(" ")));
  assert.equal(hasText("practice.scenarios.refund-pending"), true);
  assert.equal(hasText("practice.scenarios.from-a-newer-main"), false);
  translator("hi")("practice.scenarios.from-a-newer-main" as MessageKey);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0]), /practice\.scenarios\.from-a-newer-main/);
});
