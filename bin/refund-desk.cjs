#!/usr/bin/env node
// The support/scripting command line; it drives the same main-process services as the app.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const cli = join(__dirname, "..", "dist", "main", "cli.js");
if (!existsSync(cli)) {
  process.stderr.write("refund-desk: the app is not built yet; run `npm run build` in the checkout first.\n");
  // EXIT.internal of main/cli/exit-codes.ts (this file runs before anything is built).
  process.exit(70);
}
require(cli).runFromProcess();
