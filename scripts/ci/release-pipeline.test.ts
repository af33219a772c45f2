/**
 * The release pipeline, checked where its runners are not: both workflows valid (action-validator,
 * the schema GitHub's own editor uses) and holding every step that proves something, each step an
 * npm script that exists; and the scripts those steps run, on this machine's files (checksums and
 * SBOM for real; fuses, asar integrity, signing and installer checks on their parsing and rules).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPackage } from "@electron/asar";
import { load } from "js-yaml";
import { builtApp } from "./built-app";
import { checksumLines } from "./checksums";
import { releaseProblems } from "./draft-release";
import {
  asarHeaderHash,
  expectedFuses,
  fuseProblems,
  integrityProblems,
  parseFuseRead,
  readFuses,
} from "./fuses-check";
import { nonAdminsCanWrite } from "./installer-check";
import { lastJournalHead, macWriterPath, subsystemProblem, type UnifiedLogEntry } from "./mac-witness-check";
import { adHocMac, signingPlan } from "./package-app";
import { componentNames, sbomProblems } from "./sbom";
import { sealLine } from "../../main/journal/journal-chain";
import { witnessMessage } from "../../main/journal/os-log/witness-record";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

const ROOT = join(__dirname, "..", "..");
const WORKFLOWS = join(ROOT, ".github", "workflows");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Record<string, any>;
const temp = (label: string) => mkdtempSync(join(tmpdir(), `release-pipeline-${label}-`));

// --- the workflows ---------------------------------------------------------------------------

type Workflow = { on: Record<string, any>; jobs: Record<string, Job> };
type Job = {
  "runs-on": string;
  steps: Step[];
  strategy?: { matrix?: { include?: Array<Record<string, string>> } };
  env?: Record<string, string>;
  needs?: string | string[];
};
type Step = {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
};

const workflowText = (name: string) => readFileSync(join(WORKFLOWS, name), "utf8");
const workflow = (text: string) => load(text) as Workflow;

function actionValidator(file: string): { status: number | null; output: string } {
  const cli = join(ROOT, "node_modules", "@action-validator", "cli", "cli.mjs");
  const run = spawnSync(process.execPath, [cli, file], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("every workflow file is valid for GitHub Actions (action-validator), and a broken one is not", () => {
  for (const name of ["ci.yml", "release.yml"]) {
    const { status, output } = actionValidator(join(WORKFLOWS, name));
    assert.equal(status, 0, `${name}: ${output}`);
  }
  const broken = join(temp("broken"), "ci.yml");
  writeFileSync(broken, workflowText("ci.yml").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"));
  assert.notEqual(actionValidator(broken).status, 0, "a misspelt runs-on must fail validation");
});

/** `npm run <script>` commands of a job, in order. */
const npmRuns = (job: Job) =>
  job.steps.flatMap((s) => [...(s.run ?? "").matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] as string));

