import { signTimestamp } from "../main/eko/signing";
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";

/**
 * The yardsticks: the same requests as the app sends, made with a bare fetch and nothing else
 * (signing with a fresh timestamp is needed for the simulator to answer at all). Each returns
 * the milliseconds from send to parsed answer.
 */
function signedHeaders(): Record<string, string> {
  const timestamp = String(Date.now());
  return {
    developer_key: PRACTICE_CREDENTIALS.developerKey,
    "secret-key": signTimestamp(PRACTICE_CREDENTIALS.accessKey, timestamp),
    "secret-key-timestamp": timestamp,
  };
}

/** Get Refund OTP. */
export function bareOtpRequest(baseUrl: string, tid: string): () => Promise<number> {
  const url = `${baseUrl}/customer/payment/refund/${tid}/otp`;
  const body = JSON.stringify({ initiator_id: PRACTICE_CREDENTIALS.initiatorId });
  return async () => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { ...signedHeaders(), "content-type": "application/json" },
      body,
    });
    const parsed = (await response.json()) as { data?: { otp_ref_id?: string } };
    if (!parsed.data?.otp_ref_id) throw new Error("the bare request got no otp_ref_id");
    return performance.now() - started;
  };
}

/** Transaction Inquiry. */
export function bareInquiry(baseUrl: string, tid: string): () => Promise<number> {
  const query = new URLSearchParams({
    initiator_id: PRACTICE_CREDENTIALS.initiatorId,
    user_code: PRACTICE_CREDENTIALS.userCode,
  });
  const url = `${baseUrl}/tools/reference/transaction/${tid}?${query}`;
  return async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: signedHeaders() });
    const parsed = (await response.json()) as { data?: { tx_status?: unknown } };
    if (parsed.data?.tx_status === undefined) throw new Error("the bare inquiry got no tx_status");
    return performance.now() - started;
  };
}
