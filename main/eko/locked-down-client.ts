import type { RefundDeskError } from "../../app/errors";
import { err } from "../../app/result";
import type { EkoClient } from "./eko-client";

/**
 * The Eko client of a counter locked down (desk-policy.ts): the one door to Eko, shut. Every
 * request is refused before anything is signed or sent, whichever service or command asks.
 */
export function lockedDownClient(): EkoClient {
  const refused = async () => err<RefundDeskError>({ kind: "locked-down" });
  return {
    getRefundOtp: refused,
    inquireTransaction: refused,
    pendingRefunds: refused,
    initiateRefund: refused,
    probe: refused,
  };
}
