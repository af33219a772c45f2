/** The verdict's element id: the tid field is described by it when the verdict sends the agent back there. */
export const VERDICT_ID = "tx-verdict";

/** The OTP field's error id: the error panel names it when the OTP typed is at fault. */
export const OTP_ERROR_ID = "customer-otp-error";
