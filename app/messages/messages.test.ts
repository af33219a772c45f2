import { before, test } from "node:test";
import assert from "node:assert/strict";
import { ERROR_KINDS, type ErrorKind, type RefundDeskError } from "../errors";
import type { DoctorReport } from "../doctor";
import {
  catalogue,
  describeClockOffset,
  describeClockStatus,
  describeDoctorCheck,
  describeError,
  describeTxState,
  formatDuration,
  formatWait,
  LANGS,
} from "./describe-error";
import { TX_STATES } from "../transaction";
import { cliEn } from "./cli-en";
import { cliHi } from "./cli-hi";
import { en } from "./en";
import { hi } from "./hi";
import { loadCatalogue } from "./catalogues";
import { PRACTICE_FLEET_FACTS } from "../../main/test-support/fleet-facts";

// Hindi is loaded on first use (catalogues.ts); these tests use it throughout.
before(() => loadCatalogue("hi"));

const details = { httpStatus: 500, cause: "test" };

/** One realistic error of each kind; typed so a kind added to the union must be added here. */
const SAMPLES: { [K in ErrorKind]: Extract<RefundDeskError, { kind: K }> } = {
  "no-printer": { kind: "no-printer" },
  "set-by-policy": { kind: "set-by-policy" },
  "locked-down": { kind: "locked-down" },
  "print-failed": { kind: "print-failed", details: { cause: "Printer is offline" } },
  "printer-prints-to-file": { kind: "printer-prints-to-file", details: { cause: "name: Microsoft Print to PDF" } },
  "invalid-input": { kind: "invalid-input", field: "tid", reason: "empty" },
  "not-configured": { kind: "not-configured", missing: ["developerKey", "accessKey"] },
  "keychain-unavailable": { kind: "keychain-unavailable", details },
  "auth-rejected": { kind: "auth-rejected", details: { httpStatus: 403 } },
  "clock-skew": {
    kind: "clock-skew",
    offsetMs: 125_000,
    pcTime: "2026-11-03T09:57:55.000Z",
    ekoTime: "2026-11-03T10:00:00.000Z",
    details: { httpStatus: 403 },
  },
  offline: { kind: "offline", details: { cause: "ECONNREFUSED" } },
  timeout: { kind: "timeout", afterMs: 15_000, details: {} },
  tls: { kind: "tls", details: { cause: "CERT_HAS_EXPIRED" } },
  "wrong-url": { kind: "wrong-url", details: { httpStatus: 404 } },
  "content-type-refused": { kind: "content-type-refused", details: { httpStatus: 415 } },
  "rate-limited": { kind: "rate-limited", details: { httpStatus: 429 } },
  server: { kind: "server", details },
  "bad-response": { kind: "bad-response", details: { cause: "html-body" } },
  "unknown-tid": { kind: "unknown-tid", details: { ekoStatus: 168 } },
  "already-refunded": { kind: "already-refunded", details: {} },
  "not-refundable": { kind: "not-refundable", details: {} },
  eko: { kind: "eko", code: 9999, message: "Something odd", details: { ekoStatus: 9999 } },
  "otp-not-sent": { kind: "otp-not-sent", details: {} },
  busy: { kind: "busy", tid: "13192443" },
  "tid-busy-elsewhere": { kind: "tid-busy-elsewhere", tid: "13192443" },
  "counter-state-unavailable": {
    kind: "counter-state-unavailable",
    details: { cause: "counter-state.db: file is not a database" },
  },
  cooldown: { kind: "cooldown", tid: "13192443", retryAfterMs: 23_200 },
  "wrong-otp": { kind: "wrong-otp", tries: 1, details: { ekoStatus: 302 } },
  "otp-expired": { kind: "otp-expired", details: { ekoStatus: 303 } },
  "insufficient-balance": { kind: "insufficient-balance", details: { ekoStatus: 347 } },
  "otp-ref-needed": { kind: "otp-ref-needed", tid: "13192443", details: { ekoStatus: 1, responseStatusId: 1 } },
  "refund-outcome-unknown": { kind: "refund-outcome-unknown", tid: "13192453", details: { cause: "timeout" } },
  "refund-not-done": { kind: "refund-not-done", tid: "13192456", details: { cause: "timeout" } },
  "not-refund-pending": { kind: "not-refund-pending", tid: "13192450", txStatus: 2, state: "in-progress", details: {} },
  "settings-locked": { kind: "settings-locked" },
  "no-admin-pin": { kind: "no-admin-pin" },
  "wrong-pin": { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 },
  "pin-wait": { kind: "pin-wait", retryAfterMs: 30_000 },
  "save-failed": { kind: "save-failed", details: { cause: "EACCES" } },
  "token-library": { kind: "token-library", details: { cause: "ENOENT" } },
  "token-absent": { kind: "token-absent", details: { cause: "no-token-with-label" } },
  "token-pin-wrong": { kind: "token-pin-wrong", details: { cause: "CKR_PIN_INCORRECT" } },
  "token-pin-locked": { kind: "token-pin-locked", details: { cause: "CKR_PIN_LOCKED" } },
  "token-key-missing": { kind: "token-key-missing", details: { cause: "no-key-with-label" } },
  "token-key-cannot-sign": { kind: "token-key-cannot-sign", details: { cause: "CKR_KEY_FUNCTION_NOT_PERMITTED" } },
  "token-mechanism": { kind: "token-mechanism", details: { cause: "CKR_KEY_TYPE_INCONSISTENT" } },
  "token-timeout": { kind: "token-timeout", afterMs: 10_000, details: { cause: "no-answer" } },
  "token-failed": { kind: "token-failed", details: { cause: "CKR_GENERAL_ERROR" } },
  internal: { kind: "internal", details: {} },
  "not-journaled": { kind: "not-journaled", step: "check", tid: "13192443", outcome: "tx_status=3", details: {} },
  "refund-not-recorded": {
    kind: "refund-not-recorded",
    tid: "13192443",
    details: { cause: "unsettled-refunds-write" },
  },
};

