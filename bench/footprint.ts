/**
 * 4. Package footprint: the app's own files plus the production dependencies that go into the
 * asar, Electron itself excluded. Measured from the built files and `npm ls --omit=dev`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "..");
/** Files the packaged app ships from dist/ (see electron-builder.yml `files`). */
const APP_FILES = ["dist/main/index.js", "dist/main/preload.js", "dist/renderer", "package.json"];
/** Build leftovers of a native module compiled here; electron-builder rebuilds keytar for Electron. */
const INTERMEDIATES = [
  /\/build\/Release\/obj\.target\//,
  /\/build\/Release\/\.deps\//,
  /\/build\/(Makefile|config\.gypi|binding\.Makefile|.*\.mk)$/,
  /\/build\/Release\/\.forge-meta$/,
];

function sizeOf(path: string, skip: RegExp[] = []): number {
  const stats = statSync(path);
  if (stats.isFile()) return skip.some((re) => re.test(path)) ? 0 : stats.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry), skip);
  return total;
}

export function measureFootprint() {
  const appBytes = APP_FILES.reduce((sum, file) => sum + sizeOf(join(ROOT, file)), 0);
  const productionDirs = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter((line) => line.trim() !== "" && line !== ROOT)
    // Nested packages are counted with their parent folder.
    .filter((dir, _, all) => !all.some((other) => other !== dir && dir.startsWith(`${other}/node_modules/`)));
  const dependencies = productionDirs
    .map((dir) => ({ name: relative(join(ROOT, "node_modules"), dir), bytes: sizeOf(dir, INTERMEDIATES) }))
    .sort((a, b) => b.bytes - a.bytes);
  const dependencyBytes = dependencies.reduce((sum, d) => sum + d.bytes, 0);
  const total = appBytes + dependencyBytes;
  return {
    appBytes,
    dependencyBytes,
    totalBytes: total,
    targetMet: total <= 3 * 1024 * 1024,
    largestDependencies: dependencies.slice(0, 8),
  };
}
