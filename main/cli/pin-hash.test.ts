import { test } from "node:test";
import assert from "node:assert/strict";
import { verifyPin } from "../admin/pin-hash";
import { cliIo } from "../test-support/cli-io";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { EXIT } from "./exit-codes";
import { pinHashCommand } from "./pin-hash";

const CHEAP = { ln: 12, r: 1, p: 1 };
const PIN = TEST_SECRETS.adminPins.processes;

/** A clock that says the hash took `ms`: the first reading before it, the second after. */
const tookMs = (ms: number) => {
  const readings = [1_000, 1_000 + ms];
  return () => readings.shift() ?? Number.NaN;
};

test("pin-hash times the hash it made and says how long an offline search of that PIN takes on one core", async () => {
  const io = cliIo(`${PIN}\n`);
  assert.equal(await pinHashCommand([], false, io, CHEAP, tookMs(250)), EXIT.ok);
  assert.ok(await verifyPin(PIN, io.out().trim()), "standard output is the hash alone");
  assert.equal(
    io.err(),
    "Offline search, measured on this computer: a 8-digit PIN at ln=12: about 100,000,000 × 0.25 s = 289.4 days on one core.\n",
  );

  const json = cliIo(`${PIN}\n`);
  assert.equal(await pinHashCommand([], true, json, CHEAP, tookMs(1_300)), EXIT.ok);
  const { value } = JSON.parse(json.out());
  assert.deepEqual(value.offlineSearch, { guesses: 100_000_000, secondsPerGuess: 1.3, seconds: 130_000_000 });
  assert.equal(json.err(), "");
});
