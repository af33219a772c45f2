/**
 * The OS tools' output parsed: reg query, PowerShell Get-Acl (SDDL), plutil and whoami, from the
 * outputs in fixtures/ (the tools' own format, CRLF and all), through a runner that plays them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { isElevated, whoamiShowsElevation } from "../../admin/elevation";
import { tempDataDir } from "../../test-support/temp-dir";
import { combineSources, readMachinePolicy } from "../machine-policy";
import { listsPolicyKey, parseRegQuery, registryPolicyValues } from "./reg-query";
import type { RunTool, ToolOutput } from "./run-tool";
import { parseSddl, windowsTrustProblem } from "./sddl";
import { readManagedPreferences } from "./posix-sources";
import { readRegistrySource, readWindowsJsonSource, WINDOWS_TOOLS } from "./windows-sources";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const HASH = "$scrypt$ln=17,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

interface Machine {
  policies?: string;
  key?: string | ToolOutput;
  shellFolders?: string;
  acl?: string;
}

/** Plays the recorded outputs for the commands windows-sources.ts runs; records what was run. */
function windows(machine: Machine) {
  const ran: string[][] = [];
  const run: RunTool = async (file, args) => {
    ran.push([file, ...args]);
    const line = args.join(" ");
    const out = (text: string | undefined): ToolOutput =>
      text === undefined
        ? {
            code: 1,
            stdout: "",
            stderr: "ERROR: The system was unable to find the specified registry key or value.\r\n",
          }
        : { code: 0, stdout: text, stderr: "" };
    if (file === WINDOWS_TOOLS.cmd && line.includes('query "HKLM\\SOFTWARE\\Policies"')) return out(machine.policies);
    if (file === WINDOWS_TOOLS.cmd && line.includes("Shell Folders")) return out(machine.shellFolders);
    if (file === WINDOWS_TOOLS.cmd && line.includes('query "HKLM\\SOFTWARE\\Policies\\Refund Desk"'))
      return typeof machine.key === "object" ? machine.key : out(machine.key);
    if (file === WINDOWS_TOOLS.powershell) return out(machine.acl);
    return { code: 9009, stdout: "", stderr: "not expected" };
  };
  return { run, ran };
}

test("reg query: the values under the key, typed for their fields; Devanagari intact; subkeys and other keys left out", () => {
  const values = parseRegQuery(fixture("reg-refund-desk.txt"));
  assert.deepEqual(values.get("counterName"), { type: "REG_SZ", data: "पुणे काउंटर 3" });
  assert.deepEqual(registryPolicyValues(values), {
    environment: "uat",
    developerKey: "becbbce45f79c6f5109f848acd540567",
    initiatorId: "9962981729",
    counterName: "पुणे काउंटर 3",
    kioskMode: true,
    settingsLocked: true,
    adminPinHash: HASH,
    timeoutMs: 20_000,
    printerName: "EPSON TM-T82 Receipt",
  });
  assert.equal(listsPolicyKey(fixture("reg-policies-with-key.txt")), true);
  assert.equal(
    listsPolicyKey(fixture("reg-policies-without-key.txt")),
    false,
    "a key whose name only starts alike is not ours",
  );
  const withSubkey = `${fixture("reg-refund-desk.txt")}\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Refund Desk\\Other\r\n    environment    REG_SZ    production\r\n`;
  assert.equal(parseRegQuery(withSubkey).get("environment")?.data, "uat");
});

test("registry: absent key is no policy; a key with a wrong type or a misspelt value fails; an unreadable key fails", async () => {
  assert.deepEqual(await readRegistrySource(windows({ policies: fixture("reg-policies-without-key.txt") }).run), {
    state: "absent",
  });
  const found = await readRegistrySource(
    windows({ policies: fixture("reg-policies-with-key.txt"), key: fixture("reg-refund-desk.txt") }).run,
  );
  assert.equal(found.state, "found");
  const applied = combineSources([found]);
  assert.equal(applied.state, "applied");

  const badType = combineSources([
    await readRegistrySource(
      windows({ policies: fixture("reg-policies-with-key.txt"), key: fixture("reg-refund-desk-bad-type.txt") }).run,
    ),
  ]);
  assert.ok(badType.state === "failed");
  assert.deepEqual(badType.problem.errors.map((e) => `${e.field}:${e.reason}`).sort(), [
    "KioskMod:unknown-field",
    "kioskMode:expected-boolean",
  ]);
  const wrongType = combineSources([
    {
      state: "found",
      origin: "HKLM",
      values: registryPolicyValues(
        parseRegQuery(fixture("reg-refund-desk-bad-type.txt").replace(/ {4}KioskMod.*\r\n/, "")),
      ),
    },
  ]);
  assert.ok(
    wrongType.state === "failed" &&
      wrongType.problem.errors[0]?.field === "kioskMode" &&
      wrongType.problem.errors[0]?.reason === "expected-boolean",
  );

  const denied = await readRegistrySource(
    windows({
      policies: fixture("reg-policies-with-key.txt"),
      key: { code: 1, stdout: "", stderr: "ERROR: Access is denied.\r\n" },
    }).run,
  );
  assert.deepEqual(denied, {
    state: "broken",
    origin: "HKLM\\SOFTWARE\\Policies\\Refund Desk",
    reason: "registry-unreadable",
  });
  assert.equal(combineSources([denied]).state, "failed");
});

