/**
 * electron-builder.yml checked before any release build: against electron-builder's own JSON
 * schema (shipped in app-builder-lib), so a misspelt option fails here rather than on the release
 * machine, and for the settings kiosks depend on. Also the checked-in icons it packages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import Ajv from "ajv";
import { load } from "js-yaml";
import { EVENT_SOURCE, MAC_OS_LOG_WRITER } from "../main/journal/os-log/platform-os-log";

const root = join(__dirname, "..");
const config = load(readFileSync(join(root, "electron-builder.yml"), "utf8")) as Record<string, any>;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function schemaValidator() {
  const schema = JSON.parse(readFileSync(join(root, "node_modules", "app-builder-lib", "scheme.json"), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  // electron-builder's schema marks hook options (functions in a JS config) with this keyword.
  ajv.addKeyword({
    keyword: "typeof",
    schemaType: "string",
    validate: (type: string, data: unknown) => typeof data === type,
  });
  return ajv.compile(schema);
}

test("electron-builder.yml is valid against electron-builder's own schema, and a misspelt option is not", () => {
  const validate = schemaValidator();
  assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
  assert.equal(validate({ ...config, nsis: { ...config.nsis, perMachin: true } }), false);
  assert.equal(validate({ ...config, publsh: null }), false);
  assert.equal(validate({ ...config, asar: "yes" }), false);
});

test("Windows: a per-machine NSIS installer that installs silently, into a folder users cannot write", () => {
  assert.deepEqual(config.win.target, [
    { target: "nsis", arch: ["x64"] },
    { target: "msi", arch: ["x64"] },
  ]);
  assert.equal(config.nsis.perMachine, true);
  assert.equal(config.nsis.oneClick, false);
  // No folder page: a folder users can write would let them swap the exe, the asar or keytar.node.
  assert.equal(config.nsis.allowToChangeInstallationDirectory, false);
  const include = readFileSync(join(root, config.nsis.include), "utf8");
  // /D= still chooses a folder: the include gives it Program Files' rights (Users read and run only).
  assert.match(include, /!define REFUND_DESK_GRANTS "[^"\n]*\*S-1-5-32-545:\(OI\)\(CI\)RX"/);
  const icacls = /!macro customInstall[\s\S]*icacls "\$INSTDIR" \/inheritance:r \/grant:r \$\{REFUND_DESK_GRANTS\} /;
  assert.match(include, icacls);
  assert.doesNotMatch(include, /S-1-5-32-545:\(OI\)\(CI\)[^R]/, "Users get read and execute, nothing more");
  assert.equal(config.nsis.runAfterFinish, false, "a silent install must not start the app as the installing admin");
  assert.equal(config.nsis.deleteAppDataOnUninstall, false, "the journal outlives an uninstall");
  assert.deepEqual(
    config.mac.target.map((t: { target: string }) => t.target),
    ["dmg", "pkg"],
  );
  assert.equal(config.appId, "in.refunddesk.app");
  assert.equal(config.productName, "Refund Desk");
  assert.equal(config.directories.buildResources, "build");
});

test("Windows: an MSI per machine, silent, with one upgrade code, registering the event source as the NSIS installer does", async () => {
  assert.equal(config.msi.perMachine, true);
  assert.equal(config.msi.oneClick, true, "no dialogs: msiexec /qn and Group Policy install it unattended");
  assert.equal(config.msi.runAfterFinish, false);
  // Fixed, never derived: every version must carry the same one for an upgrade to replace the last.
  assert.match(config.msi.upgradeCode, /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);

  // The hook as electron-builder loads it, on the end of electron-builder's own WiX template.
  const hook = (await import(join(root, config.msiProjectCreated))) as {
    default: ((file: string) => Promise<void>) & { withEventSource: (project: string) => string };
  };
  const template = readFileSync(
    join(root, "node_modules", "app-builder-lib", "templates", "msi", "template.xml"),
    "utf8",
  );
  const project = join(mkdtempSync(join(tmpdir(), "msi-project-")), "project.wxs");
  writeFileSync(project, template);
  await hook.default(project);
  const wxs = readFileSync(project, "utf8");
  const group = /<ComponentGroup Id="ProductComponents"[\s\S]*?<\/ComponentGroup>/.exec(wxs)?.[0] ?? "";
  const component = /<Component Id="RefundDeskEventSource" Guid="\{[0-9A-F-]{36}\}">[\s\S]*?<\/Component>/.exec(
    group,
  )?.[0];
  assert.ok(component, "the event source's component is in the product's components");
  assert.throws(() => hook.default.withEventSource("<Wix><Product/></Wix>"), /no ProductComponents/);

  // The same key and values as build/installer.nsh writes, for the source the app writes to.
  const nsh = readFileSync(join(root, config.nsis.include), "utf8");
  const nsisKey = /!define REFUND_DESK_EVENT_SOURCE "([^"]+)"/.exec(nsh)?.[1];
  const nsisFile = /"EventMessageFile" "([^"]+)"/.exec(nsh)?.[1];
  assert.equal(nsisKey, `SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\${EVENT_SOURCE}`);
  assert.ok(component.includes(`<RegistryKey Root="HKLM" Key="${nsisKey}"`));
  assert.ok(component.includes(`Type="expandable" Name="EventMessageFile" Value="${nsisFile}"`));
  assert.match(nsh, /WriteRegDWORD HKLM "\$\{REFUND_DESK_EVENT_SOURCE\}" "TypesSupported" 7/);
  assert.ok(component.includes('<RegistryValue Type="integer" Name="TypesSupported" Value="7"/>'));
});

test("macOS: the pkg installs for all users into /Applications only, as Jamf and Intune expect", () => {
  assert.equal(config.pkg.isRelocatable, false);
  assert.equal(config.pkg.allowCurrentUserHome, false);
});

test("the fleet's health scripts go beside the app, in its resources", () => {
  assert.deepEqual(config.extraResources, [{ from: "build/fleet", to: "fleet" }]);
  assert.ok(existsSync(join(root, "build", "fleet", "intune-detect.ps1")));
  assert.ok(existsSync(join(root, "build", "fleet", "jamf-extension-attribute.sh")));
});

test("macOS: the journal's unified-log writer is compiled before each macOS pack, for both arches, into the resources", async () => {
  // The hook as electron-builder loads it, with clang's arguments recorded instead of run.
  const hook = (await import(join(root, config.beforePack))) as {
    default: (context: object, compile: (args: string[]) => void) => Promise<void>;
  };
  const runs: string[][] = [];
  const record = (args: string[]) => void runs.push(args);
  for (const platform of ["win32", "linux"]) await hook.default({ electronPlatformName: platform }, record);
  assert.deepEqual(runs, [], "Windows and Linux packs compile nothing");
  await hook.default({ electronPlatformName: "darwin" }, record);
  assert.equal(runs.length, 1);
  const args: string[] = runs[0] ?? [];
  assert.equal(args.at(-1), join(root, "build", "macos", "os-log-writer.c"));
  for (const flag of ["-Wall", "-Werror", "-mmacosx-version-min=11.0"]) assert.ok(args.includes(flag), flag);
  assert.match(args.join(" "), /-arch arm64 -arch x86_64/, "one binary for Apple silicon and Intel");

  // Compiled where mac.extraResources takes it from, put where the app looks for it; never in the asar.
  const output = args[args.indexOf("-o") + 1] ?? "";
  assert.deepEqual(config.mac.extraResources, [{ from: "dist/macos/os-log", to: "os-log" }]);
  assert.equal(dirname(output), join(root, "dist", "macos", "os-log"));
  assert.equal(`${config.mac.extraResources[0].to}/${basename(output)}`, MAC_OS_LOG_WRITER);
  assert.equal(packaged("dist/macos/os-log/refund-desk-os-log"), false);
});

test("macOS: hardened runtime with the project's own entitlements, without disable-library-validation", () => {
  assert.equal(config.mac.hardenedRuntime, true);
  assert.equal(config.mac.entitlements, "build/entitlements.mac.plist");
  assert.equal(config.mac.entitlementsInherit, "build/entitlements.mac.plist");
  assert.equal(config.mac.notarize, false, "notarized only when the release build has Apple's secrets");
  const plist = readFileSync(join(root, config.mac.entitlements), "utf8");
  const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
  assert.deepEqual(keys, ["com.apple.security.cs.allow-jit"]);
  assert.doesNotMatch(plist, /disable-library-validation|allow-dyld-environment-variables|get-task-allow/);
});

test("nothing is published and nothing can update itself", () => {
  assert.ok(Object.hasOwn(config, "publish") && config.publish === null);
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    assert.ok(!Object.keys(deps).some((name) => /updater|update-electron-app/.test(name)), "no auto-update library");
  }
});

test("fuses: no RunAsNode, NODE_OPTIONS or inspector; asar integrity and asar-only loading", () => {
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
  assert.equal(config.asar, true);
  assert.deepEqual(
    config.asarUnpack,
    ["**/node_modules/keytar/**/*.node", "**/node_modules/pkcs11js/**/*.node"],
    "keytar's and pkcs11js's native modules are loaded from disk",
  );
});

