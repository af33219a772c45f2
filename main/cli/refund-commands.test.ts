import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES_DIR } from "../eko/conformance/eko-samples";
import { createJournal, JOURNAL_FOLDER } from "../journal/journal";
import { PRACTICE_OTP } from "../simulator/scenarios";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";
import { EXIT, runCli } from "./cli";

/** The CLI in Practice: each command starts its own simulator, as `npx refund-desk` would. */
function cli(dataDir = tempDataDir("cli-refund")) {
  const keyStore = memoryKeyStore();
  return async (args: string[], stdin = "") => {
    const io = cliIo(stdin);
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore, dataDir, machinePolicyPath: null });
    return { code, out: io.out(), err: io.err() };
  };
}

test("inquire --json: the transaction as the window gets it, the account masked", async () => {
  const run = cli();
  const result = await run(["inquire", "13192443", "--json"]);
  assert.equal(result.code, EXIT.ok, result.err);
  const reply = JSON.parse(result.out);
  assert.equal(reply.ok, true);
  assert.deepEqual(
    [reply.value.tid, reply.value.txStatus, reply.value.state, reply.value.recipientAccountLast4],
    ["13192443", 3, "refund-pending", "7890"],
  );
  assert.ok(!result.out.includes("50100234567890"));
});

test("inquire in words: the status and the next step", async () => {
  const run = cli();
  const pending = await run(["inquire", "13192443"]);
  assert.equal(pending.code, EXIT.ok);
  assert.match(pending.out, /^Transaction 13192443: The transfer failed and is waiting for a refund\n/);
  assert.match(pending.out, /\nStatus: +tx_status 3, Eko's words: "Refund Pending"\n/);
  assert.match(pending.out, /Sunita Devi, account ending 7890/);
  assert.match(pending.out, /\nAmount: +₹5,000\.00\nFee: +₹50\.00\n/);
  const refunded = await run(["inquire", "13192444"]);
  assert.match(refunded.out, /already been refunded/);
  const unknown = await run(["inquire", "13192445"]);
  assert.equal(unknown.code, EXIT.failed);
  assert.match(unknown.err, /unknown-tid/);
  assert.equal((await run(["inquire"])).code, EXIT.usage);
  assert.equal((await run(["inquire", "12ab"])).code, EXIT.usage);
});

test("otp, then refund with the OTP on standard input: a receipt, and the OTP is never printed", async () => {
  const run = cli();
  const otp = await run(["otp", "13192443", "--json"]);
  const ref = JSON.parse(otp.out).value.otpRefId as string;
  const refund = await run(["refund", "13192443", "--otp-ref", ref], `${PRACTICE_OTP}\n`);
  assert.equal(refund.code, EXIT.ok, refund.err);
  assert.match(refund.out, /^Refunded: transaction 13192443\n/);
  assert.match(refund.out, /\nRefunded amount: +₹5,000\.00\n/);
  assert.match(refund.out, /\nConfirmed by: +Eko's answer to the refund\.\n/);
  assert.ok(!`${refund.out}${refund.err}`.includes(PRACTICE_OTP));
});

test("refund --json: a wrong OTP exits 1 with the kind and the tries; a malformed one exits 2", async () => {
  const run = cli();
  const ref = JSON.parse((await run(["otp", "13192443", "--json"])).out).value.otpRefId as string;
  const wrong = await run(["refund", "--otp-ref", ref, "13192443", "--json"], TEST_SECRETS.otps.other);
  assert.equal(wrong.code, EXIT.failed);
  const body = JSON.parse(wrong.out);
  assert.deepEqual([body.ok, body.error.kind, body.error.tries], [false, "wrong-otp", 1]);
  assert.match(body.error.message, /OTP is wrong/);
  const malformed = await run(["refund", "13192443", "--otp-ref", ref, "--json"], "12-34\n");
  assert.equal(malformed.code, EXIT.usage);
  assert.deepEqual(JSON.parse(malformed.out).error, {
    kind: "invalid-input",
    field: "otp",
    reason: "not-digits",
    message: JSON.parse(malformed.out).error.message,
  });
  assert.ok(!`${wrong.out}${malformed.out}`.includes(TEST_SECRETS.otps.other));
});

test("the OTP is never taken from the command line, and a mistaken one is not echoed", async () => {
  const run = cli();
  for (const args of [
    ["refund", "13192443", "--otp-ref", "ref", "987123"],
    ["refund", "13192443", "987123"],
    ["refund", "13192443", "--otp", "987123", "--otp-ref", "ref"],
    ["refund"],
    ["refund", "13192443", "--otp-ref"],
  ]) {
    const result = await run(args, "987123\n");
    assert.equal(result.code, EXIT.usage, args.join(" "));
    assert.match(result.err, /standard input only/);
    assert.ok(!`${result.out}${result.err}`.includes("987123"), args.join(" "));
  }
});

test("config: user-code is 8 digits, shown by config show", async () => {
  const run = cli();
  const bad = await run(["config", "set", "user-code", "2081020", "--json"]);
  assert.equal(bad.code, EXIT.usage);
  assert.deepEqual(JSON.parse(bad.out).error.field, "userCode");
  assert.equal((await run(["config", "set", "user-code", "20810200"])).code, EXIT.ok);
  const shown = await run(["config", "show"]);
  assert.match(shown.out, /user-code: +20810200/);
  assert.equal(JSON.parse((await run(["config", "show", "--json"])).out).value.userCode, "20810200");
});
test("refund without --otp-ref: the OTP from the failure SMS, on standard input", async () => {
  const run = cli();
  const refund = await run(["refund", "13192457", "--json"], `${PRACTICE_OTP}\n`);
  assert.equal(refund.code, EXIT.ok, refund.err);
  const receipt = JSON.parse(refund.out).value;
  // The simulator answers this tid in Eko's QR refund shape: the refund's id is data.tid, no balance.
  assert.match(receipt.refundTid, /^\d+$/);
  assert.deepEqual([receipt.refundedAmount, receipt.balance], ["5000.00", null]);
  const text = await run(["refund", "13192443"], `${PRACTICE_OTP}\n`);
  assert.equal(text.code, EXIT.ok, text.err);
  assert.match(text.out, /\nYour balance now: +₹[\d,]+\.\d{2}\n/);
});

test("wrong OTP, expired OTP and low balance: the same CLI kinds with the code in status or in response_status_id", async () => {
  const run = cli();
  for (const [tid, otp, kind] of [
    ["13192454", TEST_SECRETS.otps.other, "wrong-otp"],
    ["13192457", TEST_SECRETS.otps.other, "wrong-otp"],
    ["13192455", PRACTICE_OTP, "otp-expired"],
    ["13192459", PRACTICE_OTP, "otp-expired"],
    ["13192454", PRACTICE_OTP, "insufficient-balance"],
    ["13192458", PRACTICE_OTP, "insufficient-balance"],
  ] as const) {
    const result = await run(["refund", tid, "--json"], `${otp}\n`);
    assert.equal(result.code, EXIT.failed, `${tid} ${result.out}`);
    assert.equal(JSON.parse(result.out).error.kind, kind, tid);
  }
});

test("refund --json against Eko's own refund sample: the refund id, the refunded amount and the balance, exactly", async () => {
  const sample = readFileSync(join(FIXTURES_DIR, "initiate-refund--success.json"), "utf8");
  // Eko's sample stands in for the simulator's answer to Initiate Refund; everything else is the simulator's.
  const ekoSample: typeof fetch = (input, init) =>
    init?.method === "POST" && typeof input === "string" && /\/customer\/payment\/refund\/13192443$/.test(input)
      ? Promise.resolve(new Response(sample, { status: 200, headers: { "content-type": "application/json" } }))
      : fetch(input, init);
  const io = cliIo(`${PRACTICE_OTP}\n`);
  const code = await runCli(["refund-desk", "refund", "13192443", "--json"], io, {
    fetch: ekoSample,
    keyStore: memoryKeyStore(),
    dataDir: tempDataDir("cli-sample"),
    machinePolicyPath: null,
  });
  assert.equal(code, EXIT.ok, io.err());
  const { value } = JSON.parse(io.out());
  assert.deepEqual(
    [value.refundTid, value.refundedAmount, value.fee, value.balance, value.refundedAt],
    ["2147591637", "5050.00", "50.00", "2222637312.86", "2018-10-30T12:00:14.058Z"],
  );
});

test("a refund by the CLI: its journal line carries the transfer's amount, time and account tail", async () => {
  const dataDir = tempDataDir("cli-refund-line");
  const refund = await cli(dataDir)(["refund", "13192443"], `${PRACTICE_OTP}\n`);
  assert.equal(refund.code, EXIT.ok, refund.err);
  const lines = (await createJournal(dataDir).read(Date.now() - 60_000, Date.now() + 60_000)).entries;
  const made = lines.find((line) => line.outcome === "refund:refunded");
  assert.deepEqual(made && [made.txAmount, typeof made.txTime, made.accountLast4], ["5000.00", "string", "7890"]);
});

test("otp, inquire and pending whose journal line cannot be written: exit 1, not-journaled, and an OTP sent is said", async () => {
  const dataDir = tempDataDir("cli-unjournaled");
  writeFileSync(join(dataDir, JOURNAL_FOLDER), "a file where the journal folder goes");
  const run = cli(dataDir);
  const otp = await run(["otp", "13192443"]);
  assert.equal(otp.code, EXIT.failed);
  assert.equal(otp.out, "");
  assert.match(
    otp.err,
    /The OTP was sent to the customer for transaction 13192443, but this computer could not record it/,
  );
  assert.match(otp.err, /Tell IT: the journal cannot be written/);
  for (const args of [
    ["inquire", "13192443", "--json"],
    ["pending", TEST_SECRETS.customerMobiles.withPending, "--json"],
  ]) {
    const refused = await run(args);
    assert.equal(refused.code, EXIT.failed, args[0]);
    const body = JSON.parse(refused.out);
    assert.deepEqual([body.ok, body.error.kind], [false, "not-journaled"], args[0]);
  }
});