/** What each workflow must keep doing; each entry is a job and the npm scripts it runs. */
function requiredStepProblems(ci: Workflow, release: Workflow): string[] {
  const problems: string[] = [];
  const need = (wf: Workflow, label: string, jobId: string, scripts: string[]) => {
    const job = wf.jobs[jobId];
    if (!job) return problems.push(`${label}: no job ${jobId}`);
    const runs = npmRuns(job);
    for (const script of scripts)
      if (!runs.includes(script)) problems.push(`${label} ${jobId}: no step runs npm run ${script}`);
  };
  const linux = ci.jobs.linux;
  if (!linux?.steps.some((s) => s.run?.trim() === "bash .ci/run")) problems.push("ci.yml linux: no step runs .ci/run");
  need(ci, "ci.yml", "electron", [
    "pack:e2e",
    "test:electron",
    "test:keychain",
    "test:electron-leaks",
    "bench:electron",
    "ci:mac-keychain",
    "ci:os-log-check",
  ]);
  // The OS log check reads every witness on the machine: it must come before any other step writes one.
  const electronRuns = ci.jobs.electron ? npmRuns(ci.jobs.electron) : [];
  const osLogAt = electronRuns.indexOf("ci:os-log-check");
  if (osLogAt !== -1 && electronRuns.slice(0, osLogAt).some((script) => script !== "ci:mac-keychain"))
    problems.push("ci.yml electron: the OS log check does not run first");
  // The checkout's command line writes through logger on macOS: the packaged app's own writer is checked apart.
  const electronSteps = ci.jobs.electron?.steps ?? [];
  const checkoutCheck = "ci.yml electron: no step runs npm run ci:os-log-check";
  if (!electronSteps.some((s) => s.run === "npm run ci:os-log-check") && !problems.includes(checkoutCheck))
    problems.push(checkoutCheck);
  const packagedCheck = electronSteps.findIndex((s) => s.run === "npm run ci:os-log-check -- --packaged");
  if (
    packagedCheck < electronSteps.findIndex((s) => s.run === "npm run pack:e2e") ||
    electronSteps[packagedCheck]?.if !== "runner.os == 'macOS'"
  )
    problems.push("ci.yml electron: the packaged app's OS-log writer is not checked on macOS after pack:e2e");
  const oses = (ci.jobs.electron?.strategy?.matrix?.include ?? []).map((entry) => entry.os);
  for (const os of ["windows-latest", "macos-latest", "macos-15-intel"])
    if (!oses.includes(os)) problems.push(`ci.yml electron: not run on ${os}`);
  if (ci.jobs.electron?.env?.REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD !== "1")
    problems.push("ci.yml electron: Electron's download is not allowed");
  // There the real-app specs must fail rather than skip (the OS keychain tests skip only off Windows and macOS).
  if (ci.jobs.electron?.env?.REFUND_DESK_REQUIRE_BUILT_APP !== "1")
    problems.push("ci.yml electron: the real-app specs may skip");
  if (
    !ci.jobs.electron?.steps.some(
      (s) => s.uses?.startsWith("actions/upload-artifact") && s.with?.path === "bench/results-*.json",
    )
  )
    problems.push("ci.yml electron: the cold-start results are not uploaded");
  need(ci, "ci.yml", "mutation", ["mutate"]);
  if (!ci.on.schedule || !ci.on.release) problems.push("ci.yml: mutation testing is not weekly and on release");

  if (!(release.on.push?.tags ?? []).includes("v*")) problems.push("release.yml: not started by a v* tag");
  need(release, "release.yml", "windows", ["release:build", "release:fuses", "release:install-check"]);
  need(release, "release.yml", "macos", ["release:build", "release:fuses", "release:install-check"]);
  need(release, "release.yml", "macos-x64-install", ["release:install-check"]);
  need(release, "release.yml", "draft-release", ["release:sbom", "release:checksums", "release:draft"]);
  const windowsUpload = release.jobs.windows?.steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
  if (!windowsUpload?.with?.path?.includes("release/*.msi")) problems.push("release.yml windows: the MSI is not kept");
  const secrets = ["CSC_LINK", "CSC_KEY_PASSWORD", "APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID"];
  const macBuild = release.jobs.macos?.steps.find((s) => s.run?.includes("npm run release:build"));
  for (const secret of secrets)
    if (macBuild?.env?.[secret] !== `\${{ secrets.${secret} }}`)
      problems.push(`release.yml macos: the build does not get ${secret}`);
  return problems;
}

