import type { RawDetails } from "./raw-details";
import type { TxState } from "./transaction";
import type { SettingName as FieldSettingName } from "./setting-fields";

/**
 * The error union. Each member is a situation an agent (or support) can act on; the UI maps
 * each `kind` to words in app/messages. Raw details are kept for the "details for support" view.
 */

/** Carried by every error something answered; the errors' users import it from here. */
export type { RawDetails };

/**
 * A setting an error names: each in the field table (the custom URL by its policy name, baseUrl),
 * and the secrets that are not settings.
 */
export type SettingName = Exclude<FieldSettingName, "customBaseUrl"> | "baseUrl" | "accessKey" | "tokenPin";

/** The requests to Eko whose answers the journal records. */
type JournaledStep = "check" | "otp" | "refund" | "pending" | "reprint";

export type RefundDeskError =
  | { kind: "invalid-input"; field: string; reason: string }
  | { kind: "not-configured"; missing: SettingName[] }
  | { kind: "keychain-unavailable"; details: RawDetails }
  | { kind: "auth-rejected"; details: RawDetails }
  /**
   * Eko refused a signature and its Date says this computer's clock is off by `offsetMs` (Eko's
   * time minus this computer's); both times as ISO text, as read when the answer came.
   */
  | { kind: "clock-skew"; offsetMs: number; pcTime: string; ekoTime: string; details: RawDetails }
  | { kind: "offline"; details: RawDetails }
  | { kind: "timeout"; afterMs: number; details: RawDetails }
  | { kind: "tls"; details: RawDetails }
  | { kind: "wrong-url"; details: RawDetails }
  /** HTTP 415: the request's content type was refused, a fault of this app (or a proxy), not of Eko's server. */
  | { kind: "content-type-refused"; details: RawDetails }
  | { kind: "rate-limited"; details: RawDetails }
  | { kind: "server"; details: RawDetails }
  | { kind: "bad-response"; details: RawDetails }
  | { kind: "unknown-tid"; details: RawDetails }
  | { kind: "already-refunded"; details: RawDetails }
  | { kind: "not-refundable"; details: RawDetails }
  | { kind: "eko"; code: number; message: string; details: RawDetails }
  | { kind: "otp-not-sent"; details: RawDetails }
  | { kind: "busy"; tid: string }
  /** Another Refund Desk window or `refund-desk` command is working on this tid right now. */
  | { kind: "tid-busy-elsewhere"; tid: string }
  /**
   * The counter's shared record (counter-state.db in the data folder: tid locks, refunds awaiting an
   * answer, OTP cooldowns, the wrong-PIN turn) cannot be opened or read: nothing that needs it is done.
   */
  | { kind: "counter-state-unavailable"; details: RawDetails }
  /** An OTP went to this customer moments ago; resending now would only flood their phone. */
  | { kind: "cooldown"; tid: string; retryAfterMs: number }
  /** Eko said the customer's OTP is wrong (302); `tries` counts wrong OTPs for this otp_ref_id. */
  | { kind: "wrong-otp"; tries: number; details: RawDetails }
  /** Eko said the OTP has expired (303): only a new OTP helps. */
  | { kind: "otp-expired"; details: RawDetails }
  /** Eko refused the refund for lack of balance (347). */
  | { kind: "insufficient-balance"; details: RawDetails }
  /**
   * A refund with the OTP from the failure SMS (no otp_ref_id) was refused for a reason the app
   * cannot name: Eko may want the otp_ref_id of an OTP sent through Get Refund OTP.
   */
  | { kind: "otp-ref-needed"; tid: string; details: RawDetails }
  /**
   * Eko's answer to a refund was lost and no inquiry has answered since: the refund may or may not
   * have happened, so no other refund for this tid is allowed until an inquiry answers.
   */
  | { kind: "refund-outcome-unknown"; tid: string; details: RawDetails }
  /**
   * The refund was not sent: the note that holds a tid while its answer is outstanding could not be
   * saved on this computer, and without it a crash could let the same refund be sent twice.
   */
  | { kind: "refund-not-recorded"; tid: string; details: RawDetails }
  /**
   * Eko answered, but the journal line for the answer could not be written (the disk full, the
   * data folder unwritable or gone), so the answer is withheld: no answer without its line. What
   * went out is kept, so the agent is told: `outcome` is the line's (`otp-sent`, `refunded`,
   * `tx_status=3`, `listed`, or the kind of Eko's refusal), with the otp_ref_id's or refund's id
   * when Eko gave one. A refund made stays held until a check is journaled.
   */
  | {
      kind: "not-journaled";
      step: JournaledStep;
      /** Empty for a find by mobile. */
      tid: string;
      outcome: string;
      otpRefTail?: string;
      refundTid?: string;
      details: RawDetails;
    }
  /** Eko's answer to a refund was lost, and an inquiry then showed the refund did not happen. */
  | { kind: "refund-not-done"; tid: string; details: RawDetails }
  /** The transaction is not waiting for a refund (tx_status other than 3). */
  | { kind: "not-refund-pending"; tid: string; txStatus: number | null; state: TxState; details: RawDetails }
  /** The policy locks the settings and no admin has unlocked them with the PIN. */
  | { kind: "settings-locked" }
  /** A locked counter's settings come from the machine policy alone: change them there. */
  | { kind: "set-by-policy" }
  /** The machine policy (or the keychain's lock record) cannot be used: nothing goes to Eko. */
  | { kind: "locked-down" }
  /** Kiosk exit or unlocking needs an admin PIN, and none was provisioned. */
  | { kind: "no-admin-pin" }
  /** retryAfterMs is 0 until the free tries are used up, then the wait this failure started. */
  | { kind: "wrong-pin"; triesBeforeWait: number; retryAfterMs: number }
  /** Still waiting after earlier wrong PINs: this try was not looked at. */
  | { kind: "pin-wait"; retryAfterMs: number }
  /** A file (the History export) could not be written. */
  | { kind: "save-failed"; details: RawDetails }
  /** A kiosk prints receipts only to the printer the policy or settings name, and none is named. */
  | { kind: "no-printer" }
  | { kind: "print-failed"; details: RawDetails }
  /**
   * On a kiosk the receipt printer saves to a file (PDF, XPS, OneNote, fax, a file port): it would
   * open a Save dialog, a file browser on the counter. `details.cause` names what gave it away.
   */
  | { kind: "printer-prints-to-file"; details: RawDetails }
  // The signer pkcs11's failures, each before anything is sent. `details.cause` is the PKCS#11
  // return value's name (CKR_…) or what the app found; never a PIN or a key.
  /** The vendor's PKCS#11 library is not at its path or cannot be loaded. */
  | { kind: "token-library"; details: RawDetails }
  /** No token with the configured label is present (or it went away mid-session). */
  | { kind: "token-absent"; details: RawDetails }
  /** The token refused the user PIN; the app does not try that PIN again. */
  | { kind: "token-pin-wrong"; details: RawDetails }
  | { kind: "token-pin-locked"; details: RawDetails }
  /** No key with the configured label in the token. */
  | { kind: "token-key-missing"; details: RawDetails }
  /** The key is there but may not sign (CKA_SIGN false). */
  | { kind: "token-key-cannot-sign"; details: RawDetails }
  /** The token cannot make HMAC-SHA256 with this key (mechanism, key type or size). */
  | { kind: "token-mechanism"; details: RawDetails }
  /** The token did not answer in time. */
  | { kind: "token-timeout"; afterMs: number; details: RawDetails }
  /** Any other refusal of the token's. */
  | { kind: "token-failed"; details: RawDetails }
  | { kind: "internal"; details: RawDetails };