const PLACEHOLDER = /\{\w+\}/;

test("every error kind has a non-empty title and action in each language, and Hindi differs", () => {
  assert.equal(Object.keys(SAMPLES).length, ERROR_KINDS.length);
  for (const kind of ERROR_KINDS) {
    const error = SAMPLES[kind];
    const english = describeError(error, "en");
    const hindi = describeError(error, "hi");
    for (const [lang, text] of [
      ["en", english],
      ["hi", hindi],
    ] as const) {
      assert.ok(text.title.trim().length > 0, `${kind} ${lang} title is empty`);
      assert.ok(text.action.trim().length > 0, `${kind} ${lang} action is empty`);
      assert.doesNotMatch(text.title, PLACEHOLDER, `${kind} ${lang} title has an unfilled placeholder`);
      assert.doesNotMatch(text.action, PLACEHOLDER, `${kind} ${lang} action has an unfilled placeholder`);
    }
    assert.notEqual(hindi.title, english.title, `${kind}: Hindi title is the English one`);
    assert.notEqual(hindi.action, english.action, `${kind}: Hindi action is the English one`);
    assert.match(hindi.title + hindi.action, /[\u0900-\u097F]/, `${kind}: Hindi text has no Devanagari`);
  }
});

test("the catalogue has text for every error kind directly, not only through fallbacks", () => {
  for (const lang of LANGS) {
    for (const kind of ERROR_KINDS) {
      const entry = catalogue(lang).errors[kind];
      assert.ok(entry?.title && entry.action, `${lang} catalogue lacks ${kind}`);
    }
  }
});

type Shape = string | { [key: string]: Shape };

function shapeOf(value: unknown): Shape {
  if (typeof value === "string") return "string";
  assert.ok(value !== null && typeof value === "object", `unexpected leaf ${String(value)}`);
  const out: { [key: string]: Shape } = {};
  for (const key of Object.keys(value).sort()) out[key] = shapeOf((value as Record<string, unknown>)[key]);
  return out;
}

function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

test("English and Hindi catalogues have exactly the same keys (deep)", () => {
  assert.deepEqual(shapeOf(hi), shapeOf(en));
  assert.deepEqual(shapeOf(cliHi), shapeOf(cliEn));
});

test("every Hindi string uses the same placeholders as its English one and none is empty", () => {
  const english = new Map([...leaves(en), ...leaves(cliEn, "cli")]);
  for (const [path, text] of [...leaves(hi), ...leaves(cliHi, "cli")]) {
    assert.ok(text.trim().length > 0, `hi ${path} is empty`);
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    assert.deepEqual(names(text), names(english.get(path) ?? ""), `placeholders differ at ${path}`);
  }
});

