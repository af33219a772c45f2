// The first screen before any script (renderer/prerender.tsx): rendered here, at build time, with
// React's server renderer, into index.html's root; and the head's one blocking script
// (renderer/first-frame-gate.ts), inlined there. Synchronous, so the dev loop's rebuilds use it as is.
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const common = {
  bundle: true,
  logLevel: "warning",
  legalComments: "none",
  charset: "utf8",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
};

/** The HTML of the prerendered first screen. */
export function prerenderFirstScreen(root) {
  const dir = mkdtempSync(join(tmpdir(), "refund-desk-prerender-"));
  try {
    const file = join(dir, "prerender.cjs");
    buildSync({
      ...common,
      entryPoints: [join(root, "renderer/prerender.tsx")],
      outfile: file,
      platform: "node",
      format: "cjs",
      target: "node20",
    });
    return createRequire(import.meta.url)(file).prerenderFirstScreen();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first-frame gate's code: a classic script for the head, so it runs before the first paint. */
export function buildFirstFrameGate(root) {
  const built = buildSync({
    ...common,
    entryPoints: [join(root, "renderer/first-frame-gate.ts")],
    write: false,
    platform: "browser",
    format: "iife",
    target: "chrome130",
    minify: true,
  });
  return built.outputFiles[0].text.trim();
}