/** electron-builder's file patterns, enough for these: `**`, `*` and `{a,b}`; `!` excludes. */
function globRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] as string;
    if (glob.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (glob.startsWith("**", i)) {
      source += ".*";
      i += 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "{") {
      const close = glob.indexOf("}", i);
      source += `(?:${glob
        .slice(i + 1, close)
        .split(",")
        .map((s) => s.replace(/[.+?^$()|[\]\\]/g, "\\$&"))
        .join("|")})`;
      i = close;
    } else source += c.replace(/[.+?^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function packaged(path: string): boolean {
  const patterns = config.files as string[];
  const included = patterns.filter((p) => !p.startsWith("!")).some((p) => globRegExp(p).test(path));
  return included && !patterns.filter((p) => p.startsWith("!")).some((p) => globRegExp(p.slice(1)).test(path));
}

test("the package holds the built bundles and package.json only: no sources, tests, maps or build files", () => {
  for (const path of [
    "dist/main/index.js",
    "dist/main/cli.js",
    "dist/main/preload.js",
    "dist/main/pkcs11-worker.js",
    "dist/renderer/app.js",
    "dist/renderer/index.html",
    "package.json",
  ]) {
    assert.equal(packaged(path), true, path);
  }
  for (const path of [
    "main/index.ts",
    "main/cli/cli.test.ts",
    "renderer/App.tsx",
    "app/settings.ts",
    "e2e/host/test-host.ts",
    "scripts/build.mjs",
    "dist/main/index.js.map",
    "dist/main/types.d.ts",
    "dist/main/journal.test.js",
    "build/icon.png",
    "README.md",
    ".ci/run",
    "node_modules/typescript/lib/typescript.js",
  ]) {
    assert.equal(packaged(path), false, path);
  }
  assert.equal(globRegExp("**/*.{ts,tsx}").test("a/b.tsx"), true, "the matcher itself");
});

// --- icons ------------------------------------------------------------------------------------

interface Png {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Reads a PNG the way a strict decoder would: signature, every chunk's CRC, RGBA, filter 0 rows. */
function decodePng(bytes: Buffer, crc32: (b: Buffer) => number): Png {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  let ended = false;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("ascii", at + 4, at + 8);
    const body = bytes.subarray(at + 4, at + 8 + length);
    assert.equal(bytes.readUInt32BE(at + 8 + length), crc32(body), `${type} CRC`);
    if (type === "IHDR") {
      width = body.readUInt32BE(4);
      height = body.readUInt32BE(8);
      assert.deepEqual([...body.subarray(12, 17)], [8, 6, 0, 0, 0], "8-bit RGBA, no interlace");
    }
    if (type === "IDAT") data.push(body.subarray(4));
    if (type === "IEND") ended = true;
    at += 12 + length;
  }
  assert.ok(ended && at === bytes.length, "ends with IEND");
  const rows = inflateSync(Buffer.concat(data));
  assert.equal(rows.length, height * (width * 4 + 1));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    assert.equal(rows[y * (width * 4 + 1)], 0, "filter type 0");
    rows.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, pixels };
}

test("the icons: a 1024 px PNG, a Windows .ico up to 256 px and a macOS .icns, all of the project's own drawing", async () => {
  const icons = await import("./make-icons.mjs");
  const build = (name: string) => readFileSync(join(root, "build", name));
  const seen = new Map<number, Png>();
  const check = (bytes: Buffer, size: number) => {
    const image = decodePng(bytes, icons.crc32);
    assert.deepEqual([image.width, image.height], [size, size]);
    seen.set(size, image);
  };

  check(build("icon.png"), 1024);

  const ico = build("icon.ico");
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, icons.ICO_SIZES.length]);
  icons.ICO_SIZES.forEach((size, i) => {
    const entry = 6 + 16 * i;
    assert.equal(ico[entry], size % 256);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    check(ico.subarray(offset, offset + length), size);
  });
  assert.ok(icons.ICO_SIZES.includes(256), "electron-builder requires a 256 px Windows icon");

  const icns = build("icon.icns");
  assert.equal(icns.toString("ascii", 0, 4), "icns");
  assert.equal(icns.readUInt32BE(4), icns.length);
  let at = 8;
  for (const [type, size] of icons.ICNS_TYPES) {
    assert.equal(icns.toString("ascii", at, at + 4), type);
    const length = icns.readUInt32BE(at + 4);
    check(icns.subarray(at + 8, at + length), size);
    at += length;
  }
  assert.equal(at, icns.length);

  // Corners are transparent (a rounded tile), the middle is one of the amber dots.
  const big = seen.get(1024) as Png;
  assert.equal(big.pixels[3], 0);
  assert.deepEqual(
    [...big.pixels.subarray((532 * 1024 + 512) * 4, (532 * 1024 + 512) * 4 + 4)],
    [0xff, 0xc2, 0x33, 0xff],
  );
  // The small sizes are redrawn and compared pixel for pixel (the large ones take seconds).
  for (const size of [16, 32, 64, 128])
    assert.ok(
      (seen.get(size) as Png).pixels.equals(icons.render(size)),
      `${size} px differs from scripts/make-icons.mjs: run it again`,
    );
});

test("the browser demo and the test host it runs on stay out of the package", () => {
  const included = (config.files as string[]).filter((pattern) => !pattern.startsWith("!"));
  assert.deepEqual(included, ["dist/main/**", "dist/renderer/**", "package.json"]);
  // dist/ holds only what scripts/bundles.mjs bundles: main, the CLI, the token's worker, the preload and the renderer.
  const build = readFileSync(join(root, "scripts", "bundles.mjs"), "utf8");
  const entries = [...build.matchAll(/join\(root, "([^"]+\.tsx?)"\)/g)].map((m) => m[1]);
  assert.deepEqual(entries.sort(), [
    "main/cli/cli-entry.ts",
    "main/index.ts",
    "main/preload.ts",
    "main/signer/pkcs11-worker.ts",
    "renderer/main.tsx",
  ]);
  assert.ok(!/scripts\/demo|e2e\//.test(build));
});
