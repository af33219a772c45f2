import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { signTimestamp } from "../eko/signing";
import { boundKeyText } from "../keychain/bound-key";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { EXIT, isCliInvocation, runCli } from "./cli";
import { TEST_SECRETS } from "../test-support/test-secrets";

const account = {
  developerKey: "0123456789abcdef0123456789abcdef",
  accessKey: TEST_SECRETS.accessKeys.cliUnit,
  initiatorId: "9876543210",
};
let server: Simulator;
before(async () => {
  server = await startSimulator({ accounts: [account] });
});
after(() => server.close());

function cli() {
  const keyStore = memoryKeyStore();
  const dataDir = tempDataDir("cli");
  const run = async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore, dataDir });
    return { code, out: io.out(), err: io.err() };
  };
  return { run, keyStore };
}

test("recognises a command after the executable, Electron's app path or switches", () => {
  assert.equal(isCliInvocation(["/opt/Refund Desk/refund-desk", "otp", "1"]), true);
  assert.equal(isCliInvocation(["electron", ".", "doctor"]), true);
  assert.equal(isCliInvocation(["electron", "--no-sandbox", "dist/main/index.js", "config", "show"]), true);
  assert.equal(isCliInvocation(["/opt/Refund Desk/refund-desk"]), false);
  assert.equal(isCliInvocation(["electron", "."]), false);
  assert.equal(isCliInvocation(["refund-desk", "some-file", "otp"]), false);
});

test("set-key reads standard input, stores it for the environment in force, and never prints it", async () => {
  const { run, keyStore } = cli();
  assert.equal((await run(["config", "set", "environment", "custom", "base-url", server.baseUrl])).code, EXIT.ok);
  const stored = await run(["set-key"], `${account.accessKey}\n`);
  assert.equal(stored.code, EXIT.ok);
  assert.equal(keyStore.value, boundKeyText(account.accessKey, server.baseUrl));
  assert.ok(!stored.out.includes(account.accessKey) && !stored.err.includes(account.accessKey));
});

test("set-key in Practice is refused: a key belongs to UAT, production or a custom URL", async () => {
  const { run, keyStore } = cli();
  const refused = await run(["set-key"], `${account.accessKey}\n`);
  assert.equal(refused.code, EXIT.usage, refused.err);
  assert.equal(keyStore.value, null);
  assert.match(refused.err, /belongs to UAT, production or a custom URL/);
});

test("a key stored for one environment does not follow the counter to a custom URL", async () => {
  const { run } = cli();
  assert.equal((await run(["config", "set", "environment", "uat"])).code, EXIT.ok);
  assert.equal((await run(["set-key"], account.accessKey)).code, EXIT.ok);
  for (const pair of [
    ["environment", "custom", "base-url", server.baseUrl],
    ["developer-key", account.developerKey, "initiator-id", account.initiatorId],
  ])
    assert.equal((await run(["config", "set", ...pair])).code, EXIT.ok);
  const before = server.requests.length;
  const otp = await run(["otp", "13192443", "--json"]);
  assert.equal(JSON.parse(otp.out).error.kind, "not-configured");
  assert.deepEqual(JSON.parse(otp.out).error.missing, ["accessKey"]);
  assert.equal(server.requests.length, before, "nothing was signed or sent");
});

test("set-key refuses the key as an argument", async () => {
  const { run, keyStore } = cli();
  const result = await run(["set-key", account.accessKey]);
  assert.equal(result.code, EXIT.usage);
  assert.equal(keyStore.value, null);
  assert.match(result.err, /standard input/);
});

test("config set, config show --json, otp --json against a custom base URL", async () => {
  const { run } = cli();
  for (const [name, value] of [
    ["base-url", server.baseUrl],
    ["environment", "custom"],
    ["developer-key", account.developerKey],
    ["initiator-id", account.initiatorId],
    ["timeout-ms", "5000"],
  ]) {
    const set = await run(["config", "set", name ?? "", value ?? ""]);
    assert.equal(set.code, EXIT.ok, `${name}: ${set.err}`);
  }
  await run(["set-key"], account.accessKey);
  const shown = await run(["config", "show", "--json"]);
  const view = JSON.parse(shown.out);
  assert.equal(view.ok, true);
  assert.equal(view.value.environment, "custom");
  assert.equal(view.value.accessKey, "stored");
  assert.ok(!shown.out.includes(account.accessKey));

  const before = server.requests.length;
  const otp = await run(["otp", "13192443", "--json"]);
  assert.equal(otp.code, EXIT.ok, otp.err);
  const reply = JSON.parse(otp.out);
  assert.equal(reply.ok, true);
  assert.equal(typeof reply.value.otpRefId, "string");
  const seen = server.requests[before];
  assert.equal(seen?.path, "/ekoapi/v3/customer/payment/refund/13192443/otp");
  assert.equal(
    seen?.headers["secret-key"],
    signTimestamp(account.accessKey, seen?.headers["secret-key-timestamp"] ?? ""),
  );

  // Another process, the same counter: the OTP just sent holds its resend cooldown here too.
  const again = await run(["otp", "13192443", "--json"]);
  assert.equal(again.code, EXIT.failed);
  assert.equal(JSON.parse(again.out).error.kind, "cooldown");

  const plain = await run(["otp", "13192457"]);
  assert.equal(plain.code, EXIT.ok, plain.err);
  assert.match(plain.out, /^[0-9a-f-]{36}\n/);
});

