import type { RefundDeskError } from "../../app/errors";
import { detailsOf } from "../../app/errors";
import { mobileLast4, parseCustomerMobile, type PendingRefunds } from "../../app/pending";
import { err, ok, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import type { EkoClient } from "../eko/eko-client";
import type { Journal } from "../journal/journal";
import type { Signers } from "../eko/signer";
import type { Practice } from "../simulator/practice";
import { resolveRefundEndpoint } from "./refund-endpoint";

export interface PendingRefundsDeps {
  client: EkoClient;
  settings: () => Settings;
  practice: Practice;
  signers: Signers;
  journal: Journal;
  /** The corrected clock, for the journal's time of a request that got no answer. */
  now: () => number;
}

/**
 * Find by customer mobile: Get Pending Refunds, journaled as "pending:listed" (or the error kind)
 * with the mobile's last 4 digits and how many transfers came back; the full mobile goes to Eko only.
 */
export function createPendingRefundsService(
  deps: PendingRefundsDeps,
): (request: { mobile: string }) => Promise<Result<PendingRefunds, RefundDeskError>> {
  return async ({ mobile: raw }) => {
    const mobile = parseCustomerMobile(raw);
    if (!mobile.ok) return mobile;
    const settings = deps.settings();
    const endpoint = await resolveRefundEndpoint(settings, deps.practice, deps.signers);
    if (!endpoint.ok) return endpoint;
    const answer = await deps.client.pendingRefunds(endpoint.value, mobile.value, settings.timeoutMs);
    const last4 = mobileLast4(mobile.value);
    const details = answer.ok ? answer.value.details : detailsOf(answer.error);
    const outcome = answer.ok ? "listed" : answer.error.kind;
    const journaled = deps.journal.append({
      at: new Date(answer.ok ? answer.value.answeredAt : deps.now()).toISOString(),
      tid: "",
      environment: settings.environment,
      outcome: `pending:${outcome}`,
      ...(details.ekoStatus !== undefined ? { ekoStatus: details.ekoStatus } : {}),
      ...(details.responseTypeId !== undefined ? { responseTypeId: details.responseTypeId } : {}),
      mobileLast4: last4,
      ...(answer.ok ? { listed: answer.value.transfers.length } : {}),
    });
    // No answer without its line: the list is not shown when its lookup could not be recorded.
    if (!journaled) return err({ kind: "not-journaled", step: "pending", tid: "", outcome, details });
    if (!answer.ok) return answer;
    return ok({
      mobileLast4: last4,
      transfers: answer.value.transfers,
      environment: settings.environment,
      checkedAt: new Date(answer.value.answeredAt).toISOString(),
    });
  };
}
