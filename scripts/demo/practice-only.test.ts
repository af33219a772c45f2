import { test } from "node:test";
import assert from "node:assert/strict";
import { IPC_CHANNELS } from "../../app/ipc";
import { ENVIRONMENTS } from "../../app/settings";
import { demoRefusal, keepPractice } from "./practice-only";

test("the demo starts in Practice and refuses every other environment, naming where it was chosen", () => {
  assert.equal(demoRefusal({ environment: "practice" }, { source: "none" }), null);
  assert.equal(demoRefusal({ environment: "practice" }, { source: "machine" }), null);
  for (const environment of ENVIRONMENTS.filter((e) => e !== "practice")) {
    assert.match(
      demoRefusal({ environment }, { source: "none" }) ?? "",
      new RegExp(`settings in the data folder choose "${environment}"`),
    );
    assert.match(
      demoRefusal({ environment }, { source: "machine" }) ?? "",
      new RegExp(`machine-wide policy choose "${environment}"`),
    );
  }
});

test("while it runs, a change away from Practice is answered by the host and never reaches main", () => {
  const refused = { ok: false, error: { kind: "invalid-input", field: "environment", reason: "demo-practice-only" } };
  for (const environment of ENVIRONMENTS.filter((e) => e !== "practice")) {
    assert.deepEqual(keepPractice(IPC_CHANNELS.updateSettings, { environment }), refused);
  }
  assert.deepEqual(keepPractice(IPC_CHANNELS.updateSettings, { environment: "nowhere" }), refused);
  assert.equal(keepPractice(IPC_CHANNELS.updateSettings, { environment: "practice", timeoutMs: 9000 }), null);
  assert.equal(keepPractice(IPC_CHANNELS.updateSettings, { timeoutMs: 9000 }), null);
  assert.equal(keepPractice(IPC_CHANNELS.getSettings, {}), null);
  assert.equal(keepPractice(IPC_CHANNELS.updateSettings, null), null);
});
