import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { signTimestamp } from "../eko/signing";
import { PRACTICE_CREDENTIALS } from "./practice-credentials";
import { PRACTICE_LIST, PRACTICE_OTP, PRACTICE_SCENARIOS, TRANSACTIONS } from "./scenarios";
import { eNotation } from "./ledger";
import { startSimulator, type Simulator } from "./simulator";
import { TEST_SECRETS } from "../test-support/test-secrets";

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
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: "POST",
    headers: signed(),
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

test("listens on loopback only", () => {
  assert.match(sim.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/ekoapi\/v3$/);
});

test("refuses a request that names a host other than this machine (a rebound DNS name)", async () => {
  const { port } = new URL(sim.baseUrl);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "GET",
        path: "/ekoapi/v3/tools/reference/transaction/13192443",
        headers: { ...signed(), host: `attacker.example:${port}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
  assert.equal(status, 403);
  assert.equal(sim.requests.at(-1)?.reason, "Not a loopback host");
});

test("every practice tid but the unknown one is a known transaction, and the Get Refund OTP answers hold", async () => {
  for (const { tid, scenario } of PRACTICE_LIST)
    assert.equal(Boolean(TRANSACTIONS[tid]), scenario !== "unknown-tid", tid);
  const outcomes: Record<string, unknown> = {};
  for (const { tid, scenario } of PRACTICE_SCENARIOS.filter((s) => s.scenario !== "slow")) {
    const body = await post(`/customer/payment/refund/${tid}/otp`, { initiator_id: PRACTICE_CREDENTIALS.initiatorId });
    outcomes[scenario] = body.status;
  }
  assert.deepEqual(outcomes, { "otp-sent": 2133, "already-refunded": 1, "unknown-tid": 168, "eko-error": 945 });
});

test('Initiate Refund takes state as 1 or "1" (Eko documents both) and the practice OTP', async () => {
  const sent = await post("/customer/payment/refund/13192460/otp", { initiator_id: PRACTICE_CREDENTIALS.initiatorId });
  const ref = (sent.data as { otp_ref_id: string }).otp_ref_id;
  const refund = await post("/customer/payment/refund/13192460", {
    initiator_id: "9962981729",
    user_code: "20810200",
    otp: Number(PRACTICE_OTP),
    otp_ref_id: ref,
    service_code: 80,
    state: "1",
  });
  assert.equal(refund.status, 0, JSON.stringify(refund));
  // The Practice transfer of ₹2,500.00, as the simulator refunds it.
  assert.equal((refund.data as { refunded_amount: string }).refunded_amount, "2500.00");
});

test("a refund with neither user_code nor the right one is refused as Eko's 346", async () => {
  const refund = await post("/customer/payment/refund/13192443", {
    initiator_id: "9962981729",
    otp: Number(TEST_SECRETS.otps.practice),
    otp_ref_id: "x",
    service_code: 80,
    state: 1,
  });
  assert.equal(refund.status, 346);
});

test("each simulator has its own state: a refund in one leaves another's transaction pending", async () => {
  const other = await startSimulator({ accounts: [PRACTICE_CREDENTIALS] });
  const txStatus = async (baseUrl: string) => {
    const response = await fetch(
      `${baseUrl}/tools/reference/transaction/13192460?initiator_id=9962981729&user_code=20810200`,
      { headers: signed() },
    );
    return ((await response.json()) as { data: { tx_status: string } }).data.tx_status;
  };
  try {
    assert.equal(await txStatus(sim.baseUrl), "4", "refunded by the test above");
    assert.equal(await txStatus(other.baseUrl), "3");
  } finally {
    await other.close();
  }
});
async function get(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${sim.baseUrl}${path}`, { headers: signed() });
  return (await response.json()) as Record<string, unknown>;
}

const initiator = { initiator_id: PRACTICE_CREDENTIALS.initiatorId };
const refundBody = (otp: unknown, ref?: string) => ({
  ...initiator,
  user_code: "20810200",
  otp,
  ...(ref ? { otp_ref_id: ref } : {}),
  service_code: 80,
  state: 1,
});

test("Eko's two published shapes for an OTP sent: status 2133 / response_status_id 1, or status 0 / type 1388 with data.tid", async () => {
  const refundPages = await post("/customer/payment/refund/13192443/otp", initiator);
  assert.deepEqual(
    [refundPages.status, refundPages.response_status_id, refundPages.response_type_id, refundPages.message],
    [2133, 1, 2133, "Send OTP"],
  );
  const qrPages = await post("/customer/payment/refund/13192457/otp", initiator);
  assert.deepEqual([qrPages.status, qrPages.response_status_id, qrPages.response_type_id], [0, 0, 1388]);
  assert.equal((qrPages.data as { tid: unknown }).tid, 13192457);
});

test("refusals: the code in status for some tids, in response_status_id under status 1 for others", async () => {
  const inStatus = await post("/customer/payment/refund/13192454", refundBody(Number(PRACTICE_OTP)));
  assert.deepEqual([inStatus.status, inStatus.response_status_id], [347, 1]);
  const inStatusId = await post("/customer/payment/refund/13192458", refundBody(Number(PRACTICE_OTP)));
  assert.deepEqual(
    [inStatusId.status, inStatusId.response_status_id, inStatusId.message],
    [1, 347, "Insufficient balance."],
  );
  const expired = await post("/customer/payment/refund/13192459", refundBody(Number(PRACTICE_OTP)));
  assert.deepEqual([expired.status, expired.response_status_id], [1, 303]);
  const wrong = await post("/customer/payment/refund/13192457", refundBody(Number(TEST_SECRETS.otps.other)));
  assert.deepEqual([wrong.status, wrong.response_status_id], [1, 302]);
});

test("inquiry as Eko's sample: type 1472, tx_status as text, India's time without a zone", async () => {
  const reply = await get("/tools/reference/transaction/13192448?initiator_id=9962981729&user_code=20810200");
  assert.deepEqual([reply.status, reply.response_status_id, reply.response_type_id], [0, 0, 1472]);
  const data = reply.data as Record<string, unknown>;
  assert.equal(data.tx_status, "0");
  assert.match(String(data.timestamp), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
});

test("a refund as Eko's sample (type 74, E-notation balance, ISO time in Z), and its QR shape (the refund id as data.tid)", async () => {
  const ref = (await post("/customer/payment/refund/13192443/otp", initiator)).data as { otp_ref_id: string };
  const done = await post("/customer/payment/refund/13192443", refundBody(Number(PRACTICE_OTP), ref.otp_ref_id));
  assert.deepEqual([done.status, done.response_type_id, done.message], [0, 74, "Refund done"]);
  const data = done.data as Record<string, string>;
  assert.match(data.balance ?? "", /^\d\.\d+E\d+$/);
  assert.match(data.timestamp ?? "", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.deepEqual([data.tid, data.refunded_amount], ["13192443", "5000.00"]);
  // No otp_ref_id: the OTP Eko texted when the transfer failed, the practice OTP here.
  const qr = await post("/customer/payment/refund/13192457", refundBody(Number(PRACTICE_OTP)));
  const qrData = qr.data as Record<string, unknown>;
  assert.deepEqual(
    [qr.status, qr.tx_status, typeof qrData.tid, qrData.amount, Object.hasOwn(qrData, "balance")],
    [0, "4", "number", 5000, false],
  );
  assert.notEqual(String(qrData.tid), "13192457");
});

test("the balance in E-notation is exact: paise in, Eko's form out", () => {
  assert.equal(eNotation(222_263_731_286), "2.22263731286E9");
  assert.equal(eNotation(3_000_000), "3.0E4");
  assert.equal(eNotation(5), "5.0E-2");
});

test("an OTP with a leading zero is taken as a string of digits; a string without one, or a number that lost it, is not", async () => {
  const zero = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], otp: TEST_SECRETS.otps.leadingZero });
  const postTo = async (body: unknown) => {
    const response = await fetch(`${zero.baseUrl}/customer/payment/refund/13192443`, {
      method: "POST",
      headers: signed(),
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  try {
    assert.deepEqual(
      [(await postTo(refundBody(12345))).status],
      [302],
      `12345 is not ${TEST_SECRETS.otps.leadingZero}`,
    );
    assert.equal((await postTo(refundBody("12345"))).status, 1, "digits in a string only for a leading zero");
    assert.equal((await postTo(refundBody(TEST_SECRETS.otps.leadingZero))).status, 0);
  } finally {
    await zero.close();
  }
});

test("keeps only the latest requests, in order, in the array a test holds", async () => {
  const windowed = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], keepRequests: 3 });
  const held = windowed.requests;
  try {
    for (const tid of ["13192448", "13192449", "13192450", "13192451", "13192452"])
      await fetch(`${windowed.baseUrl}/tools/reference/transaction/${tid}?initiator_id=9962981729&user_code=20810200`, {
        headers: signed(),
      });
    assert.deepEqual(
      held.map((r) => r.path.split("?")[0]?.split("/").at(-1)),
      ["13192450", "13192451", "13192452"],
    );
  } finally {
    await windowed.close();
  }
});
