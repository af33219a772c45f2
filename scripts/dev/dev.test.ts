/**
 * `npm run dev` as a developer starts it: it builds into its folder, starts the demo host on that
 * build, opens the window in this machine's Chromium and waits for the first screen (--once ends
 * it there, headless).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

test("the dev loop builds into its folder, serves that build and shows the first screen", { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "refund-desk-dev-out-"));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(root, "scripts", "dev", "dev.ts"), "--out", out, "--headless", "--once"],
    { cwd: root, encoding: "utf8", timeout: 110_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /Refund Desk dev: ready at http:\/\/127\.0\.0\.1:\d+\//);
  for (const file of ["main/index.js", "main/cli.js", "main/preload.js", "renderer/app.js", "renderer/index.html"])
    assert.ok(existsSync(join(out, file)), file);
});
