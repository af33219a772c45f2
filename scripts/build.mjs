// Bundles the three parts with esbuild: main (and the CLI) for Node/Electron, the sandboxed
// preload as one self-contained file, and the renderer as static files served from the app.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "renderer"), { recursive: true });

// utf8: the Hindi catalogue stays Devanagari instead of \u escapes (a fifth smaller).
const common = { bundle: true, sourcemap: false, logLevel: "warning", legalComments: "none", charset: "utf8" };

await Promise.all([
  build({
    ...common,
    entryPoints: { index: join(root, "main/index.ts"), cli: join(root, "main/cli/cli-entry.ts") },
    outdir: join(out, "main"),
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["electron", "keytar"],
  }),
  build({
    ...common,
    entryPoints: { preload: join(root, "main/preload.ts") },
    outdir: join(out, "main"),
    platform: "node",
    format: "cjs",
    target: "chrome130",
    external: ["electron"],
  }),
  build({
    ...common,
    entryPoints: { app: join(root, "renderer/main.tsx") },
    outdir: join(out, "renderer"),
    platform: "browser",
    format: "iife",
    target: "chrome130",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
  }),
]);
cpSync(join(root, "renderer/index.html"), join(out, "renderer/index.html"));
cpSync(join(root, "renderer/styles.css"), join(out, "renderer/styles.css"));
