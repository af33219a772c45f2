import { detailsOf, type RawDetails, type RefundDeskError } from "../../app/errors";
import type { Result } from "../../app/result";
import type { Environment } from "../../app/settings";
import type { Transaction } from "../../app/transaction";
import { shortRef, type JournalRecord } from "../journal/journal";

/**
 * Journal lines for the refund flow, in the journal's existing columns: the step and what came of
 * it go in `outcome` ("inquiry:tx_status=3", "refund:wrong-otp", "refund-check:tx_status=4").
 * The OTP has no place here; the otp_ref_id is cut as for Get Refund OTP.
 */
type RefundStep = "inquiry" | "refund" | "refund-check";

interface LineFacts {
  at: number;
  tid: string;
  environment: Environment;
  otpRefId?: string;
  /** A refund made: what the day's close and a reprint need (refundFacts). */
  refund?: RefundFacts;
}

/** The journal's part of a refund made: amounts, ids and the masked account; never the balance or a name. */
export type RefundFacts = Pick<
  JournalRecord,
  "refundedAmount" | "fee" | "refundTid" | "txAmount" | "txTime" | "accountLast4" | "agentCode"
>;

/** Only the facts that are known: a line has no empty fields. */
export function refundFacts(
  reply: { refundTid: string | null; refundedAmount: string | null; fee: string | null } | null,
  tx: Transaction | null,
  agentCode: string | null,
): RefundFacts {
  const facts: RefundFacts = {
    ...(reply?.refundedAmount ? { refundedAmount: reply.refundedAmount } : {}),
    // The refund's fee as Eko's refund answer gave it; the transfer's fee is another sum.
    ...(reply?.fee ? { fee: reply.fee } : {}),
    ...(reply?.refundTid ? { refundTid: reply.refundTid } : {}),
    ...(tx?.amount ? { txAmount: tx.amount } : {}),
    ...(tx?.time ? { txTime: tx.time } : {}),
    ...(tx?.recipientAccountLast4 ? { accountLast4: tx.recipientAccountLast4 } : {}),
    ...(agentCode ? { agentCode } : {}),
  };
  return facts;
}

export function inquiryLine(
  step: "inquiry" | "refund-check",
  facts: LineFacts,
  result: Result<Transaction, RefundDeskError>,
): JournalRecord {
  const outcome = result.ok ? `tx_status=${result.value.txStatus ?? "none"}` : result.error.kind;
  return line(step, outcome, facts, result.ok ? result.value.details : detailsOf(result.error));
}

export function refundLine(facts: LineFacts, result: Result<{ details: RawDetails }, RefundDeskError>): JournalRecord {
  return line(
    "refund",
    result.ok ? "refunded" : result.error.kind,
    facts,
    result.ok ? result.value.details : detailsOf(result.error),
  );
}

function line(step: RefundStep, outcome: string, facts: LineFacts, details: RawDetails): JournalRecord {
  return {
    at: new Date(facts.at).toISOString(),
    tid: facts.tid,
    environment: facts.environment,
    outcome: `${step}:${outcome}`,
    ...(details.ekoStatus !== undefined ? { ekoStatus: details.ekoStatus } : {}),
    ...(details.responseTypeId !== undefined ? { responseTypeId: details.responseTypeId } : {}),
    ...(facts.otpRefId ? { otpRefTail: shortRef(facts.otpRefId) } : {}),
    ...facts.refund,
  };
}
