/**
 * IT's commands speak the locale too: provision, journal, config, set-key and pin-hash answer in
 * Hindi under `--lang hi` (or a Hindi locale), with the same facts as in English.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { EXIT, runCli } from "./cli";

function cli(env: Record<string, string> = {}) {
  const dataDir = tempDataDir("admin-words");
  return async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore: memoryKeyStore(), dataDir, env });
    return { code, out: io.out(), err: io.err() };
  };
}

const DEVANAGARI = /[\u0900-\u097F]/;

test("config show under a Hindi locale: the labels and states in Hindi, the settings' own names as typed", async () => {
  const hindi = await cli({ LANG: "hi_IN.UTF-8" })(["config", "show"]);
  assert.equal(hindi.code, EXIT.ok, hindi.err);
  assert.match(hindi.out, /^environment: +practice$/m);
  assert.match(hindi.out, /^एक्सेस की: +/m);
  assert.match(hindi.out, /^काउंटर: +\(प्रोविज़न नहीं हुआ\)$/m);
  assert.match(hindi.out, /^सेटिंग्स लॉक: +खुला$/m);
  assert.doesNotMatch(hindi.out, /access key:|counter:|not provisioned/);
  const english = await cli({ LANG: "hi_IN.UTF-8" })(["config", "show", "--lang", "en"]);
  assert.match(english.out, /^counter: +\(not provisioned\)$/m);
  assert.doesNotMatch(english.out, DEVANAGARI);
});

test("config set refuses in Hindi, naming each setting as typed and the unit it takes", async () => {
  const refused = await cli()(["--lang", "hi", "config", "set", "timeout-ms", "fast", "rbi-grievance", "maybe"]);
  assert.equal(refused.code, EXIT.usage);
  assert.match(refused.err, /कुछ भी नहीं बदला गया:/);
  assert.match(refused.err, /timeout-ms मिलीसेकंड में पूर्ण संख्या होनी चाहिए/);
  assert.match(refused.err, /rbi-grievance on या off होनी चाहिए/);
});

test("journal verify and summary in Hindi: the chain's state and the day's counts", async () => {
  const run = cli();
  const otp = await run(["otp", "13192443"]);
  assert.equal(otp.code, EXIT.ok, otp.err);
  const verified = await run(["--lang", "hi", "journal", "verify"]);
  assert.equal(verified.code, EXIT.ok, verified.err);
  assert.match(verified.out, /^जर्नल की चेन सही है: 1 फ़ाइल\(लों\) में \d+ पंक्ति\(याँ\)/);
  assert.match(verified.out, /^हेड [0-9a-f]{64}$/m);
  const badDate = await run(["--lang", "hi", "journal", "summary", "--date", "2026-02-30"]);
  assert.equal(badDate.code, EXIT.usage);
  assert.match(badDate.err, /--date तारीख YYYY-MM-DD के रूप में लिखी होनी चाहिए/);
});

test("pin-hash and provision refuse in Hindi, and say that nothing was changed", async () => {
  const run = cli();
  const weak = await run(["--lang", "hi", "pin-hash"], "12\n");
  assert.equal(weak.code, EXIT.usage);
  assert.match(weak.err, /एडमिन PIN कम से कम 6 अंकों का हो/);
  const noFile = await run(["--lang", "hi", "provision"]);
  assert.equal(noFile.code, EXIT.usage);
  assert.match(noFile.err, /--file <policy\.json> ज़रूरी है\nusage: refund-desk provision --file/);
  assert.match(noFile.err, /जिस काउंटर पर एडमिन PIN है/);
  const missing = await run(["--lang", "hi", "provision", "--file", "/nonexistent/policy.json"]);
  assert.equal(missing.code, EXIT.usage);
  assert.match(missing.err, /पॉलिसी फ़ाइल \/nonexistent\/policy\.json पढ़ी नहीं जा सकती \(ENOENT\); कुछ भी नहीं बदला गया/);
});

test("the option parser and an unknown command answer in the reader's language, with the same hint", async () => {
  const run = cli();
  const option = await run(["--lang", "hi", "journal", "verify", "--form", "2026-12-01"]);
  assert.equal(option.code, EXIT.usage);
  assert.match(option.err, /अज्ञात विकल्प --form \(क्या आपका मतलब --from था\?\)/);
  const command = await run(["--lang", "hi", "jurnal"]);
  assert.equal(command.code, EXIT.usage);
  assert.match(command.err, /अज्ञात कमांड "jurnal" \(क्या आपका मतलब "journal" था\?\)/);
  const english = await run(["jurnal"]);
  assert.match(english.err, /unknown command "jurnal" \(did you mean "journal"\?\)/);
});

test("set-key and set-token-pin refuse an argument in Hindi: the secret would stay in the shell history", async () => {
  const run = cli();
  const key = await run(["--lang", "hi", "set-key", "abc"]);
  assert.equal(key.code, EXIT.usage);
  assert.match(key.err, /set-key एक्सेस की स्टैंडर्ड इनपुट से पढ़ता है/);
  const pin = await run(["--lang", "hi", "set-token-pin", "1234"]);
  assert.equal(pin.code, EXIT.usage);
  assert.match(pin.err, /set-token-pin PIN स्टैंडर्ड इनपुट से पढ़ता है/);
});
