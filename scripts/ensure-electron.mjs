// Run by `npm start` before `electron .`. Electron's own install script (which downloads the binary
// from GitHub) is denied in package.json's allowScripts, because the build machines cannot reach
// GitHub. Here, on a developer machine, we fetch it on first run with that same script, or explain
// how to supply a pre-downloaded Electron. Mirrors node_modules/electron/{install,index}.js.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve("electron/package.json"));
const { version } = JSON.parse(readFileSync(join(electronDir, "package.json"), "utf8"));

const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;

/** The executable inside the unpacked zip, as install.js names it (and writes to path.txt). */
function platformPath() {
  switch (platform) {
    case "mas":
    case "darwin":
      return "Electron.app/Contents/MacOS/Electron";
    case "win32":
      return "electron.exe";
    default:
      return "electron";
  }
}

function readOrNull(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The binary index.js will launch with ELECTRON_OVERRIDE_DIST_PATH set: the override folder plus path.txt, or "electron". */
function overrideBinaryExists() {
  const candidate = join(override, readOrNull(join(electronDir, "path.txt")) ?? "electron");
  // Windows runs "electron" as electron.exe (CreateProcess appends .exe).
  return existsSync(candidate) || (platform === "win32" && existsSync(`${candidate}.exe`));
}

/** install.js's own test: dist/ holds this version, for this platform, and the binary is there. */
function installed() {
  return (
    readOrNull(join(electronDir, "dist", "version"))
      ?.trim()
      .replace(/^v/, "") === version &&
    readOrNull(join(electronDir, "path.txt")) === platformPath() &&
    existsSync(join(electronDir, "dist", platformPath()))
  );
}

const zipName = `electron-v${version}-${platform}-${arch}.zip`;

function explain(reason) {
  const mirror =
    process.env.npm_config_electron_mirror ||
    process.env.ELECTRON_MIRROR ||
    "https://github.com/electron/electron/releases/download/";
  // @electron/get keeps a download at <cache>/<sha256 of the URL of its folder>/<file name>.
  const folderUrl = `${mirror}v${version}`;
  const cacheFolder = createHash("sha256").update(folderUrl).digest("hex");
  const cacheRoot = process.env.electron_config_cache || "<folder set in electron_config_cache>";
  process.stderr.write(`
refund-desk: ${reason}

\`npm start\` needs Electron ${version} for ${platform}-${arch} (${zipName}).
Supply it in one of these ways, then run \`npm start\` again:

  1. Use an Electron you already have unpacked:
       ELECTRON_OVERRIDE_DIST_PATH=<the folder of the unpacked ${zipName} that holds the executable>
     (on macOS that is Electron.app/Contents/MacOS inside it)

  2. Put the official zip where Electron's installer looks before it downloads:
       electron_config_cache=<a folder>   and place the file at
       ${join(cacheRoot, cacheFolder, zipName)}
     It is checked against node_modules/electron/checksums.json, so it must be the genuine release.
     (The middle folder name depends on ELECTRON_MIRROR; it is computed here for ${folderUrl}.)

  3. Download from a mirror your network allows:
       ELECTRON_MIRROR=<URL of a folder holding v${version}/${zipName}>   (ending in "/")

Tests do not need Electron: \`npm test\` runs the renderer in Chromium through the e2e test host.
To try the app without Electron, \`npm run demo\` opens it in this machine's Chromium, Chrome or Edge
(Practice only, nothing stored).
`);
}

if (override) {
  // index.js launches the override and ignores dist/, so downloading would not help.
  if (overrideBinaryExists()) process.exit(0);
  explain(`ELECTRON_OVERRIDE_DIST_PATH is set to "${override}", but no Electron executable is there.`);
  process.exit(1);
}

if (installed()) process.exit(0);

process.stdout.write(
  `refund-desk: Electron ${version} is not installed yet; fetching it with node_modules/electron/install.js…\n`,
);
const run = spawnSync(process.execPath, [join(electronDir, "install.js")], { stdio: "inherit" });
if (run.status === 0 && installed()) process.exit(0);

explain(
  run.error
    ? `could not run Electron's installer (${run.error.message}).`
    : "Electron's installer could not fetch the binary (see its error above).",
);
process.exit(1);