test("the tools run by absolute path, reg.exe in UTF-8, never through PATH", async () => {
  const { run, ran } = windows({ policies: fixture("reg-policies-with-key.txt"), key: fixture("reg-refund-desk.txt") });
  await readRegistrySource(run);
  for (const [file, ...args] of ran) {
    assert.equal(file, "C:\\Windows\\System32\\cmd.exe");
    assert.match(args.join(" "), /chcp 65001 >nul && "C:\\Windows\\System32\\reg\.exe" query/);
  }
});

test("SDDL: owner and entries by SID; inherit-only entries and deny entries grant nothing", () => {
  const descriptor = parseSddl(fixture("acl-inherited-programdata.txt").split("\r\n")[1] as string);
  assert.equal(descriptor?.owner, "S-1-5-32-544");
  assert.equal(descriptor?.aces.length, 8);
  assert.equal(windowsTrustProblem("O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1200a9;;;BU)"), null);
  assert.equal(
    windowsTrustProblem("O:SYG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(D;;FA;;;WD)"),
    null,
    "a deny entry takes away",
  );
  assert.equal(
    windowsTrustProblem("O:BAG:SYD:PAI(A;;FA;;;BA)(A;OICIIO;GA;;;CO)"),
    null,
    "inherit-only: for what the folder will hold",
  );
  assert.equal(windowsTrustProblem("O:BAG:SYD:PAI(A;;FA;;;BA)(A;;FW;;;AU)"), "writable-by-non-administrators");
  assert.equal(
    windowsTrustProblem("O:BAG:SYD:PAI(A;;FA;;;BA)(A;;WD;;;BU)"),
    "writable-by-non-administrators",
    "change permissions is a write",
  );
  assert.equal(windowsTrustProblem("O:BUG:SYD:PAI(A;;FA;;;BA)"), "not-owned-by-administrators");
  assert.equal(windowsTrustProblem("not an sddl"), "permissions-unreadable");
  assert.equal(
    windowsTrustProblem("O:BAG:SYD:PAI(A;;ZZ;;;BU)"),
    "permissions-unreadable",
    "an unknown right is not guessed",
  );
});

function programData(policy: string | null, acl: string) {
  const root = tempDataDir("programdata");
  mkdirSync(join(root, "Refund Desk"));
  if (policy !== null) writeFileSync(join(root, "Refund Desk", "policy.json"), policy);
  // Shell Folders names the folder; the files are real, so this machine's path rules join it.
  const shellFolders = fixture("reg-shell-folders.txt").replace("D:\\ProgramData", root);
  return windows({ policies: fixture("reg-policies-without-key.txt"), shellFolders, acl });
}

const MACHINE_JSON = JSON.stringify({
  environment: "practice",
  counterName: "Training",
  kioskMode: true,
  settingsLocked: true,
  adminPinHash: HASH,
});

