import { test } from "node:test";
import assert from "node:assert/strict";
import { isAltShortcut } from "./shortcuts";

const key = (
  code: string,
  key: string,
  mods: Partial<Record<"altKey" | "ctrlKey" | "metaKey" | "shiftKey", boolean>> = {},
) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  key,
  ...mods,
});

test("Alt+C is the physical C key with Alt alone, whatever letter the layout types", () => {
  assert.equal(isAltShortcut(key("KeyC", "c", { altKey: true }), "C"), true);
  // Option+C on a Mac types "ç"; a Hindi InScript layout types a Devanagari letter.
  assert.equal(isAltShortcut(key("KeyC", "ç", { altKey: true }), "C"), true);
  assert.equal(isAltShortcut(key("KeyC", "म", { altKey: true }), "C"), true);
  // A layout that puts C elsewhere (Dvorak: the I key's place).
  assert.equal(isAltShortcut(key("KeyI", "c", { altKey: true }), "C"), true);
});

test("other chords are left alone: plain C, Ctrl+C (copy), Ctrl+Shift+C (inspect), Alt+Shift+C, Alt+N for C", () => {
  assert.equal(isAltShortcut(key("KeyC", "c"), "C"), false);
  assert.equal(isAltShortcut(key("KeyC", "c", { ctrlKey: true }), "C"), false);
  assert.equal(isAltShortcut(key("KeyC", "C", { ctrlKey: true, shiftKey: true }), "C"), false);
  assert.equal(isAltShortcut(key("KeyC", "C", { altKey: true, shiftKey: true }), "C"), false);
  assert.equal(isAltShortcut(key("KeyC", "c", { altKey: true, metaKey: true }), "C"), false);
  assert.equal(isAltShortcut(key("KeyN", "n", { altKey: true }), "C"), false);
  assert.equal(isAltShortcut(key("KeyN", "n", { altKey: true }), "N"), true);
});
