/** One `--disable-features` for the browser, holding every feature the installed Playwright turns off. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from "./chromium-args";

test("the features Playwright disables are all in the one --disable-features the browser gets", () => {
  const bundle = readFileSync(
    join(dirname(require.resolve("playwright-core/package.json")), "lib", "coreBundle.js"),
    "utf8",
  );
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1];
  assert.ok(list, "Playwright's disabled features were not found where 1.65 keeps them: read chromiumSwitches again");
  const theirs = [...list.replace(/\/\/.*$/gm, "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.ok(theirs.length > 5, theirs.join(","));
  assert.deepEqual([...theirs].sort(), [...PLAYWRIGHT_DISABLED_FEATURES].sort());
  const switches = CHROMIUM_ARGS.filter((arg) => arg.startsWith("--disable-features="));
  assert.equal(switches.length, 1);
  const ours = (switches[0] ?? "").slice("--disable-features=".length).split(",");
  for (const feature of [...theirs, "WebUIOmniboxPopup"]) assert.ok(ours.includes(feature as string), feature);
});
