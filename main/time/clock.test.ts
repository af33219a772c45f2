import { test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "./clock";

test("a fresh clock uses local time and knows no offset", () => {
  const clock = createClock(() => 1_000_000);
  assert.equal(clock.now(), 1_000_000);
  assert.equal(clock.offsetMs(), null);
});

test("learns the offset from a Date header and corrects now()", () => {
  let local = Date.parse("2026-11-25T10:00:00Z");
  const clock = createClock(() => local);
  // The server says it is 5 h 30 min later (a kiosk set to UTC instead of IST, say).
  clock.observe(new Date(local + 19_800_000).toUTCString(), local);
  const offset = clock.offsetMs();
  assert.ok(offset !== null && Math.abs(offset - 19_800_000) <= 1_000, `offset ${offset}`);
  local += 60_000;
  assert.ok(Math.abs(clock.now() - (local + 19_800_000)) <= 1_000);
});

test("ignores a missing or unparseable Date header", () => {
  const clock = createClock(() => 5);
  clock.observe(null, 5);
  clock.observe("yesterday-ish", 5);
  assert.equal(clock.offsetMs(), null);
});
