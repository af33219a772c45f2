/**
 * What Eko's Transaction Inquiry says about a transaction, as the agent confirms it with the
 * customer before a refund. Built in main from Eko's answer; the recipient's account number is
 * masked there, so the full number never reaches the renderer.
 */
import type { RawDetails } from "./raw-details";
import type { Environment } from "./settings";

/**
 * Eko's tx_status in words (its Transaction Inquiry table): 0 success, 1 fail, 2 initiated, 3 refund pending,
 * 4 refunded, 5 hold. Eko's newest page calls 6 "response awaited": it is in-progress like 2. Any
 * other value is "unknown", which Eko says to treat as initiated and inquire again. The state is
 * also the key of its words in app/messages (`txState`).
 */
export type TxState = "success" | "failed" | "in-progress" | "refund-pending" | "refunded" | "hold" | "unknown";

export const TX_STATES: readonly TxState[] = [
  "success",
  "failed",
  "in-progress",
  "refund-pending",
  "refunded",
  "hold",
  "unknown",
];

const STATE_OF_CODE: Readonly<Record<number, TxState>> = {
  0: "success",
  1: "failed",
  2: "in-progress",
  3: "refund-pending",
  4: "refunded",
  5: "hold",
  6: "in-progress",
};

export function txStateOf(txStatus: number | null): TxState {
  return txStatus !== null && Object.hasOwn(STATE_OF_CODE, txStatus)
    ? (STATE_OF_CODE[txStatus] ?? "unknown")
    : "unknown";
}

/** Rupees as a decimal string with two places ("5000.00"): money is never a float here. */
export type Rupees = string;

export interface Transaction {
  tid: string;
  /** Eko's tx_status as sent; null when the answer had none or it was not a number. */
  txStatus: number | null;
  state: TxState;
  /** Eko's own words for the status (txstatus_desc), for support. */
  statusText: string | null;
  amount: Rupees | null;
  fee: Rupees | null;
  senderName: string | null;
  recipientName: string | null;
  /** The last 4 characters of the recipient's account; null when Eko sent none or too short to mask. */
  recipientAccountLast4: string | null;
  /** When the transaction was made (ISO), when Eko said so in a form that can be read. */
  time: string | null;
  /** When Eko answered the inquiry (ISO, on the clock corrected by Eko's Date header). */
  checkedAt: string;
  environment: Environment;
  details: RawDetails;
}
