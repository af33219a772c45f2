/**
 * `config show` on a counter whose settings are locked: the account fields the window hides from
 * the agent are said to be hidden, never "(not set)" when provisioning set them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { inputDir, tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { EXIT, runCli } from "./cli";

const FAST = { ln: 12, r: 8, p: 1 };

async function provisioned(settingsLocked: boolean, ...show: string[]) {
  const policyFile = join(inputDir("config-show-input"), "policy.json");
  writeFileSync(
    policyFile,
    JSON.stringify({
      environment: "uat",
      developerKey: "becbbce45f79c6f5109f848acd540567",
      initiatorId: "9962981729",
      userCode: "20810200",
      counterName: "Counter 3",
      kioskMode: false,
      settingsLocked,
      adminPin: TEST_SECRETS.adminPins.configShow,
    }),
  );
  const deps = { fetch, keyStore: memoryKeyStore(), dataDir: tempDataDir("config-show"), pinCost: FAST };
  const run = async (...args: string[]) => {
    const io = cliIo(args[0] === "provision" ? TEST_SECRETS.accessKeys.configShow : "");
    const code = await runCli(["refund-desk", ...args], io, deps);
    return { code, out: io.out(), err: io.err() };
  };
  const done = await run("provision", "--file", policyFile, "--key-stdin");
  assert.equal(done.code, EXIT.ok, done.err);
  return run("config", "show", ...show);
}

test("config show on a locked counter says the account fields are hidden; unlocked, it shows them", async () => {
  const locked = await provisioned(true);
  assert.equal(locked.code, EXIT.ok, locked.err);
  for (const field of ["developer-key", "initiator-id", "user-code"])
    assert.match(locked.out, new RegExp(`^${field}:\\s+\\(hidden while the settings are locked\\)$`, "m"), locked.out);
  assert.doesNotMatch(locked.out, /becbbce45f79c6f5109f848acd540567|9962981729/);
  const open = await provisioned(false);
  assert.match(open.out, /^developer-key:\s+becbbce45f79c6f5109f848acd540567$/m, open.out);
  assert.match(open.out, /^initiator-id:\s+9962981729$/m);
  assert.match(open.out, /^user-code:\s+20810200$/m);
});

test("config show --json on a locked counter names the hidden fields, so their null is not read as unset", async () => {
  const locked = JSON.parse((await provisioned(true, "--json")).out).value;
  assert.deepEqual(locked.hidden, ["developerKey", "initiatorId", "userCode"]);
  assert.equal(locked.developerKey, null);
  const open = JSON.parse((await provisioned(false, "--json")).out).value;
  assert.deepEqual(open.hidden, []);
  assert.equal(open.initiatorId, "9962981729");
});

test("in Hindi, a locked counter's account fields say they are hidden because the settings are locked", async () => {
  const locked = await provisioned(true, "--lang", "hi");
  assert.equal(locked.code, EXIT.ok, locked.err);
  assert.match(locked.out, /^developer-key:\s+\(सेटिंग्स लॉक हैं, इसलिए छिपा\)$/m);
  assert.match(locked.out, /^सेटिंग्स लॉक:\s+लॉक$/m);
});
