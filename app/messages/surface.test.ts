/**
 * Words per surface: the command line reads its own words where the window's would mislead it (a
 * button, "below", a unit as the window's field takes it), in English and Hindi alike.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { DoctorReport } from "../doctor";
import type { ErrorKind } from "../errors";
import { FIELDS } from "../setting-fields";
import { PRACTICE_FLEET_FACTS } from "../../main/test-support/fleet-facts";
import { loadCatalogue } from "./catalogues";
import { adviceLine, describeDoctorCheck, describeError, wordsFor, type Lang } from "./describe-error";
import { forCli, cliWords } from "./cli-words";

before(() => loadCatalogue("hi"));

/** What sends a reader to the window: a button to press, the details "below", a field, the screen. */
const WINDOW_WORDS: Readonly<Record<Lang, RegExp>> = {
  en: /\bpress\b|\bbelow\b|\bbutton|on the screen|in Settings|the field|Close the app|Choose |Store in keychain|seconds from/i,
  hi: /दबाएँ|नीचे|स्क्रीन पर|बटन|बॉक्स|ऐप बंद|चुनें|सेकंड तक/,
};

/** Kinds only the window produces: saving through its dialog, printing a receipt. */
const WINDOW_ONLY: ReadonlySet<ErrorKind> = new Set(["save-failed", "no-printer", "print-failed"]);

function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
}

test("the command line's words never send the reader to a button, a field or the details below", () => {
  for (const lang of ["en", "hi"] as const) {
    const m = wordsFor(lang, cliWords(lang));
    const errors = Object.fromEntries(Object.entries(m.errors).filter(([kind]) => !WINDOW_ONLY.has(kind as ErrorKind)));
    const read = {
      errors,
      invalidTid: m.invalidTid,
      invalidOtp: m.invalidOtp,
      invalidOtpRef: m.invalidOtpRef,
      invalidMobile: m.invalidMobile,
      invalidSetting: m.invalidSetting,
      invalidOther: m.invalidOther,
      accessKeyNeedsEnvironment: m.accessKeyNeedsEnvironment,
      ekoCodes: m.ekoCodes,
      txState: m.txState,
      wrongOtpTooMany: m.wrongOtpTooMany,
    };
    // Titles may name a setting's subject ("the screen clears"); what to do is where a surface shows.
    const said = texts(read, lang).filter(([path]) => !path.endsWith(".title"));
    assert.ok(said.length > 60, `${lang}: ${said.length} texts read`);
    for (const [path, text] of said) assert.doesNotMatch(text, WINDOW_WORDS[lang], path);
  }
  // The window keeps its own: the same catalogue, unchanged.
  assert.match(wordsFor("en").invalidTid["not-digits"].action, /press Check transaction again/);
});

test("timeout-ms and resend-cooldown-ms are refused in milliseconds, as typed; the window's field in seconds", () => {
  const refusal = (field: string, lang: Lang) =>
    describeError({ kind: "invalid-input", field, reason: "out-of-range" }, lang, forCli(lang)).action;
  // The words name the bounds main enforces.
  const { timeoutMs, resendCooldownMs } = FIELDS;
  for (const lang of ["en", "hi"] as const) {
    assert.ok(refusal("timeoutMs", lang).includes(`${timeoutMs.kind.min} `), lang);
    assert.ok(refusal("timeoutMs", lang).includes(`${timeoutMs.kind.max} `), lang);
    assert.ok(refusal("resendCooldownMs", lang).includes(`${resendCooldownMs.kind.max} `), lang);
  }
  assert.match(refusal("timeoutMs", "en"), /^timeout-ms takes milliseconds: a whole number from 1000 to 120000/);
  assert.match(refusal("timeoutMs", "hi"), /मिलीसेकंड/);
  assert.equal(
    describeError({ kind: "invalid-input", field: "timeoutMs", reason: "out-of-range" }, "en").action,
    "Type a whole number of seconds from 1 to 120.",
  );
});

