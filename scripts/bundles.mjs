// The three bundles as esbuild options, shared by the one-off build (build.mjs) and the dev loop's
// watch (dev/dev.ts): main (and the CLI) for Node/Electron, the sandboxed preload as one
// self-contained file, and the renderer as static files served from the app.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { buildFirstFrameGate, prerenderFirstScreen } from "./prerender.mjs";

// utf8: the Hindi catalogue stays Devanagari instead of \u escapes (a fifth smaller).
const common = { bundle: true, sourcemap: false, logLevel: "warning", legalComments: "none", charset: "utf8" };

const ENTRY_TAG = '<script type="module" src="app.js"></script>';
const ROOT_TAG = '<div id="root"></div>';
const STYLESHEET_TAG = '<link rel="stylesheet" href="styles.css" />';
const GATE_TAG = '<script src="first-frame.js"></script>';

/** The options of each bundle, by name, writing under `out`. */
export function bundles(root, out) {
  return {
    main: {
      ...common,
      // The token's worker thread is its own file beside them (main/signer/token-client.ts starts it).
      entryPoints: {
        index: join(root, "main/index.ts"),
        cli: join(root, "main/cli/cli-entry.ts"),
        "pkcs11-worker": join(root, "main/signer/pkcs11-worker.ts"),
      },
      outdir: join(out, "main"),
      platform: "node",
      format: "cjs",
      target: "node20",
      external: ["electron", "keytar", "pkcs11js"],
    },
    preload: {
      ...common,
      entryPoints: { preload: join(root, "main/preload.ts") },
      outdir: join(out, "main"),
      platform: "node",
      format: "cjs",
      target: "chrome130",
      external: ["electron"],
    },
    // ES modules split at each dynamic import(): what the first screen does not need (Settings,
    // History, the PIN dialog, the receipt, the other language) loads on first use. Chunks sit
    // beside app.js, so the app:// path rules serve them like any other file.
    renderer: {
      ...common,
      entryPoints: { app: join(root, "renderer/main.tsx") },
      outdir: join(out, "renderer"),
      platform: "browser",
      format: "esm",
      splitting: true,
      chunkNames: "[name]-[hash]",
      metafile: true,
      target: "chrome130",
      minify: true,
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"production"' },
    },
  };
}

/** A CSP source for an inline block: the SHA-256 of its exact text (main/window-policy/page-policy.ts). */
const hashSource = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The renderer's page beside its bundle: index.html names the chunks to preload, holds the first
 * screen, prerendered, in its root, and carries in its head what the first paint waits for (the
 * stylesheet and the first-frame gate), inline, so the page paints without fetching anything; the
 * page's own CSP allows exactly those two blocks, by hash, as the served header does.
 */
export function writeRendererPage(root, out, metafile) {
  mkdirSync(join(out, "renderer"), { recursive: true });
  const html = readFileSync(join(root, "renderer/index.html"), "utf8");
  for (const tag of [ENTRY_TAG, ROOT_TAG, STYLESHEET_TAG, GATE_TAG])
    if (!html.includes(tag)) throw new Error(`renderer/index.html has no ${tag}`);
  // Line ends as the HTML parser leaves them (a Windows checkout may have CRLF): the browser hashes
  // the block after parsing, so the hash is taken over the same text.
  const css = readFileSync(join(root, "renderer/styles.css"), "utf8").replace(/\r\n?/g, "\n");
  const gate = buildFirstFrameGate(root).replace(/\r\n?/g, "\n");
  // Either would end its block early, or change how the parser reads it.
  if (/<\/style|<!--/i.test(css) || /<\/script|<!--/i.test(gate)) throw new Error("an inline block closes its own tag");
  const entry = relative(process.cwd(), join(out, "renderer", "app.js"))
    .split("\\")
    .join("/");
  // The chunks app.js imports statically are fetched at once, not after app.js is parsed.
  const preloads = staticImports(metafile, entry).map((file) => `<link rel="modulepreload" href="${file}" />`);
  const page = html
    .replace("script-src 'self'", () => `script-src 'self' ${hashSource(gate)}`)
    .replace("style-src 'self'", () => `style-src 'self' ${hashSource(css)}`)
    .replace(STYLESHEET_TAG, () => `<style>${css}</style>`)
    .replace(GATE_TAG, () => `<script>${gate}</script>`)
    .replace(ENTRY_TAG, [...preloads, ENTRY_TAG].join("\n    "))
    .replace(ROOT_TAG, () => `<div id="root">${prerenderFirstScreen(root)}</div>`);
  writeFileSync(join(out, "renderer/index.html"), page);
}

/** Every chunk `entry` needs before it runs (static imports, transitively), as paths beside it. */
function staticImports(metafile, entry) {
  const found = new Set();
  const visit = (output) => {
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.kind !== "import-statement" || found.has(imported.path)) continue;
      found.add(imported.path);
      visit(imported.path);
    }
  };
  visit(entry);
  return [...found].map((path) => relative(dirname(entry), path)).sort();
}