export type ErrorKind = RefundDeskError["kind"];

export const ERROR_KINDS: readonly ErrorKind[] = [
  "invalid-input",
  "not-configured",
  "keychain-unavailable",
  "auth-rejected",
  "clock-skew",
  "offline",
  "timeout",
  "tls",
  "wrong-url",
  "content-type-refused",
  "rate-limited",
  "server",
  "bad-response",
  "unknown-tid",
  "already-refunded",
  "not-refundable",
  "eko",
  "otp-not-sent",
  "busy",
  "tid-busy-elsewhere",
  "counter-state-unavailable",
  "cooldown",
  "wrong-otp",
  "otp-expired",
  "insufficient-balance",
  "otp-ref-needed",
  "refund-outcome-unknown",
  "refund-not-recorded",
  "not-journaled",
  "refund-not-done",
  "not-refund-pending",
  "settings-locked",
  "set-by-policy",
  "locked-down",
  "no-admin-pin",
  "wrong-pin",
  "pin-wait",
  "save-failed",
  "no-printer",
  "print-failed",
  "printer-prints-to-file",
  "token-library",
  "token-absent",
  "token-pin-wrong",
  "token-pin-locked",
  "token-key-missing",
  "token-key-cannot-sign",
  "token-mechanism",
  "token-timeout",
  "token-failed",
  "internal",
];

/** Details of an error for the support view, whatever its kind. */
export function detailsOf(error: RefundDeskError): RawDetails {
  return "details" in error ? error.details : {};
}
