/**
 * The fixed fields of Initiate Refund. Eko documents `state` both as the number 1 and as the
 * string "1" in its own pages; its newest reference types it as an integer, as it
 * does `service_code` and `otp`, so the number is sent. Should Eko insist on "1", this is the one
 * line to change.
 */
export const INITIATE_REFUND_FIXED = { service_code: 80, state: 1 } as const;

/**
 * The customer's OTP digit for digit. Eko types `otp` as an integer, so an OTP goes as a JSON
 * number; a number cannot carry a leading zero ("012345" would reach Eko as 12345), so such an
 * OTP goes as its digits in a JSON string.
 */
function otpForEko(otp: string): number | string {
  return otp.startsWith("0") ? otp : Number(otp);
}

/**
 * The JSON body of Initiate Refund. All six fields are sent, since older documentation requires
 * them all; without an otp_ref_id (the customer reads the OTP Eko texted when the transfer
 * failed) that field is left out, as Eko's newest reference allows. The body exists only for the
 * one request that carries it.
 */
export function initiateRefundBody(
  endpoint: { initiatorId: string; userCode: string },
  otp: string,
  otpRefId: string | null,
): string {
  return JSON.stringify({
    initiator_id: endpoint.initiatorId,
    user_code: endpoint.userCode,
    otp: otpForEko(otp),
    ...(otpRefId === null ? {} : { otp_ref_id: otpRefId }),
    ...INITIATE_REFUND_FIXED,
  });
}
