import { test } from "node:test";
import assert from "node:assert/strict";
import { err, ok } from "../../app/result";
import type { PinGate } from "../admin/pin-gate";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { createKioskExportGate } from "./kiosk-export-gate";

const PIN = TEST_SECRETS.adminPins.cliKiosk;

/** A PIN gate that knows one PIN and records every PIN it was asked about. */
function fakePinGate() {
  const asked: string[] = [];
  const gate: PinGate = {
    check: async (pin) => {
      asked.push(pin);
      return pin === PIN ? ok(undefined) : err({ kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 });
    },
    waitMs: () => 0,
  };
  return { gate, asked };
}

test("on a kiosk an export needs the admin PIN, checked by the PIN gate each time", async () => {
  const { gate, asked } = fakePinGate();
  const kiosk = createKioskExportGate({ kioskMode: true }, gate);
  assert.equal(kiosk.needsPin, true);
  assert.deepEqual(await kiosk.allow(undefined), {
    ok: false,
    error: { kind: "invalid-input", field: "pin", reason: "required" },
  });
  assert.deepEqual(await kiosk.allow(""), {
    ok: false,
    error: { kind: "invalid-input", field: "pin", reason: "required" },
  });
  assert.equal((await kiosk.allow(TEST_SECRETS.adminPins.cliKioskWrong)).ok, false);
  assert.deepEqual(await kiosk.allow(PIN), { ok: true, value: undefined });
  assert.deepEqual(await kiosk.allow(PIN), { ok: true, value: undefined });
  assert.deepEqual(asked, [TEST_SECRETS.adminPins.cliKioskWrong, PIN, PIN]);
});

test("outside a kiosk an export needs no PIN and none is looked at", async () => {
  const { gate, asked } = fakePinGate();
  const desk = createKioskExportGate({ kioskMode: false }, gate);
  assert.equal(desk.needsPin, false);
  assert.deepEqual(await desk.allow(undefined), { ok: true, value: undefined });
  assert.deepEqual(await desk.allow(TEST_SECRETS.adminPins.cliKioskWrong), { ok: true, value: undefined });
  assert.deepEqual(asked, []);
});
