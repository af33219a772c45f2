// Run after `npm ci` (package.json postinstall). Electron's own install script, which downloads the
// binary, is denied in allowScripts so that an install never reaches out on its own. A CI runner
// that may download sets REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD=1, and the binary is fetched here with
// Electron's own install.js (through scripts/ensure-electron.mjs). Anywhere else this does nothing.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD !== "1") {
  process.stdout.write(
    "refund-desk: Electron's download is off (set REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD=1 to allow it)\n",
  );
  process.exit(0);
}
const ensure = join(dirname(fileURLToPath(import.meta.url)), "..", "ensure-electron.mjs");
const run = spawnSync(process.execPath, [ensure], { stdio: "inherit" });
process.exit(run.status ?? 1);