test("ProgramData's policy.json: trusted only when administrators own it and its folder and nobody else may write either", async () => {
  const locked = await readWindowsJsonSource(programData(MACHINE_JSON, fixture("acl-locked.txt")).run, posix);
  assert.equal(locked.state, "found", JSON.stringify(locked));
  const cases: [string, string][] = [
    ["acl-inherited-programdata.txt", "folder-writable-by-non-administrators"],
    ["acl-owned-by-agent.txt", "not-owned-by-administrators"],
    ["acl-everyone-writes.txt", "writable-by-non-administrators"],
  ];
  for (const [acl, reason] of cases) {
    const read = await readWindowsJsonSource(programData(MACHINE_JSON, fixture(acl)).run, posix);
    assert.deepEqual(read.state === "broken" ? read.reason : read.state, reason, acl);
    assert.equal(combineSources([read]).state, "failed");
  }
  assert.deepEqual(await readWindowsJsonSource(programData(null, fixture("acl-locked.txt")).run), { state: "absent" });
  const torn = await readWindowsJsonSource(programData('{"environment": "pra', fixture("acl-locked.txt")).run, posix);
  assert.ok(torn.state === "broken" && torn.reason === "not-json");
  const noAcl = await readWindowsJsonSource(programData(MACHINE_JSON, "").run, posix);
  assert.ok(noAcl.state === "broken" && noAcl.reason === "permissions-unreadable");
  const unknownFolder = await readWindowsJsonSource(windows({}).run, posix);
  assert.ok(unknownFolder.state === "broken" && unknownFolder.reason === "program-data-unknown");
});

test("Windows: the registry wins field by field over policy.json; either broken fails the whole", async () => {
  const { run } = programData(
    JSON.stringify({ environment: "practice", counterName: "From the file", kioskMode: false, settingsLocked: false }),
    fixture("acl-locked.txt"),
  );
  const both: RunTool = async (file, args) => {
    const line = args.join(" ");
    if (line.includes('query "HKLM\\SOFTWARE\\Policies"'))
      return { code: 0, stdout: fixture("reg-policies-with-key.txt"), stderr: "" };
    if (line.includes('query "HKLM\\SOFTWARE\\Policies\\Refund Desk"'))
      return {
        code: 0,
        stdout:
          "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Refund Desk\r\n    counterName    REG_SZ    From the registry\r\n",
        stderr: "",
      };
    return run(file, args);
  };
  const policy = await readMachinePolicy({
    platform: "win32",
    run: both,
    overridePath: null,
    posixTrust: { trustedUids: [0] },
    windowsPaths: posix,
  });
  assert.ok(policy.state === "applied", JSON.stringify(policy));
  assert.equal(policy.valid.policy.counterName, "From the registry");
  assert.equal(policy.valid.policy.environment, "practice");
});

test("macOS managed preferences through plutil: applied when trusted, failed when plutil refuses the file or it is writable by others", async () => {
  const dir = tempDataDir("managed-prefs");
  const path = join(dir, "in.refunddesk.app.plist");
  writeFileSync(path, "<plist/>");
  const plutil =
    (code: number, stdout: string): RunTool =>
    async (file, args) => {
      assert.equal(file, "/usr/bin/plutil");
      assert.deepEqual(args, ["-convert", "json", "-o", "-", path]);
      return { code, stdout, stderr: "" };
    };
  const trust = { trustedUids: [0, process.getuid?.() ?? 0] };
  const read = await readManagedPreferences(plutil(0, fixture("plutil-managed-preferences.json")), trust, path);
  const applied = combineSources([read]);
  assert.ok(applied.state === "applied", JSON.stringify(applied));
  assert.equal(applied.valid.policy.printerName, "Star TSP143");
  const damaged = await readManagedPreferences(plutil(1, ""), trust, path);
  assert.deepEqual(damaged, { state: "broken", origin: path, reason: "not-a-plist" });
  chmodSync(path, 0o666);
  const open = await readManagedPreferences(plutil(0, fixture("plutil-managed-preferences.json")), trust, path);
  assert.deepEqual(open, { state: "broken", origin: path, reason: "writable-by-others" });
  assert.deepEqual(await readManagedPreferences(plutil(0, ""), trust, join(dir, "absent.plist")), { state: "absent" });
});

test("elevation: whoami's mandatory level by SID on Windows (an unelevated administrator is not), root elsewhere", async () => {
  assert.equal(whoamiShowsElevation(fixture("whoami-groups-elevated.txt")), true);
  assert.equal(whoamiShowsElevation(fixture("whoami-groups-admin-not-elevated.txt")), false);
  const whoami =
    (stdout: string): RunTool =>
    async (file) => ({ code: file === WINDOWS_TOOLS.whoami ? 0 : 1, stdout, stderr: "" });
  assert.equal(await isElevated({ platform: "win32", run: whoami(fixture("whoami-groups-elevated.txt")) }), true);
  assert.equal(
    await isElevated({ platform: "win32", run: whoami(fixture("whoami-groups-admin-not-elevated.txt")) }),
    false,
  );
  assert.equal(await isElevated({ platform: "linux", run: whoami(""), getuid: () => 0 }), true);
  assert.equal(await isElevated({ platform: "darwin", run: whoami(""), getuid: () => 501 }), false);
});
