import { test } from "node:test";
import assert from "node:assert/strict";
import { createClock } from "../time/clock";
import { practiceEndpoint } from "../test-support/signers";
import { createEkoClient, pendingRefundsUrl, type RefundEndpoint } from "./eko-client";
import { TEST_SECRETS } from "../test-support/test-secrets";

const endpoint: RefundEndpoint = practiceEndpoint("https://eko.example/ekoapi/v3/");
const LIST = JSON.stringify({ status: 0, data: [{ tid: "13192460", amount: "2500" }] });

/** A fetch that answers from `replies` in turn and records each request's URL and signature. */
function scripted(replies: { status: number; body: string; type?: string }[]) {
  const requests: { url: string; method: string; timestamp: string }[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const headers = init?.headers as Record<string, string>;
    requests.push({
      url: typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? "GET",
      timestamp: headers["secret-key-timestamp"] ?? "",
    });
    const reply = replies.shift() ?? { status: 500, body: "script ran out" };
    return new Response(reply.body, {
      status: reply.status,
      headers: { "content-type": reply.type ?? "application/json" },
    });
  };
  const slept: number[] = [];
  const client = createEkoClient({ fetch: fetchStub, clock: createClock(), sleep: async (ms) => void slept.push(ms) });
  return { client, requests, slept };
}

test("Get Pending Refunds: a GET to /customer/payment/refunds with initiator_id, user_code and customer_id", async () => {
  assert.equal(
    pendingRefundsUrl(endpoint, TEST_SECRETS.customerMobiles.withPending),
    `https://eko.example/ekoapi/v3/customer/payment/refunds?initiator_id=9962981729&user_code=20810200&customer_id=${TEST_SECRETS.customerMobiles.withPending}`,
  );
  const { client, requests } = scripted([{ status: 200, body: LIST }]);
  const answer = await client.pendingRefunds(endpoint, TEST_SECRETS.customerMobiles.withPending, 5_000);
  assert.ok(answer.ok);
  assert.deepEqual(
    answer.value.transfers.map((t) => t.tid),
    ["13192460"],
  );
  assert.deepEqual(
    requests.map((r) => r.method),
    ["GET"],
  );
});

test("Get Pending Refunds is a read: 503 twice then an answer is retried, each time signed afresh", async () => {
  const { client, requests, slept } = scripted([
    { status: 503, body: "<html>down</html>", type: "text/html" },
    { status: 503, body: "<html>down</html>", type: "text/html" },
    { status: 200, body: LIST },
  ]);
  const answer = await client.pendingRefunds(endpoint, TEST_SECRETS.customerMobiles.withPending, 5_000);
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.equal(requests.length, 3);
  assert.deepEqual(slept, [300, 1_000]);
  assert.equal(new Set(requests.map((r) => r.timestamp)).size, 3);
});

test("Get Pending Refunds: a refusal is not retried", async () => {
  const { client, requests } = scripted([
    { status: 200, body: JSON.stringify({ status: 463, message: "User not found", data: {} }) },
  ]);
  const answer = await client.pendingRefunds(endpoint, TEST_SECRETS.customerMobiles.withPending, 5_000);
  assert.ok(!answer.ok);
  assert.equal(requests.length, 1);
});
