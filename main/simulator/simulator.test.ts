import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { signTimestamp } from "../eko/signing";
import { PRACTICE_CREDENTIALS } from "./practice-credentials";
import { PRACTICE_LIST, PRACTICE_OTP, PRACTICE_SCENARIOS, TRANSACTIONS } from "./scenarios";
import { startSimulator, type Simulator } from "./simulator";

let sim: Simulator;
before(async () => {
  sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
});
after(() => sim.close());

function signed(): Record<string, string> {
  const timestamp = String(Date.now());
  return {
    developer_key: PRACTICE_CREDENTIALS.developerKey,
    "secret-key": signTimestamp(PRACTICE_CREDENTIALS.accessKey, timestamp),
    "secret-key-timestamp": timestamp,
    "content-type": "application/json",
  };
}

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.baseUrl}${path}`, { method: "POST", headers: signed(), body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

test("listens on loopback only", () => {
  assert.match(sim.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/ekoapi\/v3$/);
});

test("refuses a request that names a host other than this machine (a rebound DNS name)", async () => {
  const { port } = new URL(sim.baseUrl);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "GET", path: "/ekoapi/v3/tools/reference/transaction/13192443", headers: { ...signed(), host: `attacker.example:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
  assert.equal(status, 403);
  assert.equal(sim.requests.at(-1)?.reason, "Not a loopback host");
});

test("every practice tid but the unknown one is a known transaction, and the Get Refund OTP answers hold", async () => {
  for (const { tid, scenario } of PRACTICE_LIST) assert.equal(Boolean(TRANSACTIONS[tid]), scenario !== "unknown-tid", tid);
  const outcomes: Record<string, unknown> = {};
  for (const { tid, scenario } of PRACTICE_SCENARIOS.filter((s) => s.scenario !== "slow")) {
    const body = await post(`/customer/payment/refund/${tid}/otp`, { initiator_id: PRACTICE_CREDENTIALS.initiatorId });
    outcomes[scenario] = body.status;
  }
  assert.deepEqual(outcomes, { "otp-sent": 0, "already-refunded": 1, "unknown-tid": 168, "eko-error": 945 });
});

test("Initiate Refund takes state as 1 or \"1\" (Eko documents both) and the practice OTP", async () => {
  const sent = await post("/customer/payment/refund/13192447/otp", { initiator_id: PRACTICE_CREDENTIALS.initiatorId });
  const ref = (sent.data as { otp_ref_id: string }).otp_ref_id;
  const refund = await post("/customer/payment/refund/13192447", { initiator_id: "9962981729", user_code: "20810200", otp: Number(PRACTICE_OTP), otp_ref_id: ref, service_code: 80, state: "1" });
  assert.equal(refund.status, 0, JSON.stringify(refund));
  assert.equal((refund.data as { refunded_amount: string }).refunded_amount, "5000.00");
});

test("a refund with neither user_code nor the right one is refused as Eko's 346", async () => {
  const refund = await post("/customer/payment/refund/13192443", { initiator_id: "9962981729", otp: 123456, otp_ref_id: "x", service_code: 80, state: 1 });
  assert.equal(refund.status, 346);
});

test("each simulator has its own state: a refund in one leaves another's transaction pending", async () => {
  const other = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  const txStatus = async (baseUrl: string) => {
    const response = await fetch(`${baseUrl}/tools/reference/transaction/13192447?initiator_id=9962981729&user_code=20810200`, { headers: signed() });
    return ((await response.json()) as { data: { tx_status: string } }).data.tx_status;
  };
  try {
    assert.equal(await txStatus(sim.baseUrl), "4", "refunded by the test above");
    assert.equal(await txStatus(other.baseUrl), "3");
  } finally {
    await other.close();
  }
});
