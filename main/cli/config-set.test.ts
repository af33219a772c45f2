import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTINGS_FILE } from "../settings/settings-file";
import { startSimulator, type Simulator } from "../simulator/simulator";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { EXIT, runCli } from "./cli";
import { parseConfigPairs } from "./config-set";
import { EXIT_CODES } from "./exit-codes";

let server: Simulator;
before(async () => {
  server = await startSimulator({ accounts: [] });
});
after(() => server.close());

function cli() {
  const dataDir = tempDataDir("config-set");
  const run = async (args: string[]) => {
    const io = cliIo();
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore: memoryKeyStore(), dataDir });
    return { code, out: io.out(), err: io.err() };
  };
  const saved = () => JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), "utf8")) as Record<string, unknown>;
  return { run, saved };
}

test("name value pairs and name=value tokens make one patch, in any order", () => {
  assert.deepEqual(
    parseConfigPairs(["environment", "custom", "base-url=https://eko.example.in/v3?x=1", "timeout-ms", "9000"]),
    {
      patch: { environment: "custom", customBaseUrl: "https://eko.example.in/v3?x=1", timeoutMs: 9000 },
      problems: [],
    },
  );
  const { problems } = parseConfigPairs([
    "colour",
    "blue",
    "timeout-ms=soon",
    "environment",
    "uat",
    "environment=live",
    "user-code",
  ]);
  assert.deepEqual(
    problems.map((p) => [p.name, p.error.kind === "invalid-input" && p.error.reason]),
    [
      ["colour", "unknown-setting"],
      ["timeout-ms", "not-a-whole-number"],
      ["environment", "given-twice"],
      ["user-code", "needs-value"],
    ],
  );
  assert.deepEqual(parseConfigPairs([]).problems.length, 1);
});

test("config set environment custom base-url … works in one call, in either order", async () => {
  for (const args of [
    ["environment", "custom", "base-url", server.baseUrl],
    [`base-url=${server.baseUrl}`, "environment=custom"],
  ]) {
    const { run, saved } = cli();
    const set = await run(["config", "set", ...args]);
    assert.equal(set.code, EXIT.ok, set.err);
    assert.equal(saved().environment, "custom");
    assert.equal(saved().customBaseUrl, server.baseUrl);
    assert.match(set.out, /environment:\s+custom/);
  }
});

test("one bad pair changes nothing: exit 2 and every problem listed", async () => {
  const { run } = cli();
  assert.equal((await run(["config", "set", "timeout-ms", "9000"])).code, EXIT.ok);
  const text = await run([
    "config",
    "set",
    "environment",
    "custom",
    "timeout-ms",
    "9500",
    "initiator-id",
    "12",
    "colour=blue",
    "user-code",
  ]);
  assert.equal(text.code, EXIT.usage);
  assert.match(text.err, /nothing was changed/);
  assert.match(text.err, /unknown setting "colour"/);
  assert.match(text.err, /user-code needs a value/);
  assert.match(text.err, /initiator-id: .*\(not-10-digits\)/);
  assert.match(text.err, /base-url: .*\(required-for-custom\)/);
  const json = await run(["config", "set", "initiator-id", "12", "base-url", "http://eko.example.in", "--json"]);
  assert.equal(json.code, EXIT.usage);
  const answer = JSON.parse(json.out);
  assert.equal(answer.ok, false);
  assert.equal(answer.error.field, "customBaseUrl");
  assert.deepEqual(
    answer.problems.map((p: { setting: string; reason: string }) => [p.setting, p.reason]),
    [
      ["base-url", "not-https"],
      ["initiator-id", "not-10-digits"],
    ],
  );
  const shown = JSON.parse((await run(["config", "show", "--json"])).out).value;
  assert.equal(shown.environment, "practice");
  assert.equal(shown.timeoutMs, 9000);
  assert.equal(shown.initiatorId, null);
});

test("--help prints the one exit-code table", async () => {
  const { run } = cli();
  const help = await run(["--help"]);
  assert.equal(help.code, EXIT.ok);
  for (const { code, meaning } of EXIT_CODES)
    assert.ok(help.out.includes(`${String(code).padStart(2)}  ${meaning}`), `${code} ${meaning}`);
  assert.deepEqual(
    EXIT_CODES.map((row) => row.code),
    [EXIT.ok, EXIT.failed, EXIT.usage, EXIT.internal, EXIT.adminPin],
  );
});

test("every entry point exits with the table's codes: the bin shim, the Node entry and the app", () => {
  const root = join(__dirname, "..", "..");
  const shim = readFileSync(join(root, "bin", "refund-desk.cjs"), "utf8");
  assert.deepEqual(
    [...shim.matchAll(/process\.exit\((\d+)\)/g)].map((m) => Number(m[1])),
    [EXIT.internal],
  );
  for (const file of ["main/index.ts", "main/cli/cli-entry.ts"]) {
    const code = readFileSync(join(root, file), "utf8");
    assert.doesNotMatch(code, /(?:exit\(|exitCode = )\d/, `${file} exits with a number of its own`);
    // The unexpected goes through the one reporter, which answers EXIT.internal (conventions.test.ts).
    assert.match(code, /reportUnexpected\(error, process\.stderr\)/, file);
  }
});

test("max-clock-correction-minutes: set in whole minutes 5 to 1440, shown by config show, refused past its range", async () => {
  const { run, saved } = cli();
  const set = await run(["config", "set", "max-clock-correction-minutes", "30"]);
  assert.equal(set.code, EXIT.ok, set.err);
  assert.equal(saved().maxClockCorrectionMinutes, 30);
  assert.match((await run(["config", "show"])).out, /^max-clock-correction-minutes: 30$/m);
  for (const [value, reason, words] of [
    ["4", "out-of-range", /max-clock-correction-minutes: The largest clock correction is not valid\. .*5 to 1440/],
    ["1441", "out-of-range", /from 5 to 1440/],
    ["6h", "not-a-whole-number", /must be a whole number of minutes/],
  ] as const) {
    const refused = await run(["config", "set", "max-clock-correction-minutes", value, "--json"]);
    assert.equal(refused.code, EXIT.usage, value);
    const answer = JSON.parse(refused.out) as { problems: Array<{ reason: string; setting: string; message: string }> };
    assert.deepEqual(
      answer.problems.map((p) => [p.setting, p.reason]),
      [["max-clock-correction-minutes", reason]],
      value,
    );
    assert.match(answer.problems[0]?.message ?? "", words, value);
  }
  assert.equal(saved().maxClockCorrectionMinutes, 30, "nothing changed");
});
