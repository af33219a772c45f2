import { test } from "node:test";
import assert from "node:assert/strict";
import { measureThroughUi } from "./through-ui";

// The benchmark drives the real screens; this keeps it in step with them (figures are not judged here).
test("the through-the-UI benchmark still walks the counter flow: check, send OTP, refund; one IPC call each", async () => {
  const result = await measureThroughUi({ samples: 2, warmup: 0 });
  for (const step of [result.check, result.sendOtp]) {
    assert.ok(step.toPaintMs.p50 > 0 && Number.isFinite(step.toPaintMs.p99), JSON.stringify(step));
    assert.ok(step.bareRequestMs.p50 > 0, JSON.stringify(step));
  }
  // The counts are the app's contract (one call per action), not a figure: they are judged here.
  assert.deepEqual(result.ipcCallsPerAction, { check: 1, sendOtp: 1, refund: 1 });
  assert.ok(result.ipcRoundTripMs.p50 > 0, JSON.stringify(result.ipcRoundTripMs));
  for (const ms of Object.values(result.rendererMsPerAction))
    assert.ok(Number.isFinite(ms) && ms >= 0, JSON.stringify(result.rendererMsPerAction));
});
