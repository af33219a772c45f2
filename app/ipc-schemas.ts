/**
 * Runtime schemas for every IPC payload, and the source of the request types (ipc.ts infers them).
 * Main parses each payload with these before use; they are strict (unknown keys refused) so a payload
 * cannot smuggle fields such as `__proto__`.
 */
import { z } from "zod";
import { ACCESS_KEY_MAX_LENGTH } from "./access-key";
import { TOKEN_PIN_MAX_LENGTH } from "./token-pin";
import type { DayRange } from "./history";
import type { RefundRequest } from "./refund";
import { SETTINGS_PATCH_SCHEMA } from "./field-schema";

/** Shape only; the meaning (digits, length) is checked by parseTid so the reason is precise. */
const tidRequest = z.strictObject({ tid: z.string().max(256) });

const empty = z.strictObject({});

const accessKeyRequest = z.strictObject({ accessKey: z.string().min(1).max(ACCESS_KEY_MAX_LENGTH) });

/** Shapes only: parseCustomerOtp and parseOtpRefId say what is wrong, without echoing the OTP. */
const refundRequest = z.strictObject({
  tid: z.string().max(256),
  otp: z.string().max(64),
  otpRefId: z.string().max(256).optional(),
}) satisfies z.ZodType<RefundRequest>;

const pinRequest = z.strictObject({ pin: z.string().max(64) });

/** Shape only; main checks the days are real and the range is not too long. */
const dayRange = z.strictObject({ from: z.string().max(32), to: z.string().max(32) }) satisfies z.ZodType<DayRange>;
/** A kiosk's export carries the admin PIN. */
const exportRequest = z.strictObject({
  from: z.string().max(32),
  to: z.string().max(32),
  pin: z.string().max(64).optional(),
});

/** One entry per operation the renderer may ask of main (the channel names are in ipc.ts). */
export const IPC_SCHEMAS = {
  /** Transaction Inquiry: what the agent confirms with the customer before anything else. */
  inquireTransaction: tidRequest,
  requestRefundOtp: tidRequest,
  /** Initiate Refund with the customer's OTP; main sends it once and never retries it. */
  refund: refundRequest,
  getSettings: empty,
  /** The settings from the field table (app/setting-fields.ts); no policy-only setting. */
  updateSettings: SETTINGS_PATCH_SCHEMA,
  setAccessKey: accessKeyRequest,
  removeAccessKey: empty,
  /** The token's user PIN (signer pkcs11), into the keychain; write-only like the access key. */
  setTokenPin: z.strictObject({ pin: z.string().min(1).max(TOKEN_PIN_MAX_LENGTH) }),
  checkConnection: empty,
  getSession: empty,
  getDesk: empty,
  /** Opens locked settings for SETTINGS_UNLOCK_MS with the admin PIN. */
  unlockSettings: pinRequest,
  lockSettings: empty,
  /** Quits a kiosk with the admin PIN. */
  exitKiosk: pinRequest,
  readHistory: dayRange,
  /**
   * Writes the range as CSV where the admin chooses (a save dialog in the app); in kiosk mode into
   * the fixed exports folder, without a dialog, and only with the admin PIN.
   */
  exportHistory: exportRequest,
  /** Prints the window (the receipt) from main: silently to the configured printer, else as the mode allows. */
  printReceipt: empty,
  /** Get Pending Refunds: the customer's transfers waiting for a refund. Shape only; parseCustomerMobile says what is wrong. */
  pendingRefunds: z.strictObject({ mobile: z.string().max(64) }),
  /** How this counter prints receipts: paper, copies, languages, grievance text. */
  getReceiptSetup: empty,
  /** A receipt printed again: a journal line; the answer's time goes on the DUPLICATE mark. */
  recordReprint: tidRequest,
} as const;

/**
 * What comes back beside a counter action's result (ipc.ts ActionAnswer): what the screen needs
 * next. `clockOffsetMs` is Eko's clock minus this machine's (the clock note); null until known.
 */
export const AFTER_ACTION_SCHEMA = z.strictObject({ clockOffsetMs: z.number().finite().nullable() });
