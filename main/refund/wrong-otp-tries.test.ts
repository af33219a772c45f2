import { test } from "node:test";
import assert from "node:assert/strict";
import { createWrongOtpTries } from "./wrong-otp-tries";

test("wrong OTPs count per tid and otp_ref_id; clearing a tid forgets all its references, and only its", () => {
  const tries = createWrongOtpTries();
  assert.deepEqual(
    [
      tries.add("13192443", "ref-1"),
      tries.add("13192443", "ref-1"),
      tries.add("13192443", "ref-2"),
      tries.add("13192444", "ref-1"),
      tries.add("13192443", "ref-1"),
    ],
    [1, 2, 1, 1, 3],
  );
  tries.clear("13192443");
  assert.deepEqual(
    [tries.add("13192443", "ref-1"), tries.add("13192443", "ref-2"), tries.add("13192444", "ref-1")],
    [1, 1, 2],
  );
});

test("the count of a tid left unfinished starts again two days later", () => {
  let clock = new Date(2026, 2, 10, 18).getTime();
  const tries = createWrongOtpTries(() => clock);
  assert.deepEqual([tries.add("13192443", "ref-1"), tries.add("13192443", "ref-1")], [1, 2]);
  clock = new Date(2026, 2, 12, 9).getTime();
  assert.equal(tries.add("13192443", "ref-1"), 1);
});
