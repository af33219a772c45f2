/**
 * The fuses of a packaged app, read back from its binary with `@electron/fuses read` (the CLI
 * `npx @electron/fuses read --app …` runs), must be exactly what electron-builder.yml sets, and the
 * asar integrity hash electron-builder embeds (Windows: an INTEGRITY resource in the exe; macOS:
 * ElectronAsarIntegrity in Info.plist) must match the app.asar that ships beside it.
 *
 *   node --import tsx scripts/ci/fuses-check.ts [--arch x64 --arch arm64]   (default: this machine's)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { getRawHeader } from "@electron/asar";
import { load } from "js-yaml";
import { builtApp, type BuiltApp } from "./built-app";

const ROOT = join(__dirname, "..", "..");

/** electron-builder.yml's electronFuses: `runAsNode` there is the `RunAsNode` fuse. */
export function expectedFuses(configText: string): Record<string, boolean> {
  const config = load(configText) as { electronFuses?: Record<string, boolean> };
  const fuses = config.electronFuses ?? {};
  if (Object.keys(fuses).length === 0) throw new Error("electron-builder.yml sets no electronFuses");
  return Object.fromEntries(Object.entries(fuses).map(([key, on]) => [key[0]!.toUpperCase() + key.slice(1), on]));
}

/** `  RunAsNode is Disabled` lines of `electron-fuses read` (colours stripped). */
export function parseFuseRead(output: string): Map<string, string> {
  const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
  return new Map(
    [...plain.matchAll(/^\s+(\w+) is (Enabled|Disabled|Inherited|Removed)\s*$/gm)].map((m) => [m[1]!, m[2]!]),
  );
}

export function fuseProblems(read: Map<string, string>, expected: Record<string, boolean>): string[] {
  if (read.size === 0) return ["electron-fuses read printed no fuses"];
  return Object.entries(expected).flatMap(([fuse, on]) => {
    const want = on ? "Enabled" : "Disabled";
    const got = read.get(fuse);
    return got === want ? [] : [`${fuse}: ${got ?? "missing"}, electron-builder.yml sets ${want}`];
  });
}

/** Electron's own check: SHA-256 of the archive's JSON header, in hex. */
export function asarHeaderHash(asarPath: string): string {
  return createHash("sha256").update(getRawHeader(asarPath).headerString).digest("hex");
}

/** Where the hash is embedded for this platform, and whether it holds `hash` for app.asar. */
export function integrityProblems(platform: NodeJS.Platform, app: BuiltApp, hash: string): string[] {
  if (platform === "win32") {
    // resedit stores the resource as the JSON text electron-builder wrote: [{"file":…,"alg":"SHA256","value":…}].
    const exe = readFileSync(app.executable).toString("latin1");
    return exe.includes(`"alg":"SHA256","value":"${hash}"`)
      ? []
      : [`${app.executable}: no INTEGRITY resource with app.asar's hash ${hash}`];
  }
  if (platform === "darwin") {
    const plistPath = join(app.bundle, "Contents", "Info.plist");
    const plist = readFileSync(plistPath, "utf8");
    const at = plist.indexOf("<key>ElectronAsarIntegrity</key>");
    const entry = at < 0 ? "" : plist.slice(at, plist.indexOf("</dict>\n", at) + 1 || undefined);
    return /<key>Resources\/app\.asar<\/key>/.test(entry) && entry.includes(`<string>${hash}</string>`)
      ? []
      : [`${plistPath}: ElectronAsarIntegrity does not hold app.asar's hash ${hash}`];
  }
  return [];
}

function asarOf(platform: NodeJS.Platform, app: BuiltApp): string {
  return platform === "darwin"
    ? join(app.bundle, "Contents", "Resources", "app.asar")
    : join(dirname(app.executable), "resources", "app.asar");
}

export function readFuses(target: string): string {
  const bin = join(dirname(require.resolve("@electron/fuses/package.json")), "dist", "bin.js");
  const run = spawnSync(process.execPath, [bin, "read", "--app", target], {
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  if (run.status !== 0) throw new Error(`electron-fuses read failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { arch: { type: "string", multiple: true }, release: { type: "string" } } });
  const release = values.release ?? join(ROOT, "release");
  const expected = expectedFuses(readFileSync(join(ROOT, "electron-builder.yml"), "utf8"));
  let failed = false;
  for (const arch of values.arch ?? [process.arch]) {
    const app = builtApp(release, process.platform, arch);
    // electron-fuses reads a .app bundle on macOS and the executable elsewhere.
    const target = process.platform === "darwin" ? app.bundle : app.executable;
    if (!existsSync(target)) throw new Error(`no packaged app at ${target}: build it first`);
    const output = readFuses(target);
    process.stdout.write(output);
    const asar = asarOf(process.platform, app);
    const hash = asarHeaderHash(asar);
    const problems = [
      ...fuseProblems(parseFuseRead(output), expected),
      ...integrityProblems(process.platform, app, hash),
    ];
    process.stdout.write(`${target}: app.asar header SHA-256 ${hash}\n`);
    for (const problem of problems) process.stderr.write(`FUSES: ${problem}\n`);
    failed ||= problems.length > 0;
    if (problems.length === 0)
      process.stdout.write(`${target}: every fuse as electron-builder.yml sets it; asar integrity embedded\n`);
  }
  process.exit(failed ? 1 : 0);
}
