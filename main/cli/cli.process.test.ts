/**
 * The README's CLI as a support engineer runs it: `npx refund-desk …` in the checkout, a real
 * process, the real OS keychain (Secret Service under scripts/test.sh) and a custom base URL.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { signTimestamp } from "../eko/signing";
import { boundKeyText } from "../keychain/bound-key";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { agentAccount } from "../test-support/agent-account";
import { tempDataDir } from "../test-support/temp-dir";
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from "../keychain/key-store";
import { TEST_SECRETS } from "../test-support/test-secrets";

const root = join(__dirname, "..", "..");
const account = {
  developerKey: "fedcba9876543210fedcba9876543210",
  accessKey: TEST_SECRETS.accessKeys.cliProcess,
  initiatorId: "9123456780",
};
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const skip = !existsSync(join(root, "dist", "main", "cli.js"))
  ? "the app is not built (npm test builds it first)"
  : !hasBus && process.env.REFUND_DESK_REQUIRE_KEYCHAIN !== "1"
    ? "no Secret Service session bus (run under scripts/test.sh)"
    : false;

let server: Simulator;
const home = tempDataDir("cli-process");
// The journal's witness: a syslog socket of the test's own (REFUND_DESK_OS_LOG_SOCKET, development only).
const syslog = join(tempDataDir("cli-process-syslog"), "syslog.sock");
let witnessed = "";
const syslogServer = createServer((connection) =>
  connection.on("data", (chunk: Buffer) => (witnessed += chunk.toString("utf8"))),
);
before(async () => {
  server = await startSimulator({ accounts: [account] });
  await new Promise<void>((resolve) => syslogServer.listen(syslog, resolve));
});
after(async () => {
  syslogServer.close();
  await server.close();
  spawnSync("secret-tool", ["clear", "service", KEYCHAIN_SERVICE, "account", KEYCHAIN_ACCOUNT]);
});

/** Asynchronous on purpose: the simulator answering the CLI runs in this very process. */
function refundDesk(args: string[], input = ""): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "refund-desk", ...args], {
      cwd: root,
      env: { ...process.env, REFUND_DESK_HOME: home, REFUND_DESK_OS_LOG_SOCKET: syslog },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

test("npx refund-desk: set-key from stdin, config, otp and doctor against a custom base URL", { skip }, async () => {
  for (const [name, value] of [
    ["base-url", server.baseUrl],
    ["environment", "custom"],
    ["developer-key", account.developerKey],
    ["initiator-id", account.initiatorId],
    // Without it the doctor warns: the check and refund steps need it.
    ["user-code", "20810200"],
  ] as const) {
    const set = await refundDesk(["config", "set", name, value]);
    assert.equal(set.code, 0, `${name}: ${set.err}`);
  }
  const stored = await refundDesk(["set-key"], `${account.accessKey}\n`);
  assert.equal(stored.code, 0, stored.err);
  assert.equal(
    execFileSync("secret-tool", ["lookup", "service", KEYCHAIN_SERVICE, "account", KEYCHAIN_ACCOUNT], {
      encoding: "utf8",
    }),
    boundKeyText(account.accessKey, server.baseUrl),
  );

  const otp = await refundDesk(["otp", "13192443", "--json"]);
  assert.equal(otp.code, 0, otp.err);
  const reply = JSON.parse(otp.out);
  assert.equal(reply.ok, true);
  const seen = server.requests.at(-1);
  assert.equal(seen?.path, "/ekoapi/v3/customer/payment/refund/13192443/otp");
  assert.equal(seen?.headers["content-type"], "application/json");
  assert.equal(seen?.headers["developer_key"], account.developerKey);
  assert.equal(
    seen?.headers["secret-key"],
    signTimestamp(account.accessKey, seen?.headers["secret-key-timestamp"] ?? ""),
  );
  assert.equal(seen?.body, JSON.stringify({ initiator_id: account.initiatorId }));

  const failed = await refundDesk(["otp", "13192445", "--json"]);
  assert.equal(failed.code, 1);
  assert.equal(JSON.parse(failed.out).error.kind, "unknown-tid");

  const doctor = await refundDesk(["doctor", "--json"]);
  assert.equal(doctor.code, 0, doctor.out + doctor.err);
  const checks = JSON.parse(doctor.out).value.checks as Array<{ id: string; status: string }>;
  // REFUND_DESK_HOME is honoured here (a checkout, not the installed app), and the doctor says so.
  assert.deepEqual(
    checks.map((c) => `${c.id}:${c.status}`),
    [
      "policy:ok",
      "overrides:warn",
      "os-log:ok",
      "keychain:ok",
      "access-key:ok",
      "settings:ok",
      "reachable:ok",
      "clock:ok",
    ],
  );
  // Each command's journal lines reached the OS log through the OS's own logger.
  assert.match(witnessed, /refund-desk(\[\d+\])?: REFUND-DESK-JOURNAL \{[^\n]*"tid":"13192443"/);
  assert.ok(!witnessed.includes(account.accessKey));

  const shown = await refundDesk(["config", "show"]);
  assert.match(shown.out, /stored in the system keychain/);
  for (const output of [stored, otp, failed, doctor, shown])
    assert.ok(!(output.out + output.err).includes(account.accessKey));
});

test(
  "re-provisioning a counter with an admin PIN as an ordinary account without the PIN: exit 2, nothing changes",
  { skip: skip === false ? false : skip.includes("built") ? skip : false },
  () => {
    const agent = agentAccount(root);
    const asAgent = agent.run;
    const home = agent.home();
    const policy = join(home, "policy.json");
    writeFileSync(
      policy,
      JSON.stringify({
        environment: "practice",
        counterName: "Counter 9",
        kioskMode: true,
        settingsLocked: true,
        adminPin: TEST_SECRETS.adminPins.cliProcessKiosk,
      }),
    );
    const first = asAgent(["provision", "--file", policy], home);
    assert.equal(first.code, 0, first.err);
    const data = join(home, "data");
    const before = readdirSync(data)
      .sort()
      .map((name) => readFileSync(join(data, name), "utf8"));

    writeFileSync(
      policy,
      JSON.stringify({ environment: "practice", counterName: "Mine", kioskMode: false, settingsLocked: false }),
    );
    const refused = asAgent(["provision", "--file", policy], home);
    assert.equal(refused.code, 2, refused.out + refused.err);
    assert.match(refused.err, /has an admin PIN.*nothing was changed/);
    assert.deepEqual(
      readdirSync(data)
        .sort()
        .map((name) => readFileSync(join(data, name), "utf8")),
      before,
    );

    const withPin = asAgent(
      ["provision", "--file", policy, "--pin-stdin"],
      home,
      `${TEST_SECRETS.adminPins.cliProcessKiosk}\n`,
    );
    assert.equal(withPin.code, 0, withPin.err);
    assert.match(withPin.out, /Provisioned counter "Mine"/);
  },
);
