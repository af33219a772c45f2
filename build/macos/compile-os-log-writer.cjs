// electron-builder's beforePack hook (electron-builder.yml): before it packs for macOS, compiles the
// journal's unified-log writer (os-log-writer.c, beside this file) into one binary for Apple silicon
// and Intel, which mac.extraResources puts in the app's Contents/Resources/os-log/. It is signed with
// the app: electron-builder's signing (@electron/osx-sign) signs every binary under Contents/, with
// the hardened runtime, a timestamp and entitlementsInherit. Packing for Windows or Linux compiles nothing.
const { execFileSync } = require("node:child_process");
const { mkdirSync } = require("node:fs");
const { dirname, join } = require("node:path");

const SOURCE = join(__dirname, "os-log-writer.c");
// Where mac.extraResources takes it from: the build's output, never in git.
const OUTPUT = join(__dirname, "..", "..", "dist", "macos", "os-log", "refund-desk-os-log");
// macOS 11, the first on Apple silicon: older than any the app's Electron runs on, so the writer
// never narrows where the app runs.
const MACOS_MIN = "11.0";

const CLANG_ARGS = [
  "-Os",
  "-Wall",
  "-Werror",
  "-arch",
  "arm64",
  "-arch",
  "x86_64",
  `-mmacosx-version-min=${MACOS_MIN}`,
  "-o",
  OUTPUT,
  SOURCE,
];

function clang(args) {
  mkdirSync(dirname(OUTPUT), { recursive: true });
  execFileSync("clang", args, { stdio: "inherit" });
}

module.exports = async function beforePack(context, compile = clang) {
  if (context.electronPlatformName !== "darwin") return;
  compile(CLANG_ARGS);
};
