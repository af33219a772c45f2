import type { RawDetails, RefundDeskError } from "./errors";
import type { Result } from "./result";
import type { Environment } from "./settings";

/** Eko accepted the request and sent the refund OTP to the customer's mobile. */
export interface OtpSent {
  tid: string;
  otpRefId: string;
  /** ISO time the request was answered, on the clock corrected by Eko's Date header. */
  sentAt: string;
  environment: Environment;
  /** ISO time from which this tid may ask Eko again (the resend cooldown). */
  resendAfter: string;
  details: RawDetails;
}

/** An OTP sent for a refund not yet finished, kept by main until the app quits so a reloaded window shows it again. */
export interface TidOutcome {
  tid: string;
  at: string;
  result: Result<OtpSent, RefundDeskError>;
}

/** What main remembers of this run of the app. */
export interface Session {
  /** OTPs sent for refunds not yet finished, newest first. */
  outcomes: TidOutcome[];
  /** Tids whose refund was sent and got no settled answer (kept on disk: they survive a restart). */
  unsettled: string[];
  /** Eko's clock minus this machine's, once a response has been seen. */
  clockOffsetMs: number | null;
}
