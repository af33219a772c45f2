/**
 * The customer's OTP goes to Eko and nowhere else: after a run of every refund outcome, through the
 * services and the CLI, no file in the data folder, no journal line, no returned value or error,
 * and nothing written to stdout, stderr or the console holds it. The simulator's own record of the
 * requests is left out of the search: it plays Eko, where the OTP belongs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../cli/cli";
import { capturingOutput } from "../test-support/capture-output";
import { cliIo } from "../test-support/cli-io";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { practiceDesk } from "../test-support/practice-desk";
import { tempDataDir } from "../test-support/temp-dir";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** Eight digits, so no timestamp, id or amount of the run contains them by chance. */
const OTP = TEST_SECRETS.otps.neverKept;
const WRONG_OTPS = ["48261937", "59372048"];
const TYPO = "7391524x";

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the customer's OTP is in no file, journal line, returned value, error or output", async () => {
  const { desk, dataDir, simulator } = await practiceDesk({ otp: OTP });
  const cliDir = tempDataDir("cli-otp");
  const returned: unknown[] = [];
  const keep = <T>(value: T) => {
    returned.push(value);
    return value;
  };
  const otpRef = async (tid: string) => {
    const sent = keep(await desk.services.requestRefundOtp({ tid }));
    assert.ok(sent.ok);
    return sent.value.otpRefId;
  };

  const { output } = await capturingOutput(async () => {
    try {
      keep(await desk.refundFlow.inquire({ tid: "13192443" }));
      const ref = await otpRef("13192443");
      for (const wrong of WRONG_OTPS)
        keep(await desk.refundFlow.refund({ tid: "13192443", otp: wrong, otpRefId: ref }));
      keep(await desk.refundFlow.refund({ tid: "13192443", otp: TYPO, otpRefId: ref }));
      keep(await desk.refundFlow.refund({ tid: "13192443", otp: OTP, otpRefId: ref }));
      keep(await desk.refundFlow.refund({ tid: "13192453", otp: OTP, otpRefId: await otpRef("13192453") }));
      keep(await desk.refundFlow.refund({ tid: "13192456", otp: OTP, otpRefId: await otpRef("13192456") }));
      keep(await desk.refundFlow.refund({ tid: "13192455", otp: OTP, otpRefId: await otpRef("13192455") }));
      keep(await desk.refundFlow.refund({ tid: "13192454", otp: OTP, otpRefId: await otpRef("13192454") }));
      keep(await desk.services.getSession({}));
    } finally {
      await desk.close();
    }
    // The CLI, as support would run it, in text and JSON, right and wrong.
    for (const [otp, json] of [
      [OTP, false],
      [WRONG_OTPS[0], true],
      [TYPO, false],
    ] as const) {
      const io = cliIo(`${otp}\n`);
      keep(
        await runCli(["refund-desk", "refund", "13192443", "--otp-ref", "some-ref", ...(json ? ["--json"] : [])], io, {
          fetch,
          keyStore: memoryKeyStore(),
          dataDir: cliDir,
          machinePolicyPath: null,
        }),
      );
      returned.push(io.out(), io.err());
    }
  });

  // The OTP did travel: Eko (the simulator) received it, as an integer.
  assert.ok(
    simulator.requests.some((r) => r.body.includes(`"otp":${OTP}`)),
    "the search would prove nothing if the OTP never went out",
  );

  const files = [...filesUnder(dataDir), ...filesUnder(cliDir)];
  assert.ok(
    files.some((f) => f.startsWith(join(dataDir, "journal"))) &&
      files.some((f) => f.startsWith(join(cliDir, "journal"))),
    "no journal was written",
  );
  const haystacks: [string, string][] = [
    ...files.map((f): [string, string] => [f, readFileSync(f, "utf8")]),
    ["returned values", JSON.stringify(returned)],
    ["stdout, stderr and console", output],
  ];
  for (const secret of [OTP, ...WRONG_OTPS, TYPO]) {
    for (const form of [secret, Buffer.from(secret).toString("base64")]) {
      for (const [where, text] of haystacks) assert.ok(!text.includes(form), `the OTP ${form} is in ${where}`);
    }
  }
});
