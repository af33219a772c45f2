/**
 * A second process of the same counter for counter-state.process.test.ts, on the data folder it
 * is given:
 *   lock <dataDir> <tid> <leaseMs>   takes the tid's lock, prints "locked", and holds it until killed
 *   mark <dataDir> <tid>             holds the tid as a refund awaiting its answer, prints "marked"
 *   otp <dataDir> <tid>              a Practice desk asks for the tid's OTP, prints the outcome
 *   pin <dataDir> <pinHash> <pin>    opens the PIN gate, prints "ready", and on a line of standard
 *                                    input checks the PIN and prints the outcome
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createPinGate } from "../admin/pin-gate";
import { openCounterState } from "../fs/counter-state";
import { createRefundDesk } from "../refund-desk";
import { createTidLocks } from "../refund/tid-locks";
import { createUnsettledRefunds } from "../refund/unsettled-refunds";
import { createPractice } from "../simulator/practice";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator } from "../simulator/simulator";
import { TEST_ORIGIN } from "./desk";
import { memoryKeyStore } from "./memory-key-store";

async function main([command, dataDir = "", tid = "", leaseMs = ""]: string[]): Promise<void> {
  if (command === "pin") {
    const [pinHash, pin] = [tid, leaseMs];
    const gate = createPinGate({ pinHash, dataDir, now: Date.now });
    process.stdout.write("ready\n");
    await once(createInterface({ input: process.stdin }), "line");
    const checked = await gate.check(pin);
    process.stdout.write(`${checked.ok ? "right" : checked.error.kind}\n`);
    process.exit(0);
  }
  if (command === "lock") {
    const lock = createTidLocks({ state: openCounterState(dataDir) }).acquire(tid, Number(leaseMs));
    process.stdout.write(lock.ok ? "locked\n" : `${lock.error.kind}\n`);
    // Held (and renewed) until the test kills this process.
    setInterval(() => undefined, 60_000);
  } else if (command === "mark") {
    process.stdout.write(createUnsettledRefunds(openCounterState(dataDir)).mark(tid) ? "marked\n" : "not marked\n");
  } else if (command === "otp") {
    const desk = createRefundDesk({
      fetch,
      keyStore: memoryKeyStore(),
      dataDir,
      appOrigin: TEST_ORIGIN,
      machinePolicyPath: null,
      practice: createPractice(() => startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0 })),
    });
    const sent = await desk.services.requestRefundOtp({ tid });
    process.stdout.write(`${sent.ok ? "otp-sent" : sent.error.kind}\n`);
    await desk.close();
  }
}

void main(process.argv.slice(2));
