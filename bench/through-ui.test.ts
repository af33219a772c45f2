import { test } from "node:test";
import assert from "node:assert/strict";
import { measureThroughUi } from "./through-ui";

// The benchmark drives the real screens; this keeps it in step with them (figures are not judged here).
test("the through-the-UI benchmark still walks the counter flow: check, then send OTP, timed to paint", async () => {
  const result = await measureThroughUi({ samples: 2, warmup: 0 });
  for (const step of [result.check, result.sendOtp]) {
    assert.ok(step.toPaintMs.p50 > 0 && Number.isFinite(step.toPaintMs.p99), JSON.stringify(step));
    assert.ok(step.bareRequestMs.p50 > 0, JSON.stringify(step));
  }
});