test("the workflows keep each step that proves something: e2e, keychain, install, fuses, sums, SBOM…", () => {
  const ci = workflow(workflowText("ci.yml"));
  const release = workflow(workflowText("release.yml"));
  assert.deepEqual(requiredStepProblems(ci, release), []);

  // Each one, taken out, is reported.
  const without = (text: string, line: string) => workflow(text.replace(line, "run: echo removed\n"));
  const cases: Array<[string, string, string]> = [
    ["ci.yml", "run: npm run test:electron\n", "ci.yml electron: no step runs npm run test:electron"],
    ["ci.yml", "run: npm run ci:os-log-check\n", "ci.yml electron: no step runs npm run ci:os-log-check"],
    [
      "ci.yml",
      "run: npm run ci:os-log-check -- --packaged\n",
      "ci.yml electron: the packaged app's OS-log writer is not checked on macOS after pack:e2e",
    ],
    ["release.yml", "release/*.msi\n", "release.yml windows: the MSI is not kept"],
    [
      "release.yml",
      "run: npm run release:fuses -- --arch x64 --arch arm64\n",
      "release.yml macos: no step runs npm run release:fuses",
    ],
    [
      "release.yml",
      "run: npm run release:install-check\n",
      "release.yml windows: no step runs npm run release:install-check",
    ],
    [
      "release.yml",
      "run: npm run release:checksums -- release-assets\n",
      "release.yml draft-release: no step runs npm run release:checksums",
    ],
    [
      "release.yml",
      "run: npm run release:sbom -- --out release-assets/refund-desk-sbom.cdx.json\n",
      "release.yml draft-release: no step runs npm run release:sbom",
    ],
  ];
  for (const [file, line, problem] of cases) {
    assert.ok(workflowText(file).includes(line), `${file} has ${line.trim()}`);
    const ci2 = file === "ci.yml" ? without(workflowText(file), line) : ci;
    const release2 = file === "release.yml" ? without(workflowText(file), line) : release;
    assert.ok(requiredStepProblems(ci2, release2).includes(problem), problem);
  }
  // The OS log check moved after a step that writes the journal is reported too.
  const electron = ci.jobs.electron as Job;
  const check = electron.steps.findIndex((s) => s.run === "npm run ci:os-log-check");
  const late = [...electron.steps];
  late.push(...late.splice(check, 1));
  assert.deepEqual(
    requiredStepProblems({ ...ci, jobs: { ...ci.jobs, electron: { ...electron, steps: late } } }, release),
    ["ci.yml electron: the OS log check does not run first"],
  );
});

test("every npm script the workflows run exists, and every file those scripts run is in the repository", () => {
  // The mutation-testing script arrives with its own change; once in package.json it is checked like the rest.
  const arrivingSeparately = new Set(["mutate"]);
  const used = new Set(
    ["ci.yml", "release.yml"].flatMap((name) => Object.values(workflow(workflowText(name)).jobs).flatMap(npmRuns)),
  );
  const missing = [...used].filter((script) => !manifest.scripts[script] && !arrivingSeparately.has(script));
  assert.deepEqual(missing, []);
  for (const script of used) {
    for (const file of (manifest.scripts[script] ?? "").match(/[\w./-]+\.(?:ts|mjs|sh)\b/g) ?? [])
      assert.ok(existsSync(join(ROOT, file)), `${script}: ${file} is missing`);
  }
  // Electron stays denied at install time: the download is the postinstall script's, behind the switch.
  assert.equal(manifest.allowScripts.electron, false);
  assert.equal(manifest.scripts.postinstall, "node scripts/ci/electron-download.mjs");
});

test("Electron's download after npm ci is off unless REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD=1", () => {
  const env = { ...process.env };
  delete env.REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD;
  for (const value of [undefined, "0", "true"]) {
    const run = spawnSync(process.execPath, [join(__dirname, "electron-download.mjs")], {
      encoding: "utf8",
      env: value === undefined ? env : { ...env, REFUND_DESK_ALLOW_ELECTRON_DOWNLOAD: value },
    });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Electron's download is off/);
  }
});

test("Dependabot: npm weekly, Electron patches grouped and not held back, minors and majors one by one", () => {
  const config = load(readFileSync(join(ROOT, ".github", "dependabot.yml"), "utf8")) as {
    version: number;
    updates: Array<Record<string, any>>;
  };
  assert.equal(config.version, 2);
  const npm = config.updates.find((u) => u["package-ecosystem"] === "npm");
  assert.equal(npm?.schedule.interval, "weekly");
  assert.deepEqual(npm?.groups["electron-patches"], { patterns: ["electron"], "update-types": ["patch"] });
  assert.ok(npm?.cooldown.exclude.includes("electron"));
  const electronInOtherGroups = Object.entries(npm?.groups ?? {}).filter(
    ([name, g]: [string, any]) => name !== "electron-patches" && !(g["exclude-patterns"] ?? []).includes("electron"),
  );
  assert.deepEqual(electronInOtherGroups, [], "a group that could take an Electron minor or major");
  assert.equal(npm?.ignore, undefined, "no Electron release is ignored");
});

