import { createPractice } from "../simulator/practice";
import { createRefundDesk } from "../refund-desk";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator, type SimulatorOptions } from "../simulator/simulator";
import { TEST_ORIGIN } from "./desk";
import { memoryKeyStore } from "./memory-key-store";
import { tempDataDir } from "./temp-dir";

/**
 * A desk in Practice on its own simulator (fresh ledger), with every request's method and URL
 * recorded and the refund flow's waits skipped. Timeouts are the shortest the settings allow.
 */
export async function practiceDesk(simulator: Partial<SimulatorOptions> = {}) {
  const sim = await startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0, ...simulator });
  const calls: { method: string; url: string }[] = [];
  const recording: typeof fetch = (input, init) => {
    calls.push({ method: init?.method ?? "GET", url: input instanceof Request ? input.url : input.toString() });
    return fetch(input, init);
  };
  const dataDir = tempDataDir("refund");
  const desk = createRefundDesk({
    fetch: recording,
    keyStore: memoryKeyStore(),
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: null,
    practice: createPractice(async () => sim),
    sleep: async () => undefined,
  });
  const set = await desk.services.updateSettings({ timeoutMs: 1_000, resendCooldownMs: 0 });
  if (!set.ok) throw new Error(`settings refused: ${set.error.kind}`);
  return { desk, simulator: sim, calls, dataDir };
}
