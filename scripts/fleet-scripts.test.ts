/**
 * The scripts IT's tools run on each counter (build/fleet/): the Jamf extension attribute run here
 * with `sh` against `doctor --json` outputs made by the real doctor (a fresh Practice counter, one
 * that has refunded under a machine policy, one that cannot reach its server, one locked down) and
 * against a doctor that is missing or says nothing useful. The Intune script needs PowerShell,
 * which is not here: it is parsed (tree-sitter's PowerShell grammar) and must print the same
 * fields in the same order; the release workflow runs it on Windows against the installed app.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Language, Parser } from "web-tree-sitter";
import type { FleetFacts } from "../app/doctor";
import { runCli } from "../main/cli/cli";
import { cliIo } from "../main/test-support/cli-io";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { tempDataDir } from "../main/test-support/temp-dir";
import { TEST_SECRETS } from "../main/test-support/test-secrets";

const ROOT = join(__dirname, "..");
const JAMF = join(ROOT, "build", "fleet", "jamf-extension-attribute.sh");
const INTUNE = join(ROOT, "build", "fleet", "intune-detect.ps1");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

interface Recorded {
  code: number;
  out: string;
}

/** `doctor --json` as the real CLI prints it for a counter with this data folder and machine policy. */
async function doctorJson(dataDir: string, machinePolicyPath: string | null = null): Promise<Recorded> {
  const io = cliIo("");
  const code = await runCli(["refund-desk", "doctor", "--json"], io, {
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    machinePolicyPath,
  });
  return { code, out: io.out() };
}

function machinePolicy(fields: Record<string, unknown>): string {
  const path = join(tempDataDir("fleet-policy"), "policy.json");
  writeFileSync(path, JSON.stringify(fields));
  // Only administrators may write a machine policy; a group- or world-writable one is ignored.
  chmodSync(path, 0o644);
  return path;
}

/** The extension attribute against a stand-in app that prints `out` and exits with `code`. */
function jamf(recorded: Recorded | null): { status: number | null; stdout: string } {
  const dir = tempDataDir("fleet-app");
  const app = join(dir, "refund-desk");
  if (recorded) {
    writeFileSync(join(dir, "doctor.json"), recorded.out);
    writeFileSync(app, `#!/bin/sh\ncat "${join(dir, "doctor.json")}"\nexit ${recorded.code}\n`);
    chmodSync(app, 0o755);
  }
  const run = spawnSync("sh", [JAMF], { encoding: "utf8", env: { ...process.env, REFUND_DESK_APP: app } });
  return { status: run.status, stdout: run.stdout };
}

/** The line both scripts print, written out from the record: the oracle for the shell's parsing. */
function expectedLine(fleet: FleetFacts): string {
  const text = (value: string | number | boolean | null | string[]) =>
    value === null
      ? "none"
      : value === true
        ? "yes"
        : value === false
          ? "no"
          : Array.isArray(value)
            ? value.join(",")
            : String(value);
  const status = fleet.failed.length > 0 ? "fail" : fleet.warned.length > 0 ? "warn" : "ok";
  const fields: Array<[string, string | number | boolean | null | string[]]> = [
    ["version", fleet.version],
    ["environment", fleet.environment],
    ["counter", fleet.counterName],
    ["policy", fleet.policySource],
    ["locked-down", fleet.lockedDown],
    ["settings-locked", fleet.settingsLocked],
    ["kiosk", fleet.kioskMode],
    ["signer", fleet.signer],
    ["key", fleet.key],
    ["keychain", fleet.keychain],
    ["os-log", fleet.osLog],
    ["clock-offset-ms", fleet.clockOffsetMs],
    ["last-refund", fleet.lastRefundAt],
    ["failed", fleet.failed],
    ["warned", fleet.warned],
  ];
  return [status, ...fields.map(([name, value]) => `${name}=${text(value)}`)].join(" | ");
}

const fleetOf = (recorded: Recorded) => (JSON.parse(recorded.out) as { value: { fleet: FleetFacts } }).value.fleet;