// --- checksums and SBOM, for real --------------------------------------------------------------

test("SHA256SUMS over the built app files verifies with sha256sum -c, and a changed file does not", async () => {
  assert.ok(existsSync(join(ROOT, "dist", "main", "index.js")), "build first (node scripts/build.mjs)");
  const folder = join(temp("sums"), "dist");
  cpSync(join(ROOT, "dist"), folder, { recursive: true });
  const run = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "checksums.ts"), folder], {
    encoding: "utf8",
    cwd: ROOT,
  });
  assert.equal(run.status, 0, run.stderr);
  const sums = readFileSync(join(folder, "SHA256SUMS"), "utf8");
  assert.match(sums, /^[0-9a-f]{64} {2}main\/index\.js$/m);
  assert.doesNotMatch(sums, /SHA256SUMS/, "the sums file does not list itself");
  assert.equal(sums, await checksumLines(folder, [join(folder, "SHA256SUMS")]));
  const check = () => spawnSync("sha256sum", ["--check", "--strict", "SHA256SUMS"], { cwd: folder, encoding: "utf8" });
  assert.equal(check().status, 0, check().stdout);
  writeFileSync(join(folder, "renderer", "index.html"), "<!doctype html><p>swapped</p>");
  assert.notEqual(check().status, 0, "sha256sum -c must catch the swapped file");
});

test("the CycloneDX SBOM lists the shipped npm packages (keytar at its locked version), no dev tool", () => {
  const out = join(temp("sbom"), "refund-desk.cdx.json");
  const run = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "sbom.ts"), "--out", out], {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  const bom = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(bom.specVersion, "1.6");
  assert.equal(bom.metadata.component.name, "refund-desk");
  assert.equal(componentNames(bom.components).get("keytar"), lock.packages["node_modules/keytar"].version);
  assert.deepEqual(sbomProblems(bom, manifest, lock), []);
  // The checks themselves: a dev tool listed, keytar missing, a wrong version.
  assert.deepEqual(
    sbomProblems({ ...bom, components: [...bom.components, { name: "electron", version: "45.4.1" }] }, manifest, lock),
    ["electron is a development dependency, not shipped"],
  );
  const noKeytar = bom.components.filter((c: { name: string }) => c.name !== "keytar");
  assert.match(sbomProblems({ ...bom, components: noKeytar }, manifest, lock).join(), /keytar: missing/);
  assert.match(
    sbomProblems({ ...bom, metadata: { component: { name: "refund-desk", version: "9.9.9" } } }, manifest, lock).join(),
    /metadata\.component/,
  );
});

// --- fuses and asar integrity ------------------------------------------------------------------

/** What `electron-fuses read` prints for a binary with these fuses (its own format). */
function fuseOutput(states: Record<string, string>): string {
  return [
    "Analyzing app: Refund Desk.exe",
    "Fuse Version: v1",
    ...Object.entries(states).map(([fuse, state]) => `  ${fuse} is ${state}`),
  ].join("\n");
}

test("fuses: what electron-builder.yml sets is what the binary must say, fuse by fuse", () => {
  const expected = expectedFuses(readFileSync(join(ROOT, "electron-builder.yml"), "utf8"));
  assert.equal(expected.RunAsNode, false);
  assert.equal(expected.EnableEmbeddedAsarIntegrityValidation, true);
  assert.equal(Object.keys(expected).length, 8);
  const asShipped = Object.fromEntries(
    Object.entries(expected).map(([fuse, on]) => [fuse, on ? "Enabled" : "Disabled"]),
  );
  assert.deepEqual(fuseProblems(parseFuseRead(fuseOutput(asShipped)), expected), []);
  // Colours, as a terminal would get them, are no problem.
  assert.deepEqual(
    fuseProblems(
      parseFuseRead(`  \u001b[33mRunAsNode\u001b[39m is \u001b[31mDisabled\u001b[39m\n${fuseOutput(asShipped)}`),
      expected,
    ),
    [],
  );
  assert.deepEqual(fuseProblems(parseFuseRead(fuseOutput({ ...asShipped, RunAsNode: "Enabled" })), expected), [
    "RunAsNode: Enabled, electron-builder.yml sets Disabled",
  ]);
  assert.deepEqual(
    fuseProblems(parseFuseRead(fuseOutput({ ...asShipped, OnlyLoadAppFromAsar: "Inherited" })), expected),
    ["OnlyLoadAppFromAsar: Inherited, electron-builder.yml sets Enabled"],
  );
  const { GrantFileProtocolExtraPrivileges: _, ...oneMissing } = asShipped;
  assert.deepEqual(fuseProblems(parseFuseRead(fuseOutput(oneMissing)), expected), [
    "GrantFileProtocolExtraPrivileges: missing, electron-builder.yml sets Disabled",
  ]);
  assert.deepEqual(fuseProblems(parseFuseRead("Analyzing app: x"), expected), ["electron-fuses read printed no fuses"]);
});

