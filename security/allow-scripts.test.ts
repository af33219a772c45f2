/**
 * Install scripts run code from the registry on every developer machine and CI run. Each package
 * in the lockfile that has one must be reviewed in package.json's allowScripts (true: it needs
 * to run, as keytar's and pkcs11js's native builds (node-gyp, no download), or the pinned Node fetching its platform's binary package
 * from the npm registry; false: denied, as Electron's binary download).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

/** "node_modules/a/node_modules/@scope/b" → "@scope/b". */
export function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf("node_modules/") + "node_modules/".length);
}

export function unreviewed(packages: typeof lock.packages, allow: Record<string, boolean>): string[] {
  // "" is the project itself: its own postinstall (scripts/ci/electron-download.mjs) is not a dependency's.
  const names = Object.entries(packages)
    .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
    .map(([path]) => packageName(path));
  return [...new Set(names)].filter((name) => !Object.hasOwn(allow, name)).sort();
}

test("every dependency with an install script is reviewed in allowScripts", () => {
  assert.deepEqual(unreviewed(lock.packages, manifest.allowScripts), []);
});

test("a new dependency bringing an install script is caught", () => {
  const withNewcomer = {
    ...lock.packages,
    "node_modules/x/node_modules/@evil/postinstall": { hasInstallScript: true },
  };
  assert.deepEqual(unreviewed(withNewcomer, manifest.allowScripts), ["@evil/postinstall"]);
});

test("only keytar's and pkcs11js's native builds, esbuild's binary check and the pinned Node may run; Electron's download is denied", () => {
  const allowed = Object.entries(manifest.allowScripts)
    .filter(([, ok]) => ok)
    .map(([name]) => name)
    .sort();
  assert.deepEqual(allowed, ["esbuild", "keytar", "node", "pkcs11js"]);
  assert.equal(manifest.allowScripts.electron, false);
});