test("otp failures exit non-zero with the kind and a message", async () => {
  const { run } = cli();
  const unknown = await run(["otp", "13192445", "--json"]);
  assert.equal(unknown.code, EXIT.failed);
  const body = JSON.parse(unknown.out);
  assert.equal(body.ok, false);
  assert.equal(body.error.kind, "unknown-tid");
  assert.equal(typeof body.error.message, "string");
  assert.ok(body.error.message.length > 10);

  const invalid = await run(["otp", "../etc", "--json"]);
  assert.equal(invalid.code, EXIT.usage);
  assert.equal(JSON.parse(invalid.out).error.kind, "invalid-input");

  const text = await run(["otp", "13192444"]);
  assert.equal(text.code, EXIT.failed);
  assert.match(text.err, /already-refunded/);
});

test("config refuses bad values with the reason; unknown names and commands are usage errors", async () => {
  const { run } = cli();
  const bad = await run(["config", "set", "initiator-id", "123", "--json"]);
  assert.equal(bad.code, EXIT.usage);
  assert.deepEqual(JSON.parse(bad.out).error.field, "initiatorId");
  assert.equal((await run(["config", "set", "colour", "blue"])).code, EXIT.usage);
  assert.equal((await run(["frobnicate"])).code, EXIT.usage);
  assert.equal((await run(["otp"])).code, EXIT.usage);
});

test("doctor --json in Practice reports every check and the clock offset", async () => {
  const { run } = cli();
  const result = await run(["doctor", "--json"]);
  assert.equal(result.code, EXIT.ok, result.err + result.out);
  const report = JSON.parse(result.out).value;
  assert.deepEqual(
    report.checks.map((c: { id: string }) => c.id),
    ["policy", "keychain", "access-key", "settings", "reachable", "clock"],
  );
  assert.equal(typeof report.clockOffsetMs, "number");
  assert.ok(Math.abs(report.clockOffsetMs) < 2_000);
});

test("doctor fails (exit 1) when UAT is chosen but nothing is configured", async () => {
  const { run } = cli();
  await run(["config", "set", "environment", "custom"]).then((r) => assert.equal(r.code, EXIT.usage));
  await run(["config", "set", "base-url", "http://127.0.0.1:9/ekoapi/v3"]);
  await run(["config", "set", "environment", "custom"]);
  const result = await run(["doctor"]);
  assert.equal(result.code, EXIT.failed);
  assert.match(result.out, /fail\s+access-key/);
  assert.match(result.out, /fail\s+reachable/);
});

test("doctor warns, and still passes, when the user code is missing outside Practice; set, the settings check is ok", async () => {
  const { run } = cli();
  for (const [name, value] of [
    ["base-url", server.baseUrl],
    ["environment", "custom"],
    ["developer-key", account.developerKey],
    ["initiator-id", account.initiatorId],
  ] as const) {
    assert.equal((await run(["config", "set", name, value])).code, EXIT.ok, name);
  }
  await run(["set-key"], account.accessKey);
  const settingsCheck = (out: string) =>
    (JSON.parse(out).value.checks as { id: string }[]).find((c) => c.id === "settings");
  const without = await run(["doctor", "--json"]);
  assert.equal(without.code, EXIT.ok, without.out);
  assert.deepEqual(settingsCheck(without.out), { id: "settings", status: "warn", detail: "userCode" });
  assert.equal(JSON.parse(without.out).value.ok, true);
  assert.match((await run(["doctor"])).out, /warn\s+settings: .*Missing: User code\./);

  assert.equal((await run(["config", "set", "user-code", "20810200"])).code, EXIT.ok);
  const withCode = await run(["doctor", "--json"]);
  assert.equal(withCode.code, EXIT.ok, withCode.out);
  assert.deepEqual(settingsCheck(withCode.out), { id: "settings", status: "ok" });
});

test("doctor in Practice does not ask for a user code", async () => {
  const { run } = cli();
  const result = await run(["doctor", "--json"]);
  assert.equal(JSON.parse(result.out).value.environment, "practice");
  assert.deepEqual(
    (JSON.parse(result.out).value.checks as { id: string }[]).find((c) => c.id === "settings"),
    { id: "settings", status: "ok" },
  );
});
