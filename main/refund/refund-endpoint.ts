import type { RefundDeskError } from "../../app/errors";
import { err, ok, type Result } from "../../app/result";
import type { Settings } from "../../app/settings";
import type { RefundEndpoint } from "../eko/eko-client";
import type { Signers } from "../eko/signer";
import { resolveEndpoint } from "../eko/endpoint";
import type { Practice } from "../simulator/practice";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";

/** The endpoint for Transaction Inquiry and Initiate Refund: the OTP endpoint plus the user_code. */
export async function resolveRefundEndpoint(
  settings: Settings,
  practice: Practice,
  signers: Signers,
): Promise<Result<RefundEndpoint, RefundDeskError>> {
  const endpoint = await resolveEndpoint(settings, practice, signers);
  const userCode = settings.environment === "practice" ? PRACTICE_CREDENTIALS.userCode : settings.userCode;
  if (userCode) return endpoint.ok ? ok({ ...endpoint.value, userCode }) : endpoint;
  if (endpoint.ok) return err({ kind: "not-configured", missing: ["userCode"] });
  // One list of everything missing, so the admin fixes the settings in one go.
  const { error } = endpoint;
  return error.kind === "not-configured" ? err({ ...error, missing: [...error.missing, "userCode"] }) : endpoint;
}
