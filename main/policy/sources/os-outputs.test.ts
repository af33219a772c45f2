/**
 * Every output the policy readers were tried on, from fixtures/ with where each came from
 * (fixtures/sources.json: a captured one names its repository, path and commit, or its issue
 * thread; a constructed one says what it was built from). Each fixture's verdict is pinned
 * here: elevated or not, trusted or why not, the policy it yields. A fixture without a verdict,
 * or without its source, fails.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { whoamiShowsElevation } from "../../admin/elevation";
import { tempDataDir } from "../../test-support/temp-dir";
import { combineSources } from "../machine-policy";
import { readManagedPreferences } from "./posix-sources";
import { registryPolicyValues } from "./registry-values";
import type { RunTool } from "./run-tool";
import { parseSddl, windowsTrustProblem } from "./sddl";
import { parseRegistryOutput } from "./windows-registry";

const FIXTURES = join(__dirname, "fixtures");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const lines = (name: string) =>
  fixture(name)
    .split(/\r?\n/)
    .filter((line) => line !== "");

interface FixtureSource {
  file: string;
  kind: "captured" | "constructed";
  repository?: string;
  path?: string;
  commit?: string;
  url?: string;
  part?: string;
  basis?: string;
  shows: string;
}

const sources = JSON.parse(fixture("sources.json")) as FixtureSource[];
const TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

const elevated = (expected: boolean) => (file: string) => assert.equal(whoamiShowsElevation(fixture(file)), expected);
const trust = (expected: string | null) => (file: string) => {
  const [sddl, ...more] = lines(file);
  assert.equal(more.length, 0, "one descriptor");
  assert.equal(windowsTrustProblem(sddl ?? ""), expected);
};
/** Get-Acl's two lines: the policy file's descriptor, then its folder's. */
const fileAndFolder = (file: string | null, folder: string | null) => (name: string) =>
  assert.deepEqual(lines(name).map(windowsTrustProblem), [file, folder]);

function registryPolicy(file: string) {
  const read = parseRegistryOutput(fixture(file));
  assert.ok(read);
  return {
    read,
    policy:
      read.policy && combineSources([{ state: "found", origin: "HKLM", values: registryPolicyValues(read.policy) }]),
  };
}

async function managedPreferences(file: string) {
  const path = join(tempDataDir("os-outputs"), "in.refunddesk.app.plist");
  writeFileSync(path, "<plist/>");
  const plutil: RunTool = async () => ({ code: 0, stdout: fixture(file), stderr: "" });
  return combineSources([await readManagedPreferences(plutil, { trustedUids: [0, process.getuid?.() ?? 0] }, path)]);
}

