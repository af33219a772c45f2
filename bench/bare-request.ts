import { signTimestamp } from "../main/signing";
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";

/**
 * The yardstick: the same Get Refund OTP request as the app sends, made with a bare fetch and
 * nothing else (signing with a fresh timestamp is needed for the simulator to answer at all).
 * Returns the milliseconds from send to parsed answer.
 */
export function bareOtpRequest(baseUrl: string, tid: string): () => Promise<number> {
  const url = `${baseUrl}/customer/payment/refund/${tid}/otp`;
  const body = JSON.stringify({ initiator_id: PRACTICE_CREDENTIALS.initiatorId });
  return async () => {
    const started = performance.now();
    const timestamp = String(Date.now());
    const response = await fetch(url, {
      method: "POST",
      headers: { developer_key: PRACTICE_CREDENTIALS.developerKey, "secret-key": signTimestamp(PRACTICE_CREDENTIALS.accessKey, timestamp), "secret-key-timestamp": timestamp, "content-type": "application/json" },
      body,
    });
    const parsed = (await response.json()) as { data?: { otp_ref_id?: string } };
    if (!parsed.data?.otp_ref_id) throw new Error("the bare request got no otp_ref_id");
    return performance.now() - started;
  };
}
