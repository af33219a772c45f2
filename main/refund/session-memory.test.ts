import { test } from "node:test";
import assert from "node:assert/strict";
import { createSessionMemory } from "./session-memory";

const failed = { ok: false as const, error: { kind: "busy" as const, tid: "1" } };

test("keeps one answer per tid, the newest first, and forgets the oldest past the limit", () => {
  const memory = createSessionMemory(2);
  memory.remember("1", "t1", failed);
  memory.remember("2", "t2", failed);
  memory.remember("1", "t3", failed);
  assert.deepEqual(memory.outcomes().map((o) => `${o.tid}@${o.at}`), ["1@t3", "2@t2"]);
  memory.remember("3", "t4", failed);
  assert.deepEqual(memory.outcomes().map((o) => o.tid), ["3", "1"]);
});
