/**
 * The command line's words: its language (the locale, or --lang, which wins), amounts and times as
 * the receipt shows them, title and action apart, doctor's units, and a spinner on a terminal.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { withProgress } from "./cli-common";
import { money, when } from "./cli-format";
import { localeLang, takeLang } from "./cli-lang";
import { EXIT, isCliInvocation, runCli } from "./cli";

function cli(env: Record<string, string> = {}) {
  const dataDir = tempDataDir("cli-words");
  return async (...args: string[]) => {
    const io = cliIo();
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore: memoryKeyStore(), dataDir, env });
    return { code, out: io.out(), err: io.err() };
  };
}

const DEVANAGARI = /[\u0900-\u097F]/;

test("the locale's language: LC_ALL, then LC_MESSAGES, then LANG; Hindi only for hi", () => {
  assert.equal(localeLang({}), "en");
  assert.equal(localeLang({ LANG: "hi_IN.UTF-8" }), "hi");
  assert.equal(localeLang({ LANG: "hi" }), "hi");
  assert.equal(localeLang({ LANG: "en_IN.UTF-8", LC_MESSAGES: "hi_IN" }), "hi");
  assert.equal(localeLang({ LANG: "hi_IN.UTF-8", LC_ALL: "C" }), "en");
  assert.equal(localeLang({ LANG: "hi_IN.UTF-8", LC_ALL: "" }), "hi");
  assert.equal(localeLang({ LANG: "hil_PH" }), "en");
  assert.deepEqual(takeLang(["doctor", "--lang", "en"], { LANG: "hi_IN" }), { lang: "en", rest: ["doctor"] });
  assert.deepEqual(takeLang(["doctor"], { LANG: "hi_IN" }), { lang: "hi", rest: ["doctor"] });
  assert.equal(takeLang(["doctor", "--lang", "fr"], {}), "--lang takes en or hi");
  assert.equal(takeLang(["doctor", "--lang"], {}), "--lang takes en or hi");
  assert.equal(takeLang(["--lang", "hi", "doctor", "--lang", "en"], {}), "--lang is given twice");
});

test("Hindi when the locale asks, English when --lang en says so; --lang before the command too", async () => {
  const hindi = await cli({ LANG: "hi_IN.UTF-8" })("inquire", "12ab");
  assert.equal(hindi.code, EXIT.usage);
  assert.match(hindi.err, /^ट्रांज़ैक्शन आईडी में सिर्फ़ अंक हो सकते हैं\n/);
  const english = await cli({ LANG: "hi_IN.UTF-8" })("inquire", "12ab", "--lang", "en");
  assert.match(
    english.err,
    /^The transaction ID can only contain digits\nRemove letters, spaces and other signs, then run the command again\.\n\(invalid-input\)\n$/,
  );
  const flagFirst = await cli()("--lang", "hi", "inquire", "13192443");
  assert.equal(flagFirst.code, EXIT.ok, flagFirst.err);
  assert.match(flagFirst.out, DEVANAGARI);
  assert.equal(isCliInvocation(["/opt/Refund Desk/refund-desk", "--lang", "hi", "doctor"]), true);
  const wrong = await cli()("doctor", "--lang", "fr");
  assert.equal(wrong.code, EXIT.usage);
  assert.equal(wrong.err, "refund-desk: --lang takes en or hi\n");
  assert.match((await cli()("--help")).out, /--lang en\|hi/);
});

test("amounts with Indian grouping and paise; times in India's time, named", () => {
  assert.equal(money("5000.00", "en"), "₹5,000.00");
  assert.equal(money("100000.00", "en"), "₹1,00,000.00");
  assert.equal(money(null, "en"), "Not given by Eko");
  assert.equal(when("2026-12-07T08:35:09.000Z", "en"), "7 Dec 2026, 2:05:09 pm IST");
  assert.match(when("2026-12-07T08:35:09.000Z", "hi"), /^7 दिसंबर 2026 .*14:05:09 IST/);
  // Named on a computer in India too: the text may be read where the zone is not known.
  const zone = process.env.TZ;
  process.env.TZ = "Asia/Kolkata";
  try {
    assert.equal(when("2026-12-07T08:35:09.000Z", "en"), "7 Dec 2026, 2:05:09 pm IST");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test("inquire and otp in words: grouped rupees, IST; --json keeps Eko's forms", async () => {
  const run = cli();
  const text = await run("inquire", "13192443");
  assert.match(text.out, /\nAmount: +₹5,000\.00\n/);
  assert.match(text.out, /\nMade at: +3 Nov 2025, 10:15:42 am IST\n/);
  assert.match(text.out, /\nChecked: +\d{1,2} \w{3} \d{4}, \d{1,2}:\d{2}:\d{2} [ap]m IST \(Practice\)\n/);
  assert.doesNotMatch(text.out, /\d{4}-\d{2}-\d{2}T/);
  const json = JSON.parse((await run("inquire", "13192443", "--json")).out).value;
  assert.equal(json.amount, "5000.00");
  assert.equal(json.time, "2025-11-03T04:45:42.000Z");
  const otp = await run("otp", "13192443");
  assert.match(
    otp.out,
    /^[0-9a-f-]{36}\nThe OTP went to the customer's mobile: transaction 13192443, sent .* IST \(Practice\)\.\n$/,
  );
});

test("an error's title and action apart: own lines for people, two sentences in --json's message", async () => {
  const run = cli();
  const wrong = await run("inquire", "12ab", "--json");
  assert.equal(
    JSON.parse(wrong.out).error.message,
    "The transaction ID can only contain digits. Remove letters, spaces and other signs, then run the command again.",
  );
  const refused = await run("config", "set", "timeout-ms", "500");
  assert.equal(refused.code, EXIT.usage);
  assert.match(
    refused.err,
    /timeout-ms: The waiting time is not valid\. timeout-ms takes milliseconds: a whole number from 1000 to 120000/,
  );
  const hindi = await cli({ LC_ALL: "hi_IN.UTF-8" })("inquire", "12ab", "--json");
  assert.match(JSON.parse(hindi.out).error.message, /^ट्रांज़ैक्शन आईडी में सिर्फ़ अंक हो सकते हैं। /);
});

test("doctor names its units: the probe's HTTP status as expected, the clock in seconds", async () => {
  const doctor = await cli()("doctor");
  assert.equal(doctor.code, EXIT.ok, doctor.err);
  assert.match(
    doctor.out,
    /\nok +reachable: The practice simulator answered \(HTTP 404 to the probe, as expected: any HTTP answer means it runs\)\.\n/,
  );
  assert.match(doctor.out, /\n(ok|warn) +clock: This computer's clock (matches|is) .*\d+(\.\d)? s/);
  assert.doesNotMatch(doctor.out, /\(-?\d+\)/, "no number without its unit");
});

/** Lets the stream hand on what was written (its data events come after the write returns). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A stream that says it is a terminal, as process.stderr does on one. */
function terminal() {
  const stream = Object.assign(new PassThrough(), { isTTY: true });
  let said = "";
  stream.on("data", (chunk: Buffer) => (said += chunk.toString("utf8")));
  return { stream, said: () => said };
}