test("Jamf: the real doctor's record of a fresh Practice counter, and of one that refunded under a machine policy", async () => {
  const fresh = await doctorJson(tempDataDir("fleet-fresh"));
  assert.equal(fresh.code, 0, fresh.out);
  const line = jamf(fresh);
  assert.equal(line.status, 0);
  assert.equal(line.stdout, `<result>${expectedLine(fleetOf(fresh))}</result>\n`);
  assert.match(
    line.stdout,
    new RegExp(
      `^<result>ok \\| version=${version.replaceAll(".", "\\.")} \\| environment=practice \\| counter=none \\| policy=none \\|`,
    ),
  );

  const dataDir = tempDataDir("fleet-refunded");
  const policy = machinePolicy({
    environment: "practice",
    counterName: "Pune Camp - Counter 3",
    kioskMode: false,
    settingsLocked: false,
  });
  const cli = async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir,
      machinePolicyPath: policy,
    });
    return { code, out: io.out() };
  };
  const otp = await cli(["otp", "13192443", "--json"]);
  const { otpRefId } = (JSON.parse(otp.out) as { value: { otpRefId: string } }).value;
  const refund = await cli(["refund", "13192443", "--otp-ref", otpRefId, "--json"], `${TEST_SECRETS.otps.practice}\n`);
  assert.equal(refund.code, 0, refund.out);
  const refunded = await doctorJson(dataDir, policy);
  const fleet = fleetOf(refunded);
  assert.match(fleet.lastRefundAt ?? "", /^\d{4}-\d{2}-\d{2}T/);
  const attribute = jamf(refunded).stdout;
  assert.equal(attribute, `<result>${expectedLine(fleet)}</result>\n`);
  assert.match(attribute, /counter=Pune Camp - Counter 3 \| policy=machine \|/);
  assert.ok(attribute.includes(`last-refund=${fleet.lastRefundAt}`));
});

test("Jamf: a counter that fails a check, and one locked down by a policy it cannot trust, say fail first", async () => {
  const dataDir = tempDataDir("fleet-unreachable");
  const io = cliIo("");
  const deps = { fetch, keyStore: memoryKeyStore(), dataDir };
  await runCli(
    ["refund-desk", "config", "set", "base-url", "http://127.0.0.1:9/ekoapi/v3", "environment", "custom"],
    io,
    deps,
  );
  const failing = await doctorJson(dataDir);
  assert.equal(failing.code, 1, failing.out);
  const fleet = fleetOf(failing);
  assert.ok(fleet.failed.includes("reachable"));
  const line = jamf(failing).stdout;
  assert.equal(line, `<result>${expectedLine(fleet)}</result>\n`);
  assert.match(line, /^<result>fail \| .* \| failed=[a-z-]+(,[a-z-]+)+ \| warned=[a-z-,]*<\/result>\n$/);

  const broken = machinePolicy({
    environment: "practice",
    counterName: "Kiosk 7",
    kioskMode: false,
    setingsLocked: true,
  });
  const lockedDown = await doctorJson(tempDataDir("fleet-locked-down"), broken);
  assert.equal(fleetOf(lockedDown).lockedDown, true);
  assert.match(jamf(lockedDown).stdout, /^<result>fail \| .* \| locked-down=yes \|/);
});

test("Jamf: no app, no output, or output without the record: fail, said plainly, exit 0 (Jamf keeps the value)", () => {
  const cases: Array<[Recorded | null, string]> = [
    [null, "<result>fail | not installed</result>\n"],
    [{ code: 70, out: "" }, "<result>fail | no report from doctor</result>\n"],
    [
      { code: 0, out: '{"ok":true,"value":{"environment":"practice","checks":[]}}\n' },
      "<result>fail | no report from doctor</result>\n",
    ],
  ];
  for (const [recorded, expected] of cases) assert.deepEqual(jamf(recorded), { status: 0, stdout: expected });
});

/** PowerShell's syntax tree of a script: the ERROR and MISSING nodes tree-sitter finds, by line. */
async function powershellErrors(source: string): Promise<number[]> {
  await Parser.init();
  const grammar = join(ROOT, "node_modules", "tree-sitter-powershell", "tree-sitter-powershell.wasm");
  const parser = new Parser();
  parser.setLanguage(await Language.load(grammar));
  const tree = parser.parse(source);
  assert.ok(tree);
  const lines: number[] = [];
  const walk = (node: NonNullable<typeof tree>["rootNode"]) => {
    if (node.isError || node.isMissing) lines.push(node.startPosition.row + 1);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  return lines;
}

test("Intune: the script parses as PowerShell (and a broken copy does not), printing the Jamf line's fields in its order", async () => {
  const script = readFileSync(INTUNE, "utf8");
  assert.deepEqual(await powershellErrors(script), []);
  assert.notDeepEqual(await powershellErrors(script.replace("if ($null -eq $fleet) {", "if ($null -eq $fleet {")), []);

  // name=$(Field 'x') in PowerShell, name=$(field x) in the shell: the same names from the same fields.
  const pairs = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => `${m[1]}=${m[2]}`);
  const intune = pairs(script, /\| ([a-z-]+)=\$\(Field '(\w+)'\)/g);
  const shell = pairs(readFileSync(JAMF, "utf8"), /\| ([a-z-]+)=\$\(field (\w+)\)/g);
  assert.deepEqual(intune, shell);
  // Every field of the record is on the line (failed and warned close it, from their own variables).
  const named = new Set([...intune.map((p) => p.split("=")[1]), "failed", "warned"]);
  const fresh = fleetOf(await doctorJson(tempDataDir("fleet-fields")));
  assert.deepEqual(
    Object.keys(fresh).filter((field) => !named.has(field)),
    [],
  );
});