test("fuses: the real `electron-fuses read` on a binary's fuse wire, as shipped and with one fuse flipped", () => {
  const expected = expectedFuses(readFileSync(join(ROOT, "electron-builder.yml"), "utf8"));
  // A fuse wire as Electron's binary carries it: the sentinel, wire version 1, its length, one byte
  // per fuse in FuseV1Options order ("0" off, "1" on).
  const order = [
    "RunAsNode",
    "EnableCookieEncryption",
    "EnableNodeOptionsEnvironmentVariable",
    "EnableNodeCliInspectArguments",
    "EnableEmbeddedAsarIntegrityValidation",
    "OnlyLoadAppFromAsar",
    "LoadBrowserProcessSpecificV8Snapshot",
    "GrantFileProtocolExtraPrivileges",
  ];
  const binary = (states: Record<string, boolean>) =>
    Buffer.concat([
      Buffer.from("\0ELF-ish\0dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX"),
      Buffer.from([1, order.length]),
      Buffer.from(order.map((f) => (states[f] ? "1" : "0")).join("")),
      Buffer.alloc(8),
    ]);
  const exe = join(temp("fuses"), "Refund Desk.exe");
  writeFileSync(exe, binary(expected));
  assert.deepEqual(fuseProblems(parseFuseRead(readFuses(exe)), expected), []);
  writeFileSync(exe, binary({ ...expected, EnableNodeCliInspectArguments: true }));
  assert.deepEqual(fuseProblems(parseFuseRead(readFuses(exe)), expected), [
    "EnableNodeCliInspectArguments: Enabled, electron-builder.yml sets Disabled",
  ]);
});

test("asar integrity: the header's hash, found where electron-builder embeds it on Windows and macOS", async () => {
  const dir = temp("asar");
  mkdirSync(join(dir, "app", "dist"), { recursive: true });
  writeFileSync(join(dir, "app", "package.json"), '{"name":"refund-desk"}');
  writeFileSync(join(dir, "app", "dist", "index.js"), "console.log(1)");
  const resources = join(dir, "resources");
  mkdirSync(resources);
  await createPackage(join(dir, "app"), join(resources, "app.asar"));
  const hash = asarHeaderHash(join(resources, "app.asar"));
  // electron-builder's own computation of the value it embeds.
  const { computeData } = (await import("app-builder-lib/out/asar/integrity")) as unknown as {
    computeData: (o: object) => Promise<Record<string, { hash: string }>>;
  };
  const embedded = await computeData({
    resourcesPath: resources,
    resourcesRelativePath: "resources",
    resourcesDestinationPath: resources,
    extraResourceMatchers: [],
  });
  assert.equal(embedded[join("resources", "app.asar")]?.hash, hash);

  const win = builtApp(join(dir, "release"), "win32", "x64");
  mkdirSync(win.bundle, { recursive: true });
  const resource = JSON.stringify([{ file: "resources\\app.asar", alg: "SHA256", value: hash }]);
  writeFileSync(win.executable, Buffer.concat([Buffer.from("MZ\0\0"), Buffer.from(resource), Buffer.alloc(16)]));
  assert.deepEqual(integrityProblems("win32", win, hash), []);
  assert.equal(integrityProblems("win32", win, "0".repeat(64)).length, 1, "another archive's hash is not found");

  const mac = builtApp(join(dir, "release"), "darwin", "arm64");
  mkdirSync(join(mac.bundle, "Contents"), { recursive: true });
  const plist = (value: string) =>
    [
      "<plist><dict>",
      "<key>ElectronAsarIntegrity</key>",
      "<dict>",
      "<key>Resources/app.asar</key>",
      "<dict>",
      "<key>algorithm</key>",
      "<string>SHA256</string>",
      "<key>hash</key>",
      `<string>${value}</string>`,
      "</dict>",
      "</dict>",
      "</dict></plist>",
      "",
    ].join("\n");
  writeFileSync(join(mac.bundle, "Contents", "Info.plist"), plist(hash));
  assert.deepEqual(integrityProblems("darwin", mac, hash), []);
  writeFileSync(join(mac.bundle, "Contents", "Info.plist"), plist("f".repeat(64)));
  assert.equal(integrityProblems("darwin", mac, hash).length, 1);
});