test("on a terminal the wait is one spinner line, turning, cleared before the answer prints", async (t) => {
  t.mock.timers.enable({ apis: ["setInterval"] });
  const stderr = terminal();
  const io = { ...cliIo(), stderr: stderr.stream };
  let finish: (value: string) => void = () => undefined;
  const waiting = withProgress(new Promise<string>((resolve) => (finish = resolve)), io, 20, 5);
  t.mock.timers.tick(19);
  await settled();
  assert.equal(stderr.said(), "", "nothing before the first interval");
  t.mock.timers.tick(1);
  t.mock.timers.tick(5);
  t.mock.timers.tick(5);
  finish("done");
  assert.equal(await waiting, "done");
  await settled();
  const said = stderr.said();
  assert.ok(!said.includes("\n"), "no new line: the spinner overwrites its own");
  const frames = said.split("\r\u001b[K").filter(Boolean);
  assert.deepEqual(frames, [
    "| refund-desk: still waiting for Eko (0 s)…",
    "/ refund-desk: still waiting for Eko (0 s)…",
    "- refund-desk: still waiting for Eko (0 s)…",
  ]);
  assert.ok(said.endsWith("\r\u001b[K"), "the line is cleared at the end");
  t.mock.timers.tick(100);
  await settled();
  assert.equal(stderr.said(), said, "nothing after the end");
  assert.equal(io.out(), "");
});

test("an answer before the first interval leaves a terminal untouched; elsewhere plain lines", async (t) => {
  t.mock.timers.enable({ apis: ["setInterval"] });
  const stderr = terminal();
  assert.equal(await withProgress(Promise.resolve(1), { ...cliIo(), stderr: stderr.stream }, 20, 5), 1);
  t.mock.timers.tick(100);
  await settled();
  assert.equal(stderr.said(), "");
  const plain = cliIo();
  let finish: (value: number) => void = () => undefined;
  const waiting = withProgress(new Promise<number>((resolve) => (finish = resolve)), { ...plain, lang: "hi" }, 20, 5);
  t.mock.timers.tick(20);
  finish(2);
  await waiting;
  assert.match(plain.err(), /^refund-desk: Eko के जवाब का अब भी इंतज़ार है \(0 सेकंड\)…\n/);
  assert.doesNotMatch(plain.err(), /\r/);
});