test("a timeout's advice follows the request that waited: only an OTP may still arrive", () => {
  const timeout = { kind: "timeout", afterMs: 15_000, details: {} } as const;
  for (const lang of ["en", "hi"] as const) {
    const otp = describeError(timeout, lang, forCli(lang, "otp")).action;
    const inquiry = describeError(timeout, lang, forCli(lang, "inquiry")).action;
    const pending = describeError(timeout, lang, forCli(lang, "pending")).action;
    const OTP = lang === "en" ? /OTP/ : /ओटीपी/;
    assert.match(otp, OTP, lang);
    assert.doesNotMatch(inquiry, OTP, lang);
    assert.doesNotMatch(pending, OTP, lang);
  }
  assert.equal(
    describeError(timeout, "en", forCli("en", "inquiry")).action,
    "A check changes nothing at Eko: run it again in a minute.",
  );
  // The window does not know the step: its words hold for a check as for an OTP.
  assert.match(describeError(timeout, "en").action, /^If an OTP was being sent, it may still arrive/);
});

test("Eko's 'not refundable' does not guess 'in progress': the transfer may have gone through", () => {
  const error = { kind: "not-refundable", details: {} } as const;
  assert.match(describeError(error, "en").action, /may have gone through, still be in progress or be on hold/);
  assert.match(
    describeError(error, "en", forCli("en")).action,
    /may have gone through.*Run refund-desk inquire with the same tid/,
  );
  assert.match(describeError(error, "hi", forCli("hi")).action, /पूरा हो गया हो/);
});

test("the command line's values are filled too: the tid in what to run next", () => {
  const unknown = { kind: "refund-outcome-unknown", tid: "13192453", details: {} } as const;
  assert.match(describeError(unknown, "en", forCli("en")).action, /Run refund-desk inquire 13192453 before/);
  assert.match(describeError(unknown, "hi", forCli("hi")).action, /refund-desk inquire 13192453 चलाएँ/);
});

test("title and action on one line are two sentences, ended as each language ends one", () => {
  const advice = { title: "The OTP is wrong", action: "Ask the customer." };
  assert.equal(adviceLine(advice, "en"), "The OTP is wrong. Ask the customer.");
  assert.equal(adviceLine({ title: "ओटीपी ग़लत है", action: "ग्राहक से पूछें।" }, "hi"), "ओटीपी ग़लत है। ग्राहक से पूछें।");
});

function report(environment: DoctorReport["environment"], clockOffsetMs: number | null): DoctorReport {
  return {
    environment,
    baseUrl: "https://staging.eko.in/ekoapi/v3",
    checks: [],
    clockOffsetMs,
    ok: true,
    fleet: PRACTICE_FLEET_FACTS,
  };
}

test("doctor on the command line names its units: the probe's HTTP status as expected, the clock in seconds", () => {
  const cli = (check: Parameters<typeof describeDoctorCheck>[0], at: DoctorReport, lang: Lang = "en") =>
    describeDoctorCheck(check, at, lang, cliWords(lang)).lines.join(" ");
  assert.equal(
    cli({ id: "reachable", status: "ok", detail: "HTTP 404" }, report("uat", 0)),
    "Eko's server answered (HTTP 404 to the probe, as expected: any HTTP answer means it can be reached).",
  );
  assert.match(cli({ id: "reachable", status: "ok", detail: "HTTP 404" }, report("practice", 0)), /simulator.*404/);
  assert.equal(
    cli({ id: "clock", status: "ok", detail: "-415" }, report("uat", -415)),
    "This computer's clock matches Eko's (0.4 s apart).",
  );
  assert.equal(
    cli({ id: "clock", status: "warn", detail: "41500" }, report("uat", 41_500)),
    "This computer's clock is a little off. This computer's clock is 41.5 s behind Eko's.",
  );
  assert.equal(
    cli({ id: "clock", status: "warn", detail: "-415000" }, report("uat", -415_000)),
    "This computer's clock is a little off. This computer's clock is 6 min 55 s ahead of Eko's.",
  );
  assert.match(cli({ id: "clock", status: "ok" }, report("uat", -415), "hi"), /0\.4 सेकंड/);
  // The window keeps its rounder words.
  assert.deepEqual(describeDoctorCheck({ id: "clock", status: "ok" }, report("uat", -415), "en").lines, [
    "Your clock matches Eko's within 1 s.",
  ]);
});
