/**
 * The soak run's main process, apart from the browser driver, so its heap is main's alone: the
 * e2e test host on Practice, whose simulator knows one refund-pending transfer per customer. Sends
 * its URL to the parent when ready; answers "memory" with its heap after a forced collection, and
 * how much of it is compiled code.
 */
import { getHeapSpaceStatistics } from "node:v8";
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { TRANSACTIONS, type TransactionSeed } from "../main/simulator/scenarios";
import { startSimulator } from "../main/simulator/simulator";
import { createPractice } from "../main/simulator/practice";
import { tempDataDir } from "../main/test-support/temp-dir";
import { startTestHost } from "../e2e/host/test-host";

export const SOAK_FIRST_TID = 70_000_000;

/** Practice's refund-pending transfer, once per customer: every customer is a new tid. */
const PENDING = TRANSACTIONS["13192443"] as TransactionSeed;

export type SoakHostMessage = { url: string } | { heapUsed: number; codeBytes: number };

/** V8's compiled code and bytecode, which grow while hot functions are compiled and then level off. */
const CODE_SPACES = /^(code|trusted)_/;

async function serve(customers: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || !process.send) throw new Error("fork this with --expose-gc (bench/soak.ts does)");
  const transactions: Record<string, TransactionSeed> = { ...TRANSACTIONS };
  for (let i = 0; i < customers; i++) transactions[String(SOAK_FIRST_TID + i)] = { ...PENDING };
  const simulator = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], transactions });
  const host = await startTestHost({ dataDir: tempDataDir("soak"), practice: createPractice(async () => simulator) });
  const reply = (message: SoakHostMessage) => process.send?.(message);
  process.on("message", (message) => {
    if (message === "memory") {
      // Twice: the first pass may only queue finalizers that free more on the second.
      gc();
      gc();
      const codeBytes = getHeapSpaceStatistics()
        .filter((space) => CODE_SPACES.test(space.space_name))
        .reduce((sum, space) => sum + space.space_used_size, 0);
      reply({ heapUsed: process.memoryUsage().heapUsed, codeBytes });
    }
  });
  process.on("disconnect", () => {
    void host.close().then(() => simulator.close());
  });
  reply({ url: host.url });
}

if (process.send) void serve(Number(process.argv[2]));
