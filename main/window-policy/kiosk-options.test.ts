import { test } from "node:test";
import assert from "node:assert/strict";
import { isBlockedKioskKey, menuFor, windowOptionsFor, type KeyInput } from "./kiosk-options";

const key = (k: string, mods: Partial<Omit<KeyInput, "key">> = {}): KeyInput => ({
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

test("kiosk window: full screen kiosk, no menu bar, cannot be closed, minimised, resized or moved, no DevTools", () => {
  assert.deepEqual(windowOptionsFor({ kiosk: true, packaged: false }), {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    devTools: false,
  });
  assert.deepEqual(
    windowOptionsFor({ kiosk: true, packaged: true }),
    windowOptionsFor({ kiosk: true, packaged: false }),
  );
});

test("outside kiosk mode the window is an ordinary one; DevTools only in development builds", () => {
  assert.deepEqual(windowOptionsFor({ kiosk: false, packaged: true }), { devTools: false });
  assert.deepEqual(windowOptionsFor({ kiosk: false, packaged: false }), { devTools: true });
});

test("menus: none in a kiosk (macOS keeps Edit alone for copy and paste); the default only in development", () => {
  assert.equal(menuFor({ kiosk: true, packaged: true }, "win32"), "none");
  assert.equal(menuFor({ kiosk: true, packaged: false }, "linux"), "none");
  assert.equal(menuFor({ kiosk: true, packaged: true }, "darwin"), "edit");
  assert.equal(menuFor({ kiosk: false, packaged: false }, "win32"), "default");
  assert.equal(menuFor({ kiosk: false, packaged: true }, "win32"), "none");
  assert.equal(menuFor({ kiosk: false, packaged: true }, "darwin"), "app-and-edit");
});

test("a kiosk swallows reload, full screen, DevTools, close and quit keys", () => {
  const blocked = [
    key("F5"),
    key("F5", { control: true }),
    key("F11"),
    key("F12"),
    key("r", { control: true }),
    key("R", { control: true, shift: true }),
    key("r", { meta: true }),
    key("I", { control: true, shift: true }),
    key("i", { meta: true, alt: true }),
    key("J", { control: true, shift: true }),
    key("C", { control: true, shift: true }),
    key("F4", { alt: true }),
    key("w", { control: true }),
    key("q", { meta: true }),
    key("m", { meta: true }),
    key("h", { meta: true }),
  ];
  for (const input of blocked) assert.equal(isBlockedKioskKey(input), true, JSON.stringify(input));
});

test("typing, editing and moving between fields still work in a kiosk", () => {
  const allowed = [
    key("1"),
    key("r"),
    key("R", { shift: true }),
    key("Enter"),
    key("Tab"),
    key("Tab", { shift: true }),
    key("Backspace"),
    key("c", { control: true }),
    key("v", { control: true }),
    key("x", { meta: true }),
    key("a", { control: true }),
    key("z", { control: true }),
    key("i", { control: true }),
    key("F4"),
    key("Escape"),
  ];
  for (const input of allowed) assert.equal(isBlockedKioskKey(input), false, JSON.stringify(input));
});