test("eko errors show Eko's own message and code, with advice for the known codes", () => {
  const generic = describeError(SAMPLES.eko, "en").action;
  for (const code of [168, 302, 303, 319, 346, 347, 463, 945, 1297]) {
    const error: RefundDeskError = { kind: "eko", code, message: "User does not exist", details: { ekoStatus: code } };
    const text = describeError(error, "en");
    assert.equal(text.title, `Eko said: User does not exist (code ${code})`);
    assert.notEqual(text.action, generic, `code ${code} has no specific advice`);
    assert.notEqual(describeError(error, "hi").action, text.action);
  }
  assert.equal(generic, en.errors.eko.action);
  const silent = describeError({ kind: "eko", code: 17, message: "  ", details: {} }, "en");
  assert.match(silent.title, /code 17/);
});

test("each invalid tid reason has its own message", () => {
  const reasons = ["empty", "not-digits", "too-long", "not-text"];
  for (const lang of LANGS) {
    const titles = reasons.map((reason) => describeError({ kind: "invalid-input", field: "tid", reason }, lang).title);
    assert.equal(new Set(titles).size, reasons.length, `${lang}: tid reasons share a title`);
  }
});

test("invalid settings name the field; an unknown field falls back without crashing", () => {
  const initiator = describeError({ kind: "invalid-input", field: "initiatorId", reason: "not-10-digits" }, "en");
  assert.match(initiator.title, /10-digit/);
  const unknown = describeError({ kind: "invalid-input", field: "__proto__", reason: "x" }, "en");
  assert.equal(unknown.title, en.invalidOther.title);
});

test("parameters are filled in: missing settings, clock offset, timeout, busy tid, cooldown wait", () => {
  assert.match(describeError(SAMPLES["not-configured"], "en").action, /Developer key, Access key/);
  assert.match(describeError(SAMPLES["clock-skew"], "en").title, /2 min 5 s/);
  assert.match(describeError(SAMPLES["clock-skew"], "hi").title, /2 मिनट 5 सेकंड/);
  // Both times, as the agent reads any time: on a kiosk left on UTC, in India's time, marked.
  assert.match(
    describeError(SAMPLES["clock-skew"], "en").action,
    /^Eko's time is 3 Nov 2026, 3:30:00 pm( IST)?, this computer's 3 Nov 2026, 3:27:55 pm( IST)?\. Set/,
  );
  assert.match(describeError(SAMPLES["clock-skew"], "hi").action, /^Eko का समय .*15:30:00.* है, इस कंप्यूटर का .*15:27:55/);
  assert.match(describeError(SAMPLES.timeout, "en").title, /15 seconds/);
  assert.match(describeError(SAMPLES.busy, "en").title, /13192443/);
  const cooldown = describeError(SAMPLES.cooldown, "en");
  assert.match(cooldown.title, /13192443/);
  assert.match(cooldown.action, /^Wait 24 s before sending again/);
  assert.match(describeError(SAMPLES.cooldown, "hi").action, /24 सेकंड/);
});

test("the resend cooldown's invalid-setting message and label name the setting in both languages", () => {
  const error: RefundDeskError = { kind: "invalid-input", field: "resendCooldownMs", reason: "out-of-range" };
  assert.match(describeError(error, "en").action, /0 to 600/);
  assert.notEqual(describeError(error, "en").title, en.invalidOther.title);
  assert.notEqual(describeError(error, "hi").title, hi.invalidOther.title);
  const missing = describeError({ kind: "not-configured", missing: ["resendCooldownMs"] }, "en").action;
  assert.match(missing, /Wait before resend/);
});

test("an unknown kind from a newer main is described as internal, not thrown", () => {
  const future = { kind: "from-the-future", details: {} } as unknown as RefundDeskError;
  assert.deepEqual(describeError(future, "en"), en.errors.internal);
});

test("durations", () => {
  assert.equal(formatDuration(0, "en"), "0 s");
  assert.equal(formatDuration(-40_400, "en"), "40 s");
  assert.equal(formatDuration(125_000, "en"), "2 min 5 s");
  assert.equal(formatDuration(120_000, "en"), "2 min");
  assert.equal(formatDuration(3 * 3600_000 + 61_000, "en"), "3 h 1 min");
});

