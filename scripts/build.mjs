// `npm run build`: the three bundles (scripts/bundles.mjs) into dist/, once.
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundles, writeRendererPage } from "./bundles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "renderer"), { recursive: true });

const { main, preload, renderer } = bundles(root, out);
const [, , built] = await Promise.all([build(main), build(preload), build(renderer)]);
writeRendererPage(root, out, built.metafile);
