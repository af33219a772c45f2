/**
 * What the first screen's JavaScript weighs: index.html's scripts (inline ones too) and the chunks
 * it preloads, each gzipped alone, as each is stored and loaded. The bench reports it; a test holds
 * it to its budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The first screen's JavaScript budget, gzip: 100 KiB. */
export const FIRST_SCREEN_GZIP_BUDGET = 100 * 1024;

/** The scripts the first screen loads: index.html's head scripts, its module entry and the chunks it preloads. */
export function firstScreenScripts(html: string): string[] {
  return [...html.matchAll(/<(?:script (?:type="module" )?src|link rel="modulepreload" href)="([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
}

/** Raw and gzip bytes of `files` under `dir`, each file compressed alone. */
export function bytesOf(dir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The text of index.html's inline scripts (the first-frame gate). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
}

/** The built renderer's first-screen JavaScript, by its index.html: its files and its inline scripts. */
export function firstScreenBytes(rendererDir: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(rendererDir, "index.html"), "utf8");
  const files = firstScreenScripts(html);
  const inFiles = bytesOf(rendererDir, files);
  const inline = inlineScripts(html).map((text) => Buffer.from(text, "utf8"));
  return {
    raw: inFiles.raw + inline.reduce((sum, text) => sum + text.length, 0),
    gzip: inFiles.gzip + inline.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0),
    files: [...files, ...inline.map((_, i) => `(inline script ${i + 1})`)],
  };
}