test("a countdown rounds up and never shows 0 s while time is left", () => {
  assert.equal(formatWait(23_200, "en"), "24 s");
  assert.equal(formatWait(30_000, "en"), "30 s");
  assert.equal(formatWait(1, "en"), "1 s");
  assert.equal(formatWait(90_500, "en"), "1 min 31 s");
});

test("clock offset sentences: positive offset means this computer is behind", () => {
  assert.equal(describeClockOffset(125_000, "en"), "Your clock is 2 min 5 s behind Eko's.");
  assert.equal(describeClockOffset(-125_000, "en"), "Your clock is 2 min 5 s ahead of Eko's.");
  assert.equal(describeClockOffset(400, "en"), "Your clock matches Eko's within 1 s.");
  assert.match(describeClockOffset(125_000, "hi"), /2 मिनट 5 सेकंड पीछे/);
  assert.equal(
    describeClockOffset(-125_000, "en", "practice"),
    "Your clock is 2 min 5 s ahead of the practice simulator's.",
  );
});

test("the clock status line says which way, how far, and that the app corrects for it", () => {
  const ahead = describeClockStatus(-7_200_400, "en", "eko");
  assert.equal(
    ahead,
    "This computer's clock is 2 h ahead of Eko's. Refund Desk corrects for it; ask IT to fix the clock.",
  );
  assert.match(describeClockStatus(7_200_000, "en", "eko"), /2 h behind Eko's/);
  assert.match(describeClockStatus(7_200_000, "en", "practice"), /behind the practice simulator's/);
  assert.match(describeClockStatus(-7_200_000, "hi", "eko"), /2 घंटे आगे/);
});

test("connection-check rows speak plainly: no raw detail codes, the simulator named in Practice", () => {
  const report = (environment: DoctorReport["environment"], clockOffsetMs: number | null): DoctorReport => ({
    environment,
    baseUrl: "http://127.0.0.1:4010/ekoapi/v3",
    checks: [],
    clockOffsetMs,
    ok: true,
    fleet: PRACTICE_FLEET_FACTS,
  });
  const practice = report("practice", 420);
  const reachable = describeDoctorCheck({ id: "reachable", status: "ok", detail: "HTTP 404" }, practice, "en");
  assert.equal(reachable.name, "Practice simulator");
  assert.doesNotMatch(reachable.lines.join(" "), /Eko|404|Detail/);
  assert.equal(
    describeDoctorCheck({ id: "reachable", status: "ok", detail: "HTTP 404" }, report("uat", 0), "en").name,
    "Eko server",
  );

  const key = (detail: string) =>
    describeDoctorCheck({ id: "access-key", status: "skipped", detail }, practice, "en").lines;
  assert.deepEqual(key("practice"), ["Not needed in Practice."]);
  assert.deepEqual(key("keychain"), ["Not checked: the keychain cannot be opened."]);

  const clock = describeDoctorCheck({ id: "clock", status: "ok", detail: "420" }, report("uat", 420), "en").lines;
  assert.deepEqual(clock, ["Your clock matches Eko's within 1 s."]);
  const behind = describeDoctorCheck(
    { id: "clock", status: "warn", detail: "125000" },
    report("uat", 125_000),
    "en",
  ).lines.join(" ");
  assert.match(behind, new RegExp(`^${en.doctor.checks.clock.warn} .*2 min 5 s behind`));
  assert.doesNotMatch(behind, /125000/);

  const settings = describeDoctorCheck(
    { id: "settings", status: "fail", detail: "developerKey,initiatorId" },
    report("uat", null),
    "en",
  );
  assert.match(settings.lines[0] ?? "", /Missing: Developer key, Initiator ID\.$/);

  for (const lang of LANGS) {
    const text = describeDoctorCheck(
      { id: "access-key", status: "skipped", detail: "practice" },
      practice,
      lang,
    ).lines.join(" ");
    assert.doesNotMatch(text, /\bpractice\b/, `${lang}: raw detail code shown`);
  }
});

test("a wrong OTP asks to type it again, and after 3 wrong tries suggests a new OTP", () => {
  for (const lang of LANGS) {
    const again = describeError({ kind: "wrong-otp", tries: 2, details: {} }, lang);
    const fresh = describeError({ kind: "wrong-otp", tries: 3, details: {} }, lang);
    assert.equal(again.action, catalogue(lang).errors["wrong-otp"].action);
    assert.equal(fresh.action, catalogue(lang).wrongOtpTooMany.action);
    assert.match(fresh.title, /3/);
  }
});

test("an answer not journaled says what went out: an OTP sent (with its reference), a refund made or answered", () => {
  const words = (error: Omit<Extract<RefundDeskError, { kind: "not-journaled" }>, "kind" | "details">) =>
    describeError({ kind: "not-journaled", details: {}, ...error }, "en");
  const otp = words({ step: "otp", tid: "13192443", outcome: "otp-sent", otpRefTail: "a1b2c3" });
  assert.match(otp.title, /The OTP was sent to the customer for transaction 13192443/);
  assert.match(otp.action, /a1b2c3/);
  assert.match(otp.action, /Tell IT: the journal cannot be written/);
  const made = words({ step: "refund", tid: "13192443", outcome: "refunded", refundTid: "99" });
  assert.match(made.title, /refund for transaction 13192443 was made/);
  assert.match(made.action, /do not refund again/);
  assert.match(words({ step: "refund", tid: "13192443", outcome: "wrong-otp" }).action, /Do not refund again/);
  for (const quiet of [
    words({ step: "otp", tid: "13192443", outcome: "otp-not-sent" }),
    words({ step: "check", tid: "13192443", outcome: "tx_status=3" }),
    words({ step: "pending", tid: "", outcome: "listed" }),
  ]) {
    assert.doesNotMatch(quiet.title, /sent|made/);
    assert.match(quiet.action, /Tell IT: the journal cannot be written/);
  }
  const hindi = describeError(
    { kind: "not-journaled", step: "otp", tid: "1", outcome: "otp-sent", otpRefTail: "a1b2c3", details: {} },
    "hi",
  );
  assert.match(hindi.action, /a1b2c3/);
});

test("each transaction state has its own words and next step, and not-refund-pending uses them", () => {
  for (const lang of LANGS) {
    const titles = TX_STATES.map((state) => describeTxState(state, lang).title);
    assert.equal(new Set(titles).size, TX_STATES.length, `${lang}: states share a title`);
    assert.equal(describeTxState("from-the-future" as never, lang).title, catalogue(lang).txState.unknown.title);
    for (const state of TX_STATES) {
      const text = describeError(
        { kind: "not-refund-pending", tid: "13192448", txStatus: null, state, details: {} },
        lang,
      );
      assert.match(text.title, /13192448/);
      assert.ok(
        text.action.includes(describeTxState(state, lang).title) &&
          text.action.includes(describeTxState(state, lang).action),
        `${lang} ${state}`,
      );
    }
  }
});

test("each invalid OTP reason has its own message, and a bad OTP reference has one too", () => {
  const reasons = ["empty", "not-digits", "too-short", "too-long", "not-text"];
  for (const lang of LANGS) {
    const titles = reasons.map((reason) => describeError({ kind: "invalid-input", field: "otp", reason }, lang).title);
    assert.equal(new Set(titles).size, reasons.length, `${lang}: OTP reasons share a title`);
    const ref = describeError({ kind: "invalid-input", field: "otpRefId", reason: "bad-shape" }, lang);
    assert.equal(ref.title, catalogue(lang).invalidOtpRef.title);
  }
  const userCode = describeError({ kind: "invalid-input", field: "userCode", reason: "not-8-digits" }, "en");
  assert.match(userCode.title, /8 digits/);
  assert.match(describeError({ kind: "not-configured", missing: ["userCode"] }, "hi").action, /यूज़र कोड/);
});

test("a refused History range says which date is wrong and how, not that the app misbehaved", () => {
  for (const lang of LANGS) {
    const reasons = ["not-a-date", "before-from", "range-too-long"];
    const titles = reasons.map((reason) => describeError({ kind: "invalid-input", field: "to", reason }, lang).title);
    assert.equal(new Set(titles).size, reasons.length, `${lang}: range reasons share a title`);
    assert.ok(!titles.includes(catalogue(lang).invalidOther.title), `${lang}: falls back to invalidOther`);
    assert.equal(describeError({ kind: "invalid-input", field: "from", reason: "not-a-date" }, lang).title, titles[0]);
  }
});
