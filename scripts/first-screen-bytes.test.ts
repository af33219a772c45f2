/**
 * The first screen's JavaScript stays within its budget: a word, a component or a library added
 * to the first screen shows here, on the build `npm test` has just made, before any bench run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIRST_SCREEN_GZIP_BUDGET, firstScreenBytes, firstScreenScripts } from "./first-screen-bytes";

const RENDERER = join(__dirname, "..", "dist", "renderer");

test("the first screen's JavaScript is at most 100 KiB gzip, each file compressed alone", () => {
  const { gzip, files } = firstScreenBytes(RENDERER);
  assert.ok(files.includes("app.js") && files.length > 1, files.join(" "));
  assert.ok(
    gzip <= FIRST_SCREEN_GZIP_BUDGET,
    `${gzip} bytes gzip in ${files.join(", ")}: ${gzip - FIRST_SCREEN_GZIP_BUDGET} over the budget`,
  );
});

test("the first screen counts every script index.html runs, loads or preloads, and nothing else", () => {
  const html = `<script>${"g".repeat(500)}</script><style>${"s".repeat(900)}</style><script src="first-frame.js"></script>
<link rel="stylesheet" href="styles.css" /><link rel="modulepreload" href="chunk-A.js" /><script type="module" src="app.js"></script>`;
  assert.deepEqual(firstScreenScripts(html), ["first-frame.js", "chunk-A.js", "app.js"]);
  const dir = mkdtempSync(join(tmpdir(), "first-screen-"));
  writeFileSync(join(dir, "index.html"), html);
  for (const file of ["first-frame.js", "chunk-A.js", "app.js", "styles.css"])
    writeFileSync(join(dir, file), "x".repeat(1000));
  const bytes = firstScreenBytes(dir);
  assert.equal(bytes.raw, 3500);
  assert.equal(bytes.files.length, 4);
  assert.ok(bytes.gzip > 4 * 20 && bytes.gzip < 3500, String(bytes.gzip));
});
