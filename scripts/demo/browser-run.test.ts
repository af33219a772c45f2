/** The demo's browser: its arguments, and a browser that dies at once failing the demo loudly. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../../app/messages/catalogues";
import { describeError } from "../../app/messages/describe-error";
import { browserArgs, browserEnd } from "./browser-run";

test("an app window on a throwaway profile; the sandbox off only as root, where Chromium will not start with it", () => {
  const args = browserArgs("http://127.0.0.1:5000/", "/tmp/profile", false);
  assert.deepEqual(args, [
    "--app=http://127.0.0.1:5000/",
    "--user-data-dir=/tmp/profile",
    "--no-first-run",
    "--no-default-browser-check",
  ]);
  assert.deepEqual(browserArgs("http://127.0.0.1:5000/", "/tmp/profile", true), [...args, "--no-sandbox"]);
});

test("the window closed, or Ctrl+C, is a clean end; a browser that stops with an error fails with its last words", () => {
  assert.deepEqual(browserEnd(0, false, ""), { ok: true });
  assert.deepEqual(browserEnd(null, true, ""), { ok: true });
  assert.deepEqual(
    browserEnd(1, false, "[1:1:ERROR] something\nRunning as root without --no-sandbox is not supported.\n"),
    { ok: false, message: "the browser stopped with exit 1: Running as root without --no-sandbox is not supported." },
  );
  assert.deepEqual(browserEnd(null, false, ""), { ok: false, message: "the browser stopped with exit by a signal" });
});

test("a change away from Practice in the demo says the demo is Practice only, in both languages", async () => {
  const refused = { kind: "invalid-input", field: "environment", reason: "demo-practice-only" } as const;
  assert.equal(describeError(refused, "en").title, "The demo is Practice only");
  await loadCatalogue("hi");
  assert.equal(describeError(refused, "hi").title, "डेमो केवल Practice के लिए है");
});
