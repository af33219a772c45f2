import { test } from "node:test";
import assert from "node:assert/strict";
import { offlineSearch } from "./offline-search";
import { DEFAULT_SCRYPT } from "./pin-hash";
import { cliWords } from "../../app/messages/cli-words";

const EN = cliWords("en").pinHash;

// Shapes only: the estimate reads a PIN's length and kinds of character, never its value.
const digits = (n: number) => "7".repeat(n);

test("a digit PIN: 10^digits guesses times the measured time of one hash", () => {
  const six = offlineSearch(digits(6), DEFAULT_SCRYPT, 0.25, EN);
  assert.deepEqual([six.guesses, six.secondsPerGuess, six.seconds], [1_000_000, 0.25, 250_000]);
  assert.equal(six.text, "a 6-digit PIN at ln=17: about 1,000,000 × 0.25 s = 2.9 days on one core");
  const eight = offlineSearch(digits(8), DEFAULT_SCRYPT, 1.3, EN);
  assert.equal(eight.guesses, 100_000_000);
  assert.equal(eight.text, "a 8-digit PIN at ln=17: about 100,000,000 × 1.30 s = 4.1 years on one core");
  const cheap = offlineSearch(digits(6), { ln: 12, r: 8, p: 1 }, 0.0042, EN);
  assert.equal(cheap.text, "a 6-digit PIN at ln=12: about 1,000,000 × 4.2 ms = 70.0 minutes on one core");
  assert.equal(
    offlineSearch(digits(6), DEFAULT_SCRYPT, 0.0002, EN).text.endsWith("× 0.2 ms = 3.3 minutes on one core"),
    true,
  );
  assert.equal(offlineSearch(digits(4), DEFAULT_SCRYPT, 0.001, EN).text.endsWith("= 10.0 s on one core"), true);
});

test("a passphrase: the kinds of character it uses, to the power of its length, said as the most it can take", () => {
  const lower = offlineSearch("abcde".repeat(2), DEFAULT_SCRYPT, 0.25, EN);
  assert.equal(lower.guesses, 26 ** 10);
  assert.equal(
    lower.text,
    "a 10-character passphrase (random characters of its kinds: 26^10) at ln=17: about 141,167,095,653,376 × 0.25 s = 1,118,329 years on one core; a phrase of words falls far sooner",
  );
  // a–z, A–Z, digits and punctuation with space: 26 + 26 + 10 + 33.
  assert.equal(offlineSearch("Ab1 ".repeat(3), DEFAULT_SCRYPT, 1, EN).guesses, 95 ** 12);
  // Devanagari counts as one further kind of 128; its characters are counted, not its bytes.
  assert.equal(offlineSearch("कखगघङ ab".repeat(2), DEFAULT_SCRYPT, 1, EN).guesses, (128 + 33 + 26) ** 16);
  assert.match(
    offlineSearch("ab cd ".repeat(5), DEFAULT_SCRYPT, 1, EN).text,
    /about \d\.\d × 10\^\d+ × 1\.00 s = \d\.\d × 10\^\d+ years/,
  );
});

test("in Hindi: the same estimate in the reader's words and units", () => {
  const six = offlineSearch(digits(6), DEFAULT_SCRYPT, 0.25, cliWords("hi").pinHash);
  assert.equal(six.text, "ln=17 पर 6 अंकों का PIN: लगभग 1,000,000 × 0.25 सेकंड = एक कोर पर 2.9 दिन");
});
