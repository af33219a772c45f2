import { test } from "node:test";
import assert from "node:assert/strict";
import { BROWSER_ENV, browserCandidates, findBrowser } from "./browser";

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

test("Linux: Debian's Chromium first, then Chrome and Edge", () => {
  const lookup = { platform: "linux" as const, env: {}, home: "/home/agent" };
  assert.deepEqual(findBrowser({ ...lookup, exists: only("/usr/bin/chromium", "/usr/bin/google-chrome") }), {
    ok: true,
    path: "/usr/bin/chromium",
  });
  assert.deepEqual(findBrowser({ ...lookup, exists: only("/usr/bin/google-chrome-stable") }), {
    ok: true,
    path: "/usr/bin/google-chrome-stable",
  });
  assert.deepEqual(findBrowser({ ...lookup, exists: only("/usr/bin/microsoft-edge") }), {
    ok: true,
    path: "/usr/bin/microsoft-edge",
  });
});

test("Windows: Edge (always installed) under Program Files, then Chrome, also per user", () => {
  const env = {
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    ProgramFiles: "C:\\Program Files",
    LOCALAPPDATA: "C:\\Users\\agent\\AppData\\Local",
  };
  const lookup = { platform: "win32" as const, env, home: "C:\\Users\\agent" };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  const chrome = "C:\\Users\\agent\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
  assert.deepEqual(findBrowser({ ...lookup, exists: only(chrome, edge) }), { ok: true, path: edge });
  assert.deepEqual(findBrowser({ ...lookup, exists: only(chrome) }), { ok: true, path: chrome });
});

test("macOS: Chrome, Edge or Chromium in /Applications or the user's Applications", () => {
  const lookup = { platform: "darwin" as const, env: {}, home: "/Users/agent" };
  const edge = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
  const own = "/Users/agent/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  assert.deepEqual(findBrowser({ ...lookup, exists: only(edge, own) }), { ok: true, path: edge });
  assert.deepEqual(findBrowser({ ...lookup, exists: only(own) }), { ok: true, path: own });
});

test(`${BROWSER_ENV} wins, and a wrong one is said plainly rather than passed over`, () => {
  const lookup = { platform: "linux" as const, env: { [BROWSER_ENV]: "/opt/chrome/chrome" }, home: "/home/agent" };
  assert.deepEqual(findBrowser({ ...lookup, exists: only("/opt/chrome/chrome", "/usr/bin/chromium") }), {
    ok: true,
    path: "/opt/chrome/chrome",
  });
  const wrong = findBrowser({ ...lookup, exists: only("/usr/bin/chromium") });
  assert.equal(wrong.ok, false);
  assert.match(
    wrong.ok ? "" : wrong.message,
    /REFUND_DESK_BROWSER is set to "\/opt\/chrome\/chrome", but there is no such file/,
  );
});

test("none found: the message lists where it looked and how to name one", () => {
  const lookup = { platform: "linux" as const, env: {}, home: "/home/agent" };
  const found = findBrowser({ ...lookup, exists: () => false });
  assert.equal(found.ok, false);
  const message = found.ok ? "" : found.message;
  for (const candidate of browserCandidates(lookup)) assert.ok(message.includes(candidate), candidate);
  assert.match(message, /set REFUND_DESK_BROWSER/);
});
