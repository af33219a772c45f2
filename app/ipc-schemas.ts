/**
 * Runtime schemas for every IPC payload. Main parses each payload with these before use; they are
 * strict (unknown keys refused) so a payload cannot smuggle fields such as `__proto__`.
 */
import { z } from "zod";
import type { IpcMethod, IpcRequests } from "./ipc";
import {
  AGENT_COPY_CHOICES,
  ENVIRONMENTS,
  MAX_IDLE_CLEAR_MINUTES,
  MAX_RESEND_COOLDOWN_MS,
  MAX_TIMEOUT_MS,
  MIN_IDLE_CLEAR_MINUTES,
  MIN_TIMEOUT_MS,
  PAPER_SIZES,
  RECEIPT_LANGUAGE_CHOICES,
} from "./settings";

/** Shape only; the meaning (digits, length) is checked by parseTid so the reason is precise. */
const tidRequest = z.strictObject({ tid: z.string().max(256) });

const empty = z.strictObject({});

const settingsPatch = z.strictObject({
  environment: z.enum(ENVIRONMENTS as [string, ...string[]]).optional(),
  customBaseUrl: z.string().max(2048).nullable().optional(),
  developerKey: z.string().max(256).nullable().optional(),
  initiatorId: z.string().max(64).nullable().optional(),
  userCode: z.string().max(64).nullable().optional(),
  timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS).optional(),
  resendCooldownMs: z.number().int().min(0).max(MAX_RESEND_COOLDOWN_MS).optional(),
  paperSize: z.enum(PAPER_SIZES as [string, ...string[]]).optional(),
  agentCopy: z.enum(AGENT_COPY_CHOICES as [string, ...string[]]).optional(),
  receiptLanguages: z.enum(RECEIPT_LANGUAGE_CHOICES as [string, ...string[]]).optional(),
  helpline: z.string().max(512).nullable().optional(),
  grievanceContact: z.string().max(512).nullable().optional(),
  rbiGrievance: z.boolean().optional(),
  idleClearMinutes: z.number().int().min(MIN_IDLE_CLEAR_MINUTES).max(MAX_IDLE_CLEAR_MINUTES).optional(),
});

const accessKeyRequest = z.strictObject({ accessKey: z.string().min(1).max(512) });

/** Shapes only: parseCustomerOtp and parseOtpRefId say what is wrong, without echoing the OTP. */
const refundRequest = z.strictObject({ tid: z.string().max(256), otp: z.string().max(64), otpRefId: z.string().max(256) });

const pinRequest = z.strictObject({ pin: z.string().max(64) });

/** Shape only; main checks the days are real and the range is not too long. */
const dayRange = z.strictObject({ from: z.string().max(32), to: z.string().max(32) });

export const IPC_SCHEMAS: { readonly [M in IpcMethod]: z.ZodType<IpcRequests[M]> } = {
  inquireTransaction: tidRequest,
  requestRefundOtp: tidRequest,
  refund: refundRequest,
  getSettings: empty as unknown as z.ZodType<IpcRequests["getSettings"]>,
  updateSettings: settingsPatch as unknown as z.ZodType<IpcRequests["updateSettings"]>,
  setAccessKey: accessKeyRequest,
  removeAccessKey: empty as unknown as z.ZodType<IpcRequests["removeAccessKey"]>,
  checkConnection: empty as unknown as z.ZodType<IpcRequests["checkConnection"]>,
  getSession: empty as unknown as z.ZodType<IpcRequests["getSession"]>,
  getDesk: empty as unknown as z.ZodType<IpcRequests["getDesk"]>,
  unlockSettings: pinRequest,
  lockSettings: empty as unknown as z.ZodType<IpcRequests["lockSettings"]>,
  exitKiosk: pinRequest,
  readHistory: dayRange,
  exportHistory: dayRange,
  /** Shape only; parseCustomerMobile says what is wrong. */
  pendingRefunds: z.strictObject({ mobile: z.string().max(64) }),
  getReceiptSetup: empty as unknown as z.ZodType<IpcRequests["getReceiptSetup"]>,
  recordReprint: tidRequest,
};