const VERDICTS: Record<string, (file: string) => void | Promise<void>> = {
  "whoami-groups-admin-not-elevated.txt": elevated(false),
  "whoami-groups-elevated.txt": elevated(true),
  "whoami-groups-admin-over-ssh.txt": elevated(true),
  "whoami-groups-admin-over-ssh-filtered.txt": elevated(false),
  "whoami-groups-server-operators-winrm.txt": elevated(false),
  "whoami-user-groups-system.txt": elevated(true),
  "acl-admin-only-folder.txt": trust(null),
  "acl-drive-root-users-modify.txt": trust("writable-by-non-administrators"),
  "acl-programdata.txt": trust("writable-by-non-administrators"),
  "acl-programdata-child.txt": trust("writable-by-non-administrators"),
  "acl-null-dacl.txt": trust("null-dacl"),
  "acl-windowsapps-conditional.txt": (file) => {
    // icacls /save keeps no owner: as it is, it cannot be judged.
    trust("permissions-unreadable")(file);
    const dacl = `O:${TRUSTED_INSTALLER}${lines(file)[0] ?? ""}`;
    const descriptor = parseSddl(dacl);
    assert.ok(descriptor && descriptor.dacl !== "null");
    assert.equal(descriptor.dacl.length, 16, "every entry after the conditional one");
    assert.deepEqual(descriptor.dacl[0], { type: "XA", flags: ["OI", "CI"], mask: 0x1200a9, sid: "S-1-5-32-545" });
    assert.equal(windowsTrustProblem(dacl), null, "Users may read and run the package, never change it");
    // The same descriptor had Users been given full control after the condition (not captured: derived).
    assert.equal(
      windowsTrustProblem(dacl.replace("(A;OICI;FR;;;BU)", "(A;OICI;FA;;;BU)")),
      "writable-by-non-administrators",
    );
  },
  "acl-locked.txt": fileAndFolder(null, null),
  "acl-inherited-programdata.txt": fileAndFolder(null, "writable-by-non-administrators"),
  "acl-owned-by-agent.txt": fileAndFolder("not-owned-by-administrators", null),
  "acl-everyone-writes.txt": fileAndFolder("writable-by-non-administrators", null),
  "registry-policy.txt": (file) => {
    const { read, policy } = registryPolicy(file);
    assert.deepEqual(read.folders?.get("Common AppData"), { type: "REG_SZ", data: "D:\\ProgramData" });
    assert.ok(policy?.state === "applied", JSON.stringify(policy));
    assert.deepEqual(policy.valid.policy, {
      environment: "uat",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
      counterName: "पुणे काउंटर 3",
      kioskMode: true,
      settingsLocked: true,
      timeoutMs: 20_000,
      printerName: "EPSON TM-T82 Receipt",
    });
    assert.ok(policy.valid.pin, "the PIN's hash");
  },
  "registry-no-policy.txt": (file) => {
    const { read, policy } = registryPolicy(file);
    assert.equal(read.policy, null);
    assert.equal(policy, null);
    assert.equal(read.folders?.get("Common AppData")?.data, "D:\\ProgramData");
  },
  "registry-policy-bad-types.txt": (file) => {
    const { policy } = registryPolicy(file);
    assert.ok(policy?.state === "failed");
    assert.deepEqual(policy.problem.errors.map((error) => `${error.field}:${error.reason}`).sort(), [
      ":unknown-field",
      "KioskMod:unknown-field",
      "kioskMode:expected-boolean",
      "timeoutMs:expected-number",
    ]);
  },
  "plutil-managed-preferences.json": async (file) => {
    const policy = await managedPreferences(file);
    assert.ok(policy.state === "applied", JSON.stringify(policy));
    assert.equal(policy.valid.policy.printerName, "Star TSP143");
  },
  "plutil-managed-preferences-mdm.json": async (file) => {
    const policy = await managedPreferences(file);
    assert.ok(policy.state === "applied", JSON.stringify(policy));
    assert.deepEqual(policy.valid.policy, {
      environment: "production",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
      counterName: "Pune Camp - Counter 3",
      kioskMode: true,
      settingsLocked: true,
      timeoutMs: 20_000,
      printerName: "EPSON TM-T82 Receipt",
    });
    assert.ok(policy.valid.pin, "the PIN's hash");
  },
};

describe("the OS tools' outputs the readers were tried on", () => {
  test("every fixture has its source and every source its fixture; a captured one says where, a constructed one from what", () => {
    const files = readdirSync(FIXTURES)
      .filter((name) => name !== "sources.json")
      .sort();
    assert.deepEqual(sources.map((source) => source.file).sort(), files);
    assert.deepEqual(Object.keys(VERDICTS).sort(), files, "a verdict for every fixture");
    for (const source of sources) {
      assert.ok(source.shows, source.file);
      if (source.kind === "constructed") {
        assert.ok(source.basis, source.file);
        continue;
      }
      assert.equal(source.kind, "captured", source.file);
      assert.ok(source.part, source.file);
      if (source.url) {
        assert.match(source.url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+$/, source.file);
      } else {
        assert.match(source.repository ?? "", /^[\w.-]+\/[\w.-]+$/, source.file);
        assert.ok(source.path, source.file);
        assert.match(source.commit ?? "", /^[0-9a-f]{40}$/, source.file);
      }
    }
    const captured = sources.filter((source) => source.kind === "captured").map((source) => source.file);
    assert.ok(captured.filter((file) => file.startsWith("whoami-")).length >= 5);
    assert.ok(captured.filter((file) => file.startsWith("acl-")).length >= 3);
  });

  for (const source of sources) {
    test(`${source.file}: ${source.shows}`, async () => {
      const verdict = VERDICTS[source.file];
      assert.ok(verdict, `${source.file} has no verdict`);
      await verdict(source.file);
    });
  }
});
