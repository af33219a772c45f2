import type { RawDetails } from "./errors";
import type { Environment } from "./settings";

/** Eko accepted the request and sent the refund OTP to the customer's mobile. */
export interface OtpSent {
  tid: string;
  otpRefId: string;
  /** ISO time the request was answered, on the clock corrected by Eko's Date header. */
  sentAt: string;
  environment: Environment;
  details: RawDetails;
}