test("the unpacked app is where electron-builder --dir leaves it on each OS", () => {
  assert.equal(builtApp("release", "win32", "x64").executable, join("release", "win-unpacked", "Refund Desk.exe"));
  assert.equal(
    builtApp("release", "darwin", "arm64").executable,
    join("release", "mac-arm64", "Refund Desk.app", "Contents", "MacOS", "Refund Desk"),
  );
  assert.equal(builtApp("release", "darwin", "x64").bundle, join("release", "mac", "Refund Desk.app"));
  assert.equal(builtApp("release", "linux", "x64").executable, join("release", "linux-unpacked", "refund-desk"));
});

// --- signing, install folder rights, the release folder ------------------------------------------

test("signing: without the secrets the build is unsigned and says so loudly; with them it signs and notarizes", () => {
  const none = signingPlan({}, "darwin");
  assert.deepEqual([none.sign, none.notarize], [false, false]);
  assert.equal(none.warnings.length, 2);
  assert.match(none.warnings[0] as string, /^UNSIGNED: .*NOT signed/);
  assert.match(none.warnings[1] as string, /^NOT NOTARIZED/);
  // Secrets that are not set arrive as empty strings.
  assert.equal(signingPlan({ CSC_LINK: "", CSC_KEY_PASSWORD: "" }, "win32").sign, false);
  const signing = { CSC_LINK: "base64-p12", CSC_KEY_PASSWORD: "pw" };
  assert.deepEqual(signingPlan(signing, "win32"), { sign: true, notarize: false, warnings: [] });
  const partial = signingPlan({ ...signing, APPLE_ID: "it@bank.example", APPLE_TEAM_ID: "" }, "darwin");
  assert.deepEqual([partial.sign, partial.notarize], [true, false]);
  assert.match(partial.warnings.join(), /APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID are not set/);
  const all = {
    ...signing,
    APPLE_ID: "it@bank.example",
    APPLE_APP_SPECIFIC_PASSWORD: "app-pw",
    APPLE_TEAM_ID: `TEAM${TEST_SECRETS.otps.practice}`,
  };
  assert.deepEqual(signingPlan(all, "darwin"), { sign: true, notarize: true, warnings: [] });
  // Unsigned Mac builds are signed ad hoc so they start on Apple silicon; the shipped settings stay as they are.
  const config = load(readFileSync(join(ROOT, "electron-builder.yml"), "utf8")) as { mac: Record<string, unknown> };
  assert.deepEqual(adHocMac(config.mac as never), {
    ...config.mac,
    identity: "-",
    hardenedRuntime: false,
    notarize: false,
  });
  assert.equal(config.mac.hardenedRuntime, true);
});

