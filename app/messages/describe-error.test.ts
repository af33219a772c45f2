/** Errors, durations and connection-check rows in words: the exact English text at each edge. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { DoctorReport } from "../doctor";
import {
  describeClockOffset,
  describeClockStatus,
  describeDoctorCheck,
  describeError,
  fill,
  formatDuration,
  formatWait,
} from "./describe-error";
import { PRACTICE_FLEET_FACTS } from "../../main/test-support/fleet-facts";

test("placeholders are filled by name; an unknown one stays visible, an inherited name is not a value", () => {
  assert.equal(fill("{a} and {b}", { a: 1, b: "two" }), "1 and two");
  assert.equal(fill("{a}{a}", { a: "x" }), "xx");
  assert.equal(fill("wait {wait}", {}), "wait {wait}");
  assert.equal(fill("{toString}", {}), "{toString}");
  assert.equal(fill("{n} s", { n: 0 }), "0 s");
  assert.equal(fill("no {place-holder}", { "place-holder": "x" }), "no {place-holder}");
});

test("durations: at most two units, the smaller left out when it is zero", () => {
  assert.equal(formatDuration(7_200_000, "en"), "2 h");
  assert.equal(formatDuration(3_600_000 + 59_000, "en"), "1 h");
  assert.equal(formatDuration(3_600_000 + 60_000, "en"), "1 h 1 min");
  assert.equal(formatDuration(3_599_000, "en"), "59 min 59 s");
  assert.equal(formatDuration(60_000, "en"), "1 min");
  assert.equal(formatDuration(59_000, "en"), "59 s");
  assert.equal(formatDuration(1_499, "en"), "1 s");
  assert.equal(formatDuration(1_500, "en"), "2 s");
  assert.equal(formatDuration(-3_661_000, "en"), "1 h 1 min");
});

test("a wait: whole seconds rounded up", () => {
  assert.equal(formatWait(0, "en"), "1 s");
  assert.equal(formatWait(-5_000, "en"), "1 s");
  assert.equal(formatWait(1_000, "en"), "1 s");
  assert.equal(formatWait(1_001, "en"), "2 s");
  assert.equal(formatWait(59_001, "en"), "1 min");
});

test("invalid input: the words for its field and reason, a general sentence for a reason not known", () => {
  const words = (field: string, reason: string) => describeError({ kind: "invalid-input", field, reason }, "en");
  assert.equal(words("tid", "too-long").title, "The transaction ID is too long");
  assert.equal(words("tid", "new-reason").title, "Some information is not right");
  assert.equal(words("otp", "too-short").title, "The OTP is too short");
  assert.equal(words("otp", "new-reason").title, "Some information is not right");
  assert.equal(words("otpRefId", "empty").title, "The OTP reference is missing or not valid");
  assert.equal(words("mobile", "bad-start").title, "A mobile number starts with 6, 7, 8 or 9");
  assert.equal(words("mobile", "not-10-digits").title, "A mobile number has 10 digits");
  assert.equal(words("mobile", "new-reason").title, "Some information is not right");
  assert.equal(words("from", "before-from").title, "The end date is before the start date");
  assert.equal(words("to", "range-too-long").title, "The range is too long");
  assert.equal(words("to", "new-reason").title, "The app sent something it should not have");
  assert.equal(words("timeoutMs", "out-of-range").title, "The waiting time is not valid");
  assert.equal(words("paperSize", "x").title, "The paper size is not valid");
  // A History reason about another field is that field's problem, not the range's.
  assert.equal(words("timeoutMs", "before-from").title, "The waiting time is not valid");
  assert.equal(words("tidy", "empty").title, "The app sent something it should not have");
  // A reason named like an object's own property is not a reason the catalogue knows.
  assert.equal(words("tid", "constructor").title, "Some information is not right");
});

test("errors with values: the values in the sentence, exactly", () => {
  assert.deepEqual(describeError({ kind: "not-configured", missing: ["initiatorId", "userCode"] }, "en"), {
    title: "Refund Desk is not set up yet",
    action: "Ask your IT admin to fill in these settings: Initiator ID, User code.",
  });
  assert.equal(
    describeError({ kind: "not-configured", missing: ["newSetting" as never] }, "en").action,
    "Ask your IT admin to fill in these settings: newSetting.",
  );
  assert.equal(
    describeError(
      {
        kind: "clock-skew",
        offsetMs: -3_600_000,
        pcTime: "2026-11-03T11:00:00.000Z",
        ekoTime: "2026-11-03T10:00:00.000Z",
        details: {},
      },
      "en",
    ).title,
    "This computer's clock is wrong by 1 h",
  );
  const timeout = (afterMs: number) => describeError({ kind: "timeout", afterMs, details: {} }, "en").title;
  assert.equal(timeout(15_000), "Eko did not answer within 15 seconds");
  assert.equal(timeout(15_499), "Eko did not answer within 15 seconds");
  assert.equal(timeout(15_500), "Eko did not answer within 16 seconds");
  assert.deepEqual(describeError({ kind: "busy", tid: "13192443" }, "en"), {
    title: "A request for transaction 13192443 is already running",
    action: "Wait for the answer on the screen before trying again.",
  });
  assert.equal(
    describeError({ kind: "refund-not-done", tid: "13192456", details: {} }, "en").title,
    "The refund for transaction 13192456 did not go through",
  );
  assert.deepEqual(
    describeError({ kind: "not-refund-pending", tid: "1319", txStatus: 0, state: "success", details: {} }, "en"),
    {
      title: "Transaction 1319 is not waiting for a refund",
      action: "Eko says: The transfer went through. The money reached the recipient. There is nothing to refund.",
    },
  );
});

test("a wrong OTP: the third wrong try is the one that suggests a new OTP", () => {
  const again = describeError({ kind: "wrong-otp", tries: 2, details: {} }, "en");
  const fresh = describeError({ kind: "wrong-otp", tries: 3, details: {} }, "en");
  assert.equal(again.title, "The OTP is wrong");
  assert.deepEqual(fresh, {
    title: "The OTP was wrong 3 times",
    action: "Send a new OTP to the customer and use the new one.",
  });
  assert.equal(describeError({ kind: "wrong-otp", tries: 4, details: {} }, "en").title, "The OTP was wrong 4 times");
});

test("a wrong admin PIN: the tries left while free, the wait once one started", () => {
  assert.deepEqual(describeError({ kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 }, "en"), {
    title: "The admin PIN is wrong",
    action: "Type it again carefully. After 2 more wrong tries you will have to wait.",
  });
  assert.deepEqual(describeError({ kind: "wrong-pin", triesBeforeWait: 0, retryAfterMs: 1 }, "en"), {
    title: "The admin PIN is wrong",
    action: "Wait 1 s, then try again.",
  });
  assert.deepEqual(describeError({ kind: "pin-wait", retryAfterMs: 61_000 }, "en"), {
    title: "Too many wrong PINs",
    action: "Wait 1 min 1 s, then try again.",
  });
});

test("Eko's refusal: its own words trimmed and code; without words, the code alone", () => {
  assert.deepEqual(describeError({ kind: "eko", code: 945, message: "  Limit exhausted \n", details: {} }, "en"), {
    title: "Eko said: Limit exhausted (code 945)",
    action: "The monthly limit has been used up. Call support.",
  });
  assert.deepEqual(describeError({ kind: "eko", code: 17, message: "", details: {} }, "en"), {
    title: "Eko refused the request (code 17)",
    action: "Note the code and call support.",
  });
});

test("the clock: under a second matches, a second or more is named, either way", () => {
  assert.equal(describeClockOffset(999, "en"), "Your clock matches Eko's within 1 s.");
  assert.equal(describeClockOffset(-999, "en"), "Your clock matches Eko's within 1 s.");
  assert.equal(describeClockOffset(1_000, "en"), "Your clock is 1 s behind Eko's.");
  assert.equal(describeClockOffset(-1_000, "en"), "Your clock is 1 s ahead of Eko's.");
  assert.equal(describeClockOffset(0, "en", "practice"), "Your clock matches the practice simulator's within 1 s.");
  assert.equal(
    describeClockStatus(45_000, "en", "eko"),
    "This computer's clock is 45 s behind Eko's. Refund Desk corrects for it; ask IT to fix the clock.",
  );
});

const report = (environment: DoctorReport["environment"], clockOffsetMs: number | null): DoctorReport => ({
  environment,
  baseUrl: "https://staging.eko.in/ekoapi/v3",
  checks: [],
  clockOffsetMs,
  ok: false,
  fleet: PRACTICE_FLEET_FACTS,
});

test("connection-check rows: each status's sentence; a broken policy or ignored override says where", () => {
  const uat = report("uat", null);
  assert.deepEqual(describeDoctorCheck({ id: "keychain", status: "fail" }, uat, "en"), {
    name: "Keychain",
    lines: ["The system keychain cannot be opened."],
  });
  assert.deepEqual(
    describeDoctorCheck({ id: "policy", status: "fail", detail: "/etc/refund-desk: damaged" }, uat, "en"),
    {
      name: "Machine policy",
      lines: [
        "The counter is locked down: a machine policy is there but cannot be used (damaged, unreadable or writable by non-administrators), or the keychain's lock record was damaged. Nothing goes to Eko until an administrator fixes it:",
        "/etc/refund-desk: damaged",
      ],
    },
  );
  assert.deepEqual(
    describeDoctorCheck({ id: "overrides", status: "warn", detail: "REFUND_DESK_HOME" }, uat, "en").lines,
    [
      "REFUND_DESK_HOME / REFUND_DESK_POLICY: ignored by the installed app, honoured only in development:",
      "REFUND_DESK_HOME",
    ],
  );
  // An OK row does not repeat the detail, and a row with no detail adds nothing.
  assert.deepEqual(describeDoctorCheck({ id: "policy", status: "ok", detail: "/etc/p.json" }, uat, "en").lines, [
    "The policy in force could be read.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "overrides", status: "warn" }, uat, "en").lines.length, 1);
  // Other checks never show their raw detail.
  assert.deepEqual(describeDoctorCheck({ id: "keychain", status: "warn", detail: "slow" }, uat, "en").lines, [
    "The system keychain answered slowly or with a warning.",
  ]);
});

test("connection-check rows: the access key's skip reason, the settings missing, the simulator in Practice", () => {
  const uat = report("uat", null);
  assert.deepEqual(describeDoctorCheck({ id: "access-key", status: "skipped", detail: "other" }, uat, "en").lines, [
    "Not checked.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "access-key", status: "skipped" }, uat, "en").lines, ["Not checked."]);
  // Only the access key's row reads its skip reason.
  assert.deepEqual(describeDoctorCheck({ id: "settings", status: "skipped", detail: "keychain" }, uat, "en").lines, [
    "Settings were not checked.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "access-key", status: "fail", detail: "practice" }, uat, "en").lines, [
    "No access key is stored.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "settings", status: "warn", detail: "userCode" }, uat, "en").lines, [
    "A setting the check and refund steps need is missing. Missing: User code.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "settings", status: "ok", detail: "userCode" }, uat, "en").lines, [
    "All settings are filled in.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "settings", status: "fail" }, uat, "en").lines, [
    "Some settings are missing.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "reachable", status: "fail" }, report("practice", null), "en"), {
    name: "Practice simulator",
    lines: ["The practice simulator could not be started."],
  });
  // In Practice only the server row is the simulator's.
  assert.deepEqual(describeDoctorCheck({ id: "keychain", status: "ok" }, report("practice", null), "en"), {
    name: "Keychain",
    lines: ["The system keychain can be opened."],
  });
  assert.deepEqual(describeDoctorCheck({ id: "reachable", status: "fail" }, uat, "en"), {
    name: "Eko server",
    lines: ["Eko's server could not be reached."],
  });
  assert.deepEqual(describeDoctorCheck({ id: "future" as never, status: "ok" }, uat, "en"), {
    name: "future",
    lines: [],
  });
});

test("connection-check rows: the clock's offset in words, and the error's advice last", () => {
  assert.deepEqual(describeDoctorCheck({ id: "clock", status: "fail" }, report("uat", 400_000), "en").lines, [
    "This computer's clock is too far off for Refund Desk to correct: every request is refused until IT fixes the clock.",
    "Your clock is 6 min 40 s behind Eko's.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "clock", status: "ok" }, report("practice", -2_000), "en").lines, [
    "Your clock is 2 s ahead of the practice simulator's.",
  ]);
  assert.deepEqual(describeDoctorCheck({ id: "clock", status: "skipped" }, report("uat", null), "en").lines, [
    "The clock could not be compared with Eko's.",
  ]);
  assert.deepEqual(
    describeDoctorCheck(
      { id: "reachable", status: "fail", error: { kind: "offline", details: {} } },
      report("uat", null),
      "en",
    ).lines,
    [
      "Eko's server could not be reached.",
      "Eko cannot be reached. Check that this computer is connected to the internet, then try again.",
    ],
  );
});
