import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createJournal } from "../journal/journal";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { tempDataDir } from "../test-support/temp-dir";
import { EXIT, runCli } from "./cli";
import { localDayStart } from "../journal/journal-range";

// Days on the command line are this computer's days: run these as a counter PC in India would.
process.env.TZ = "Asia/Kolkata";

function withJournal() {
  const dataDir = tempDataDir("journal-export");
  const journal = createJournal(dataDir, "Counter 9");
  // 2026-03-04 23:59 and 2026-03-05 00:30 in India, either side of midnight.
  journal.append({
    at: "2026-03-04T18:29:00.000Z",
    tid: "100",
    environment: "uat",
    outcome: "otp-sent",
    otpRefTail: "aaaaaa",
  });
  journal.append({
    at: "2026-03-04T19:00:00.000Z",
    tid: "101",
    environment: "uat",
    outcome: "otp-sent",
    ekoStatus: 0,
    responseTypeId: 2133,
    otpRefTail: "bbbbbb",
  });
  journal.append({
    at: "2026-03-06T18:29:59.000Z",
    tid: "102",
    environment: "uat",
    outcome: "unknown-tid",
    ekoStatus: 168,
  });
  journal.append({ at: "2026-03-06T18:30:00.000Z", tid: "103", environment: "uat", outcome: "timeout" });
  const run = async (args: string[]) => {
    const io = cliIo();
    const code = await runCli(["refund-desk", ...args], io, { fetch, keyStore: memoryKeyStore(), dataDir });
    return { code, out: io.out(), err: io.err() };
  };
  return { run, dataDir };
}

test("export to standard output: the days given, inclusive, on this computer's calendar", async () => {
  const { run } = withJournal();
  const result = await run(["journal", "export", "--from", "2026-03-05", "--to", "2026-03-06"]);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.equal(
    result.out,
    "time,counter,environment,tid,outcome,eko status,response type id,otp ref tail,refunded amount,fee,refund id,transfer amount,chain\r\n" +
      "2026-03-05T00:30:00+05:30,Counter 9,uat,101,otp-sent,0,2133,bbbbbb,,,,,ok\r\n" +
      "2026-03-06T23:59:59+05:30,Counter 9,uat,102,unknown-tid,168,,,,,,,ok\r\n",
  );
  assert.match(result.err, /^2 request\(s\) exported\n$/);
});

test("export to a file with a JSON report; a single day works", async () => {
  const { run, dataDir } = withJournal();
  const out = join(dataDir, "march-4.csv");
  const result = await run(["journal", "export", "--from", "2026-03-04", "--to", "2026-03-04", "--out", out, "--json"]);
  assert.equal(result.code, EXIT.ok, result.err);
  assert.deepEqual(JSON.parse(result.out), { ok: true, value: { rows: 1, skipped: 0, out } });
  assert.match(
    readFileSync(out, "utf8"),
    /\r\n2026-03-04T23:59:00\+05:30,Counter 9,uat,100,otp-sent,,,aaaaaa,,,,,ok\r\n$/,
  );
});

test("bad dates, a reversed range, --json without --out and unknown words are usage errors", async () => {
  const { run } = withJournal();
  for (const args of [
    ["journal", "export", "--from", "2026-02-30", "--to", "2026-03-01"],
    ["journal", "export", "--from", "5/3/2026", "--to", "2026-03-06"],
    ["journal", "export", "--from", "2026-03-06", "--to", "2026-03-05"],
    ["journal", "export", "--from", "2026-03-05"],
    ["journal", "export", "--from", "2026-03-05", "--to", "2026-03-06", "--json"],
    ["journal", "import", "--from", "2026-03-05", "--to", "2026-03-06"],
    ["journal"],
  ]) {
    const result = await run(args);
    assert.equal(result.code, EXIT.usage, args.join(" "));
    assert.equal(result.out.startsWith("time,"), false);
  }
});

test("a day is local midnight to local midnight; impossible dates are refused", () => {
  assert.equal(localDayStart("2026-03-05"), Date.parse("2026-03-04T18:30:00.000Z"));
  assert.equal(localDayStart("2028-02-29"), Date.parse("2028-02-28T18:30:00.000Z"));
  for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-3-5", "", "today"])
    assert.equal(localDayStart(bad), null, bad);
});