test("install folder rights: Users, Authenticated Users or Everyone with any write right is caught", () => {
  const locked = [
    "C:\\Program Files\\Refund Desk NT AUTHORITY\\SYSTEM:(OI)(CI)(F)",
    "                                BUILTIN\\Administrators:(OI)(CI)(F)",
    "                                BUILTIN\\Users:(OI)(CI)(RX)",
    "",
    "Successfully processed 1 files; Failed processing 0 files",
  ].join("\r\n");
  assert.equal(nonAdminsCanWrite(locked), false);
  assert.equal(nonAdminsCanWrite(locked.replace("BUILTIN\\Users:(OI)(CI)(RX)", "BUILTIN\\Users:(OI)(CI)(M)")), true);
  assert.equal(nonAdminsCanWrite(`${locked}\r\n  NT AUTHORITY\\Authenticated Users:(I)(OI)(CI)(IO)(M)`), true);
  assert.equal(nonAdminsCanWrite(`${locked}\r\n  BUILTIN\\Users:(I)(CI)(AD)`), true);
  assert.equal(nonAdminsCanWrite(`${locked}\r\n  Everyone:(S,RD,WD)`), true);
});

test("the release folder needs every installer, the SBOM and SHA256SUMS", () => {
  const all = [
    "SHA256SUMS",
    "refund-desk-sbom.cdx.json",
    "refund-desk-setup-0.1.0.exe",
    "refund-desk-0.1.0.msi",
    "refund-desk-0.1.0-x64.dmg",
    "refund-desk-0.1.0-arm64.dmg",
    "refund-desk-0.1.0-x64.pkg",
    "refund-desk-0.1.0-arm64.pkg",
  ];
  assert.deepEqual(releaseProblems(all, "0.1.0"), []);
  assert.deepEqual(
    releaseProblems(
      all.filter((f) => !f.endsWith(".cdx.json")),
      "0.1.0",
    ),
    ["missing: a CycloneDX SBOM (.cdx.json)"],
  );
  assert.deepEqual(releaseProblems(all, "0.2.0").length, 6);
  assert.deepEqual(
    releaseProblems(
      all.filter((f) => !f.endsWith(".msi")),
      "0.1.0",
    ),
    ["missing: the Windows MSI"],
  );
});

// --- macOS: the app's own OS-log writer -----------------------------------------------------------

test("macOS: the journal's last line, found in log show's JSON under the app's subsystem, from the app's writer", () => {
  const data = temp("mac-witness");
  mkdirSync(join(data, "journal"));
  const month = (name: string, tids: string[]) => {
    let previous = "";
    const lines = tids.map((tid) => (previous = sealLine(previous, JSON.stringify({ tid, outcome: "otp:sent" }))));
    writeFileSync(join(data, "journal", name), `${lines.join("\n")}\n`);
    return lines.at(-1) as string;
  };
  month("2026-11.jsonl", ["13192445"]);
  const last = month("2026-12.jsonl", ["13192443", "13192457"]);
  const head = lastJournalHead(data);
  assert.equal(head, /"h":"([0-9a-f]{64})"/.exec(last)?.[1], "the newest month's last line");

  const witness = (h: string) =>
    witnessMessage({
      at: "2026-12-07T05:00:00.000Z",
      kind: "otp",
      outcome: "otp:sent",
      tid: "13192457",
      amount: null,
      counter: null,
      head: h,
    });
  const written: UnifiedLogEntry = {
    subsystem: "in.refunddesk.app",
    category: "journal",
    messageType: "Default",
    processImagePath: macWriterPath("/Applications/Refund Desk.app"),
    eventMessage: witness(head),
  };
  assert.equal(written.processImagePath, "/Applications/Refund Desk.app/Contents/Resources/os-log/refund-desk-os-log");
  assert.equal(subsystemProblem([{ ...written, eventMessage: witness("0".repeat(64)) }, written], head), null);
  assert.match(subsystemProblem([], head) ?? "", /no witness of the journal's last line/);
  assert.match(subsystemProblem([{ ...written, eventMessage: witness("0".repeat(64)) }], head) ?? "", /no witness/);
  assert.match(subsystemProblem([{ ...written, messageType: "Info" }], head) ?? "", /type Info/);
  assert.match(subsystemProblem([{ ...written, category: "default" }], head) ?? "", /category default/);
  assert.match(
    subsystemProblem([{ ...written, processImagePath: "/usr/bin/logger" }], head) ?? "",
    /written by \/usr\/bin\/logger, not the app's writer/,
  );
});
