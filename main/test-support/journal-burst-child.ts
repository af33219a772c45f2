/**
 * A child process for journal-durability.test.ts: a Practice desk on the data folder it is
 * given, asked for OTPs for many tids at once, printing "answered <tid>" as each answer comes
 * back, until the test kills it.
 */
import { createPractice } from "../simulator/practice";
import { createRefundDesk } from "../refund-desk";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator } from "../simulator/simulator";
import { TEST_ORIGIN } from "./desk";
import { memoryKeyStore } from "./memory-key-store";

const TIDS = 2_000;
const CALLERS = 8;

async function main(dataDir: string): Promise<void> {
  const desk = createRefundDesk({
    fetch,
    keyStore: memoryKeyStore(),
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: null,
    practice: createPractice(() => startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0 })),
  });
  let next = 0;
  async function caller(): Promise<void> {
    while (next < TIDS) {
      const tid = String(70_000_000 + next++);
      await desk.services.requestRefundOtp({ tid });
      process.stdout.write(`answered ${tid}\n`);
    }
  }
  await Promise.all(Array.from({ length: CALLERS }, caller));
  await desk.close();
}

void main(process.argv[2] ?? "");
