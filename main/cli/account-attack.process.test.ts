/**
 * The counter's own account against a locked machine policy, as issue reports found it: with the
 * real Secret Service and the real `refund-desk` process. The account overwrites the app's lock
 * record in its keychain with junk and writes its own settings.json, counter.json and
 * admin-pin.json pointing at a server it runs; the machine policy must still be what runs.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EKO_BASE_URLS } from "../../app/settings";
import { adminPinPath, adminPinText } from "../admin/admin-pin-file";
import { hashPin } from "../admin/pin-hash";
import { boundKeyText } from "../keychain/bound-key";
import { createKeytarKeyStore, KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from "../keychain/key-store";
import { COUNTER_FILE } from "../policy/counter-file";
import { SETTINGS_FILE } from "../settings/settings-file";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

const root = join(__dirname, "..", "..");
const account = {
  developerKey: "fedcba9876543210fedcba9876543210",
  accessKey: TEST_SECRETS.accessKeys.cliProcess,
  initiatorId: "9123456780",
};
const skip = !existsSync(join(root, "dist", "main", "cli.js"))
  ? "the app is not built (npm test builds it first)"
  : !process.env.DBUS_SESSION_BUS_ADDRESS && process.env.REFUND_DESK_REQUIRE_KEYCHAIN !== "1"
    ? "no Secret Service session bus (run under scripts/test.sh)"
    : false;

const home = tempDataDir("account-attack");
const policyPath = join(tempDataDir("account-attack-policy"), "policy.json");
// The keychain entries of this data folder (launch/machine-deps.ts gives a development home its own).
const suffix = `:${createHash("sha256").update(home).digest("hex").slice(0, 16)}`;
const lockEntry = createKeytarKeyStore(undefined, KEYCHAIN_SERVICE, `counter-lock${suffix}`);
const keyEntry = createKeytarKeyStore(undefined, KEYCHAIN_SERVICE, KEYCHAIN_ACCOUNT);
let server: Simulator;

before(async () => {
  if (skip) return;
  // The account's own server, which would answer "OTP sent" to anything signed.
  server = await startSimulator({ accounts: [account] });
  writeFileSync(
    policyPath,
    JSON.stringify({
      environment: "uat",
      developerKey: account.developerKey,
      initiatorId: account.initiatorId,
      counterName: "Machine kiosk",
      kioskMode: true,
      settingsLocked: true,
      adminPinHash: await hashPin(TEST_SECRETS.adminPins.e2e),
      timeoutMs: 2000,
    }),
  );
  // What IT stored: the UAT key. What the account writes: junk and files of its own.
  await keyEntry.set(boundKeyText(account.accessKey, EKO_BASE_URLS.uat));
  await lockEntry.set("junk written by the account");
  writeFileSync(
    join(home, SETTINGS_FILE),
    JSON.stringify({ environment: "custom", customBaseUrl: server.baseUrl, resendCooldownMs: 0 }),
  );
  writeFileSync(
    join(home, COUNTER_FILE),
    JSON.stringify({ counterName: "Mine", kioskMode: false, settingsLocked: false }),
  );
  writeFileSync(adminPinPath(home), adminPinText(await hashPin(TEST_SECRETS.adminPins.other, { ln: 12, r: 8, p: 1 })));
});

after(async () => {
  if (skip) return;
  await server.close();
  await lockEntry.remove();
  await keyEntry.remove();
});

function refundDesk(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "refund-desk", ...args], {
      cwd: root,
      env: { ...process.env, REFUND_DESK_HOME: home, REFUND_DESK_POLICY: policyPath },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end();
  });
}

test(
  "junk lock record and the account's own files: the machine policy runs, and its server is never called",
  { skip },
  async () => {
    const shown = await refundDesk(["config", "show"]);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /counter:\s+Machine kiosk\nkiosk mode:\s+on\nsettings lock:\s+locked\n/);
    assert.match(shown.out, /needs attention: lock-record-damaged/);
    assert.match(shown.out, /staging\.eko\.in/);
    assert.doesNotMatch(shown.out, /127\.0\.0\.1/);

    await refundDesk(["otp", "13192443", "--json"]);
    assert.equal(server.requests.length, 0, "nothing went to the account's server");
  },
);
