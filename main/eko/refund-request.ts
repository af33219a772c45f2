/**
 * The fixed fields of Initiate Refund. Eko documents `state` both as the number 1 and as the
 * string "1" (eko-refund-api.md, [conflict]); its newest reference types it as an integer, as it
 * does `service_code` and `otp`, so the number is sent. Should Eko insist on "1", this is the one
 * line to change.
 */
export const INITIATE_REFUND_FIXED = { service_code: 80, state: 1 } as const;

/**
 * The JSON body of Initiate Refund. All six fields are sent, since older documentation requires
 * them all. Eko types `otp` as an integer, so it goes as one (an OTP starting with 0 cannot keep
 * that 0 in an integer). The body exists only for the one request that carries it.
 */
export function initiateRefundBody(endpoint: { initiatorId: string; userCode: string }, otp: string, otpRefId: string): string {
  return JSON.stringify({
    initiator_id: endpoint.initiatorId,
    user_code: endpoint.userCode,
    otp: Number(otp),
    otp_ref_id: otpRefId,
    ...INITIATE_REFUND_FIXED,
  });
}
