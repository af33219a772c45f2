import { test } from "node:test";
import assert from "node:assert/strict";
import { createTidDayMemory } from "./tid-day-memory";

/** A local time: the memory keeps days on this computer's calendar. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

test("an entry lasts through the next day and is gone the day after, on this computer's calendar", () => {
  let clock = at(10, 9);
  const memory = createTidDayMemory<string>(() => clock);
  memory.set("13192443", "checked on the 10th");
  clock = at(11, 23, 59);
  assert.equal(memory.get("13192443"), "checked on the 10th", "the next day still has it");
  memory.set("13192444", "checked on the 11th");
  clock = at(12, 0, 1);
  assert.equal(memory.get("13192443"), undefined, "two days on, dropped");
  assert.equal(memory.get("13192444"), "checked on the 11th");
});

test("writing again keeps an entry from the day of the write; delete forgets at once", () => {
  let clock = at(10, 9);
  const memory = createTidDayMemory<number>(() => clock);
  memory.set("13192443", 1);
  memory.set("13192445", 1);
  clock = at(11, 9);
  memory.set("13192443", 2);
  memory.delete("13192445");
  assert.equal(memory.get("13192445"), undefined);
  clock = at(12, 9);
  assert.equal(memory.get("13192443"), 2);
  clock = at(13, 9);
  assert.equal(memory.get("13192443"), undefined);
});

test("a day of writes many days later finds nothing of the old ones", () => {
  let clock = at(1, 9);
  const memory = createTidDayMemory<number>(() => clock);
  for (let i = 0; i < 300; i++) memory.set(String(70_000_000 + i), i);
  clock = at(20, 9);
  memory.set("13192443", 1);
  assert.deepEqual([memory.get("70000000"), memory.get("70000299"), memory.get("13192443")], [undefined, undefined, 1]);
});
