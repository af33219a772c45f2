/**
 * 5. Throughput under burst: 200 tids requested by 20 concurrent callers through the main
 * services. Every request must be answered, no tid may reach the simulator twice, and the main
 * process's memory is read before and after (after a forced GC, when node runs with --expose-gc).
 */
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { startSimulator } from "../main/simulator/simulator";
import { createRefundDesk } from "../main/refund-desk";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { tempDataDir } from "../main/test-support/temp-dir";
import { round } from "./stats";

const gc = (globalThis as { gc?: () => void }).gc;

function memory() {
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: round(rss / 2 ** 20, 1), heapUsedMiB: round(heapUsed / 2 ** 20, 1) };
}

export async function measureBurst(options: { tids: number; callers: number }) {
  const simulator = await startSimulator({
    accounts: [PRACTICE_CREDENTIALS],
    scenarioFor: () => ({ type: "otp-sent" }),
    // Every request of the burst, to count duplicates.
    keepRequests: options.tids * 2,
  });
  const desk = createRefundDesk({
    fetch,
    keyStore: memoryKeyStore(),
    dataDir: tempDataDir("bench-burst"),
    appOrigin: "bench:",
  });
  await desk.services.updateSettings({
    environment: "custom",
    customBaseUrl: simulator.baseUrl,
    developerKey: PRACTICE_CREDENTIALS.developerKey,
    initiatorId: PRACTICE_CREDENTIALS.initiatorId,
  });
  // Stored after the settings: a key signs only for the base URL it was stored for.
  await desk.services.setAccessKey({ accessKey: PRACTICE_CREDENTIALS.accessKey });
  const before = memory();
  const queue = Array.from({ length: options.tids }, (_, i) => String(50_000_000 + i));
  const answered: string[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.callers }, async () => {
      for (let tid = queue.shift(); tid !== undefined; tid = queue.shift()) {
        const result = await desk.services.requestRefundOtp({ tid });
        if (result.ok) answered.push(tid);
        else failures.push(`${tid}:${result.error.kind}`);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const after = memory();
  const seen = simulator.requests.filter((r) => r.outcome === "accepted").map((r) => r.path);
  await desk.close();
  await simulator.close();
  return {
    tids: options.tids,
    callers: options.callers,
    answered: answered.length,
    failures,
    duplicatesAtServer: seen.length - new Set(seen).size,
    requestsAtServer: seen.length,
    elapsedMs: round(elapsedMs, 1),
    requestsPerSecond: round((answered.length / elapsedMs) * 1000, 1),
    memoryBefore: before,
    memoryAfter: after,
    gcForced: Boolean(gc),
  };
}
