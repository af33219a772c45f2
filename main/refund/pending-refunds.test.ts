import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EXIT, runCli } from "../cli/cli";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { practiceDesk } from "../test-support/practice-desk";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

const journalText = (dataDir: string) =>
  readdirSync(join(dataDir, "journal"))
    .map((f) => readFileSync(join(dataDir, "journal", f), "utf8"))
    .join("");

const opened: Awaited<ReturnType<typeof practiceDesk>>[] = [];
after(async () => {
  for (const { desk, simulator } of opened) {
    await desk.close();
    await simulator.close();
  }
});

test("find by mobile in Practice: Eko's test customer has two transfers waiting, another mobile none; the mobile is journaled by its last 4 only", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const { desk, dataDir, calls } = practice;
  const two = await desk.services.pendingRefunds({ mobile: "61111 11111" });
  assert.ok(two.ok);
  assert.equal(two.value.mobileLast4, "1111");
  assert.deepEqual(
    two.value.transfers.map((t) => [t.tid, t.amount, t.recipientName, t.recipientAccountLast4]),
    [
      ["13192460", "2500.00", "Anil Sharma", "3321"],
      ["13192461", "1200.00", "Meena Kumari", "7766"],
    ],
  );
  const url = new URL(calls.at(-1)?.url ?? "");
  assert.equal(url.pathname, "/ekoapi/v3/customer/payment/refunds");
  assert.equal(url.searchParams.get("customer_id"), TEST_SECRETS.customerMobiles.withPending);
  assert.equal(url.searchParams.get("user_code"), "20810200");
  assert.equal(calls.at(-1)?.method, "GET");

  const none = await desk.services.pendingRefunds({ mobile: TEST_SECRETS.customerMobiles.withNone });
  assert.ok(none.ok && none.value.transfers.length === 0);

  const journal = journalText(dataDir);
  assert.ok(
    !journal.includes(TEST_SECRETS.customerMobiles.withPending) &&
      !journal.includes(TEST_SECRETS.customerMobiles.withNone),
    "no full mobile in the journal",
  );
  const lines = journal
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    // A month's opening line is the journal's own, not a request's.
    .filter((line) => !("journal" in line));
  assert.deepEqual(
    lines.map((l) => [l.outcome, l.mobileLast4, l.listed]),
    [
      ["pending:listed", "1111", 2],
      ["pending:listed", "2345", 0],
    ],
  );
});

test("a refunded transfer drops off the customer's list", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const { desk } = practice;
  await desk.services.inquireTransaction({ tid: "13192460" });
  const otp = await desk.services.requestRefundOtp({ tid: "13192460" });
  assert.ok(otp.ok);
  const refunded = await desk.services.refund({
    tid: "13192460",
    otp: TEST_SECRETS.otps.practice,
    otpRefId: otp.value.otpRefId,
  });
  assert.ok(refunded.ok);
  const left = await desk.services.pendingRefunds({ mobile: TEST_SECRETS.customerMobiles.withPending });
  assert.ok(left.ok);
  assert.deepEqual(
    left.value.transfers.map((t) => t.tid),
    ["13192461"],
  );
});

test("a mobile that is not one is refused before Eko is called, naming the field, never echoing the number", async () => {
  const practice = await practiceDesk();
  opened.push(practice);
  const { desk, calls } = practice;
  const before = calls.length;
  for (const [mobile, reason] of [
    ["", "empty"],
    ["61111a1111", "not-digits"],
    ["611111111", "not-10-digits"],
    ["+916111111111", "not-digits"],
    [TEST_SECRETS.customerMobiles.other, "bad-start"],
  ] as const) {
    const refused = await desk.services.pendingRefunds({ mobile });
    assert.deepEqual(refused, { ok: false, error: { kind: "invalid-input", field: "mobile", reason } }, mobile);
  }
  assert.equal(calls.length, before);
});

test("refund-desk pending <mobile> [--json]: the list with the mobile's last 4 only; a bad mobile is a usage error", async () => {
  const dataDir = tempDataDir("pending-cli");
  const run = async (args: string[]) => {
    const io = cliIo();
    const code = await runCli(["refund-desk", ...args], io, {
      fetch,
      keyStore: memoryKeyStore(),
      dataDir,
      machinePolicyPath: null,
    });
    return { code, out: io.out(), err: io.err() };
  };
  const words = await run(["pending", TEST_SECRETS.customerMobiles.withPending]);
  assert.equal(words.code, EXIT.ok, words.err);
  assert.match(
    words.out,
    /^Transfers waiting for a refund \(mobile ending 1111\) \(Practice\):\n13192460 +₹2,500\.00 +4 Nov 2025, 4:20:05 pm IST/,
  );
  assert.match(words.out, /13192461 .*Meena Kumari, account ending 7766/);
  const json = await run(["pending", TEST_SECRETS.customerMobiles.withNone, "--json"]);
  assert.equal(json.code, EXIT.ok, json.err);
  const reply = JSON.parse(json.out) as { ok: true; value: { mobileLast4: string; transfers: unknown[] } };
  assert.deepEqual([reply.value.mobileLast4, reply.value.transfers], ["2345", []]);
  for (const out of [words.out, words.err, json.out, json.err])
    assert.ok(
      !out.includes(TEST_SECRETS.customerMobiles.withPending) && !out.includes(TEST_SECRETS.customerMobiles.withNone),
    );
  const bad = await run(["pending", "12345"]);
  assert.equal(bad.code, EXIT.usage);
  assert.equal((await run(["pending"])).code, EXIT.usage);
});
