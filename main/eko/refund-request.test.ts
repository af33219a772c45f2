/** The Initiate Refund body: the OTP digit for digit, the otp_ref_id only when there is one, the fixed fields. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { initiateRefundBody } from "./refund-request";
import { TEST_SECRETS } from "../test-support/test-secrets";

const agent = { initiatorId: "9000000001", userCode: "20810200" };

test("all six fields, the OTP as a JSON number, service_code 80 and state 1", () => {
  assert.equal(
    initiateRefundBody(agent, TEST_SECRETS.otps.echoedByEko, "ref-1"),
    `{"initiator_id":"9000000001","user_code":"20810200","otp":${TEST_SECRETS.otps.echoedByEko},` +
      '"otp_ref_id":"ref-1","service_code":80,"state":1}',
  );
});

test("an OTP with a leading zero goes as its digits in a string, any other as a number", () => {
  const otpOf = (otp: string) => (JSON.parse(initiateRefundBody(agent, otp, null)) as { otp: unknown }).otp;
  assert.equal(otpOf(TEST_SECRETS.otps.leadingZero), TEST_SECRETS.otps.leadingZero);
  assert.equal(otpOf("0"), "0");
  assert.equal(otpOf("00"), "00");
  assert.equal(otpOf("100000"), 100000);
  assert.equal(otpOf("9"), 9);
});

test("without an otp_ref_id the field is left out, not sent empty", () => {
  assert.equal(
    initiateRefundBody(agent, TEST_SECRETS.otps.echoedByEko, null),
    `{"initiator_id":"9000000001","user_code":"20810200","otp":${TEST_SECRETS.otps.echoedByEko},"service_code":80,"state":1}`,
  );
});
