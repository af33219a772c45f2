import { before, test } from "node:test";
import assert from "node:assert/strict";
import { ERROR_KINDS } from "../errors";
import { LANGS } from "./describe-error";
import { describeOutcome } from "./describe-outcome";
import { loadCatalogue } from "./catalogues";
import { TEST_SECRETS } from "../../main/test-support/test-secrets";

// Hindi is loaded on first use (catalogues.ts); these tests use it throughout.
before(() => loadCatalogue("hi"));

test("Get Refund OTP lines: otp-sent and error kinds, with the step Send OTP", () => {
  assert.deepEqual(describeOutcome("otp-sent", "en"), { step: "Send OTP", result: "OTP sent" });
  assert.deepEqual(describeOutcome("unknown-tid", "en"), {
    step: "Send OTP",
    result: "Eko does not know this transaction ID",
  });
  assert.deepEqual(describeOutcome("otp-sent", "hi"), { step: "ओटीपी भेजना", result: "ओटीपी भेजा गया" });
});

test("inquiry and refund-check lines give the transaction's state in words", () => {
  assert.deepEqual(describeOutcome("inquiry:tx_status=3", "en"), {
    step: "Check",
    result: "The transfer failed and is waiting for a refund",
  });
  assert.deepEqual(describeOutcome("refund-check:tx_status=4", "en"), {
    step: "Check after refund",
    result: "The money has already been refunded",
  });
  assert.equal(describeOutcome("inquiry:tx_status=none", "en").result, "Eko gave a status this app does not know");
  assert.equal(describeOutcome("inquiry:tx_status=77", "en").result, "Eko gave a status this app does not know");
  assert.equal(describeOutcome("inquiry:offline", "en").result, "Eko cannot be reached");
});

test("refund lines: refunded, and errors whose titles need values use short words without placeholders", () => {
  assert.deepEqual(describeOutcome("refund:refunded", "en"), { step: "Refund", result: "Refunded" });
  assert.equal(describeOutcome("refund:wrong-otp", "en").result, "The OTP is wrong");
  assert.equal(
    describeOutcome("refund:refund-outcome-unknown", "en").result,
    "Not known whether the refund went through",
  );
  for (const lang of LANGS) {
    for (const kind of ERROR_KINDS) {
      for (const outcome of [kind, `inquiry:${kind}`, `refund:${kind}`]) {
        const words = describeOutcome(outcome, lang);
        assert.ok(words.step, `${lang} ${outcome}: no step`);
        assert.doesNotMatch(words.result, /\{\w+\}/, `${lang} ${outcome}: unfilled placeholder`);
        assert.notEqual(words.result, kind, `${lang} ${outcome}: shown raw`);
      }
    }
  }
});

test("Hindi words are Devanagari and differ from the English", () => {
  for (const outcome of ["otp-sent", "inquiry:tx_status=3", "refund:refunded", "refund:cooldown", "timeout"]) {
    const english = describeOutcome(outcome, "en");
    const hindi = describeOutcome(outcome, "hi");
    assert.match(`${hindi.step} ${hindi.result}`, /[\u0900-\u097F]/, outcome);
    assert.notEqual(hindi.result, english.result, outcome);
  }
});

test("unknown steps and outcomes are shown as written", () => {
  assert.deepEqual(describeOutcome("reversal:done", "en"), { step: null, result: "reversal:done" });
  assert.deepEqual(describeOutcome("refund:something-new", "en"), { step: "Refund", result: "something-new" });
  assert.deepEqual(describeOutcome("from-the-future", "en"), { step: "Send OTP", result: "from-the-future" });
  // A colon first: an empty step, not a Send OTP line.
  assert.deepEqual(describeOutcome(":timeout", "en"), { step: null, result: ":timeout" });
  // Names of Object.prototype are not steps or outcomes.
  assert.deepEqual(describeOutcome("constructor:toString", "en"), { step: null, result: "constructor:toString" });
  assert.deepEqual(describeOutcome("refund:__proto__", "en"), { step: "Refund", result: "__proto__" });
});

test("a status is read only as tx_status= with up to 6 digits or none; anything else is shown as written", () => {
  assert.equal(describeOutcome("inquiry:tx_status=0", "en").result, "The transfer went through");
  assert.equal(
    describeOutcome(`inquiry:tx_status=${TEST_SECRETS.otps.practice}`, "en").result,
    "Eko gave a status this app does not know",
  );
  for (const odd of [
    "tx_status=1234567",
    "tx_status=",
    "tx_status=3x",
    "xtx_status=3",
    "tx_status=-1",
    "tx_status=nonex",
  ]) {
    assert.equal(describeOutcome(`inquiry:${odd}`, "en").result, odd, odd);
  }
  // A kind with short words in History uses them; the others use their title.
  assert.equal(describeOutcome("refund:eko", "en").result, "Eko refused the request");
  assert.equal(describeOutcome("refund:otp-expired", "en").result, "The OTP has expired");
  assert.equal(describeOutcome("pending:listed", "en").result, "Transfers listed");
  assert.equal(describeOutcome("reprint:printed", "en").step, "Reprint");
});
