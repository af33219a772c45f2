/**
 * Find by customer mobile: Eko's Get Pending Refunds lists the customer's failed transfers that
 * wait for a refund, for a customer who came without the tid. The mobile is checked like a tid
 * and is never journaled or shown back in full: its last 4 digits only.
 */
import type { RefundDeskError } from "./errors";
import { err, ok, type Result } from "./result";
import type { Environment } from "./settings";
import type { Rupees } from "./transaction";

export type MobileInvalidReason = "empty" | "not-digits" | "not-10-digits" | "bad-start" | "not-text";

/** Indian mobile numbers: 10 digits, the first 6 to 9. Spaces and hyphens from reading it aloud are dropped. */
export function parseCustomerMobile(input: unknown): Result<string, RefundDeskError> {
  const refuse = (reason: MobileInvalidReason) =>
    err<RefundDeskError>({ kind: "invalid-input", field: "mobile", reason });
  if (typeof input !== "string") return refuse("not-text");
  const mobile = input.replace(/[ \t-]/g, "");
  if (mobile === "") return refuse("empty");
  if (!/^[0-9]+$/.test(mobile)) return refuse("not-digits");
  if (mobile.length !== 10) return refuse("not-10-digits");
  if (!/^[6-9]/.test(mobile)) return refuse("bad-start");
  return ok(mobile);
}

export function mobileLast4(mobile: string): string {
  return mobile.slice(-4);
}

/** One transfer waiting for its refund, as the list shows it; the account masked to its last 4. */
export interface PendingTransfer {
  tid: string;
  amount: Rupees | null;
  /** When the transfer was made (ISO), when Eko said so. */
  time: string | null;
  recipientName: string | null;
  recipientAccountLast4: string | null;
}

export interface PendingRefunds {
  /** The customer's mobile, last 4 digits only. */
  mobileLast4: string;
  transfers: PendingTransfer[];
  environment: Environment;
  /** When Eko answered (ISO, corrected clock). */
  checkedAt: string;
}
