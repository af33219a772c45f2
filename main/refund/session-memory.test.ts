import { test } from "node:test";
import assert from "node:assert/strict";
import type { OtpSent } from "../../app/refund-otp";
import { createSessionMemory } from "./session-memory";

const failed = { ok: false as const, error: { kind: "busy" as const, tid: "1" } };
const sent = (tid: string, otpRefId: string) => ({
  ok: true as const,
  value: { tid, otpRefId, sentAt: "t", environment: "practice", resendAfter: "t", details: {} } satisfies OtpSent,
});

test("keeps one sent OTP per tid, the newest first, and forgets the oldest past the limit", () => {
  const memory = createSessionMemory(2);
  memory.remember("1", "t1", sent("1", "a"));
  memory.remember("2", "t2", sent("2", "b"));
  memory.remember("1", "t3", sent("1", "c"));
  assert.deepEqual(
    memory.outcomes().map((o) => `${o.tid}@${o.at}`),
    ["1@t3", "2@t2"],
  );
  memory.remember("3", "t4", sent("3", "d"));
  assert.deepEqual(
    memory.outcomes().map((o) => o.tid),
    ["3", "1"],
  );
});

test("a refusal neither replaces a sent OTP nor is remembered on its own", () => {
  const memory = createSessionMemory();
  memory.remember("1", "t1", sent("1", "a"));
  memory.remember("1", "t2", failed);
  memory.remember("2", "t3", failed);
  assert.deepEqual(
    memory.outcomes().map((o) => `${o.tid}@${o.at}`),
    ["1@t1"],
  );
});

test("a finished refund is forgotten", () => {
  const memory = createSessionMemory();
  memory.remember("1", "t1", sent("1", "a"));
  memory.remember("2", "t2", sent("2", "b"));
  memory.forget("2");
  assert.deepEqual(
    memory.outcomes().map((o) => o.tid),
    ["1"],
  );
});

test("by default a hundred tids are kept: the hundred-and-first forgets the oldest", () => {
  const memory = createSessionMemory();
  for (let i = 1; i <= 100; i += 1) memory.remember(String(i), "t", sent(String(i), "a"));
  assert.equal(memory.outcomes().length, 100);
  memory.remember("101", "t", sent("101", "a"));
  const tids = memory.outcomes().map((o) => o.tid);
  assert.deepEqual([tids.length, tids[0], tids.at(-1)], [100, "101", "2"]);
});
