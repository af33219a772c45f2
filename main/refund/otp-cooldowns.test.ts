import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ok } from "../../app/result";
import { COUNTER_STATE_FILE, openCounterState } from "../fs/counter-state";
import { tempDataDir } from "../test-support/temp-dir";
import { createOtpCooldowns } from "./otp-cooldowns";

const START = 1_760_000_000_000;

test("a cooldown runs on the clock from when it started, for every holder of the state, per tid", () => {
  const dir = tempDataDir("cooldowns");
  const clock = { t: START };
  const window = createOtpCooldowns(openCounterState(dir), () => clock.t);
  const cli = createOtpCooldowns(openCounterState(dir), () => clock.t);
  assert.deepEqual(cli.waitMs("13192443"), ok(0));
  window.start("13192443", 30_000);
  clock.t += 10_000;
  assert.deepEqual(cli.waitMs("13192443"), ok(20_000));
  assert.deepEqual(cli.waitMs("13192444"), ok(0), "another tid does not wait");
  clock.t += 20_000;
  assert.deepEqual(window.waitMs("13192443"), ok(0));
  cli.start("13192443", 0);
  assert.deepEqual(window.waitMs("13192443"), ok(0), "a cooldown of 0 (the setting) waits not at all");
});

test("ended cooldowns are cleared as new ones start", () => {
  const state = openCounterState(null);
  const clock = { t: START };
  const cooldowns = createOtpCooldowns(state, () => clock.t);
  cooldowns.start("13192443", 30_000);
  cooldowns.start("13192444", 60_000);
  clock.t += 30_000;
  cooldowns.start("13192445", 30_000);
  const rows = state.locked((db) => db.prepare("SELECT tid FROM otp_cooldowns ORDER BY tid").all());
  assert.deepEqual(rows.ok && rows.value.map((row) => row.tid), ["13192444", "13192445"]);
});

test("a state that cannot be read is the answer, not a zero wait", () => {
  const dir = tempDataDir("cooldowns");
  writeFileSync(join(dir, COUNTER_STATE_FILE), "not a database ".repeat(100));
  const wait = createOtpCooldowns(openCounterState(dir)).waitMs("13192443");
  assert.ok(!wait.ok && wait.error.kind === "counter-state-unavailable", JSON.stringify(wait));
});
