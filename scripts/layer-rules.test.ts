/**
 * Every layer rule in .dependency-cruiser.cjs can fire: each has a fixture that must break it, and
 * a clean fixture breaks none. The fixtures are written to a folder of their own and cruised with
 * the project's own configuration, so a rule that can never match (as "renderer-not-main" once
 * was: under main/ and a Node built-in at once) fails here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(__dirname, "..");
const config = createRequire(__filename)(join(root, ".dependency-cruiser.cjs")) as {
  forbidden: { name: string }[];
  required: { name: string }[];
};

/** Files every fixture may import without breaking anything. */
const CLEAN: Record<string, string> = {
  "app/contract.ts": 'import { z } from "zod";\nexport const shape = z.string();\n',
  "main/service.ts":
    'import { readFileSync } from "node:fs";\nimport { shape } from "../app/contract";\nexport const read = () => shape.parse(readFileSync("x", "utf8"));\n',
  "main/index.ts":
    'import { app } from "electron";\nimport { read } from "./service";\nexport const start = () => app.whenReady().then(read);\n',
  "main/electron/window.ts":
    'import { BrowserWindow } from "electron";\nexport const open = () => new BrowserWindow();\n',
  "main/uses-window.ts":
    'import { open } from "./electron/window";\nimport { start } from "./index";\nexport const both = () => [open(), start()];\n',
  "main/test-support/helper.ts": "export const helper = 1;\n",
  "main/service.test.ts":
    'import { helper } from "./test-support/helper";\nimport { read } from "./service";\nexport const t = [helper, read];\n',
  "renderer/screen.ts": 'import { shape } from "../app/contract";\nexport const view = shape;\n',
};

/** For each rule, the files that break it (over the clean ones) and the module it must name. */
const BREAKERS: Record<string, { files: Record<string, string>; from: string }> = {
  "app-is-pure": {
    files: { "app/reads-disk.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n' },
    from: "app/reads-disk.ts",
  },
  "renderer-not-main": {
    files: { "renderer/signs.ts": 'import { read } from "../main/service";\nexport const sign = read;\n' },
    from: "renderer/signs.ts",
  },
  "renderer-no-node": {
    files: { "renderer/disk.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n' },
    from: "renderer/disk.ts",
  },
  "command-line-words-in-main-only": {
    files: {
      "app/messages/cli-en.ts": "export const cliEn = { out: {} };\n",
      "app/messages/cli-types.ts": 'import type { cliEn } from "./cli-en";\nexport type Words = typeof cliEn;\n',
      "renderer/says.ts":
        'import { cliEn } from "../app/messages/cli-en";\nimport type { Words } from "../app/messages/cli-types";\nexport const said: Words = cliEn;\n',
    },
    from: "renderer/says.ts",
  },
  "main-not-renderer": {
    files: { "main/draws.ts": 'import { view } from "../renderer/screen";\nexport const drawn = view;\n' },
    from: "main/draws.ts",
  },
  "electron-only-in-the-shell": {
    files: { "main/refund/quits.ts": 'import { app } from "electron";\nexport const quit = () => app.quit();\n' },
    from: "main/refund/quits.ts",
  },
  "no-test-code-in-production": {
    files: { "main/uses-helper.ts": 'import { helper } from "./test-support/helper";\nexport const used = helper;\n' },
    from: "main/uses-helper.ts",
  },
  "no-circular": {
    files: {
      "main/ping.ts": 'import { pong } from "./pong";\nexport const ping = () => pong;\n',
      "main/pong.ts": 'import { ping } from "./ping";\nexport const pong = () => ping;\n',
    },
    from: "main/ping.ts",
  },
  "no-orphans": {
    files: { "main/forgotten.ts": "export const forgotten = 1;\n" },
    from: "main/forgotten.ts",
  },
  "electron-folder-is-the-shell": {
    files: { "main/electron/plain.ts": "export const plain = 1;\n" },
    from: "main/electron/plain.ts",
  },
};

interface Violation {
  rule: { name: string };
  from: string;
}

function cruise(files: Record<string, string>): Violation[] {
  const folder = mkdtempSync(join(tmpdir(), "layer-rules-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  symlinkSync(join(root, "node_modules"), join(folder, "node_modules"));
  // The project's rules as they are; node_modules is a link here, so it is read as a link.
  writeFileSync(
    join(folder, ".dependency-cruiser.cjs"),
    `module.exports = { extends: ${JSON.stringify(join(root, ".dependency-cruiser.cjs"))}, options: { preserveSymlinks: true } };\n`,
  );
  writeFileSync(
    join(folder, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "preserve", moduleResolution: "bundler", strict: true } }),
  );
  const output = execFileSync(
    join(root, "node_modules", ".bin", "depcruise"),
    ["--config", ".dependency-cruiser.cjs", "--output-type", "json", "--no-progress", "app", "main", "renderer"],
    { cwd: folder, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

test("every rule in the configuration has a fixture that must break it", () => {
  const names = [...config.forbidden, ...config.required].map((rule) => rule.name).sort();
  assert.deepEqual(Object.keys(BREAKERS).sort(), names);
});

test("the clean fixture breaks no rule; each breaker breaks its own rule, from its own file", () => {
  assert.deepEqual(cruise(CLEAN), []);
  const all = Object.assign({}, CLEAN, ...Object.values(BREAKERS).map((b) => b.files)) as Record<string, string>;
  const found = cruise(all).map((v) => `${v.rule.name} ${v.from}`);
  for (const [rule, breaker] of Object.entries(BREAKERS))
    assert.ok(
      found.includes(`${rule} ${breaker.from}`),
      `${rule} did not fire on ${breaker.from}: ${found.join("; ")}`,
    );
});
