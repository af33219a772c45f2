/**
 * 1. Request-path overhead: the main-process OTP request (validation, key read, signing, fetch,
 * parse, error mapping, journal) against a bare fetch of the same request to the same simulator.
 * Rounds alternate the two so drift on the machine hits both alike.
 */
import { PRACTICE_CREDENTIALS } from "../main/simulator/practice-credentials";
import { startSimulator } from "../main/simulator/simulator";
import { createRefundDesk } from "../main/refund-desk";
import { createKeytarKeyStore } from "../main/keychain/key-store";
import { memoryKeyStore } from "../main/test-support/memory-key-store";
import { tempDataDir } from "../main/test-support/temp-dir";
import { bareOtpRequest } from "./bare-request";
import { percentile, round, summary } from "./stats";

const TID = "13192443";

export async function measureRequestPath(options: { requests: number; rounds: number; warmup: number }) {
  const simulator = await startSimulator({
    accounts: [PRACTICE_CREDENTIALS],
    scenarioFor: () => ({ type: "otp-sent" }),
  });
  const keyStore = memoryKeyStore();
  const desk = createRefundDesk({ fetch, keyStore, dataDir: tempDataDir("bench"), appOrigin: "bench:" });
  await desk.services.updateSettings({
    environment: "custom",
    customBaseUrl: simulator.baseUrl,
    developerKey: PRACTICE_CREDENTIALS.developerKey,
    initiatorId: PRACTICE_CREDENTIALS.initiatorId,
    resendCooldownMs: 0,
  });
  // Stored after the settings: a key signs only for the base URL it was stored for.
  await desk.services.setAccessKey({ accessKey: PRACTICE_CREDENTIALS.accessKey });
  const bare = bareOtpRequest(simulator.baseUrl, TID);

  async function app(): Promise<number> {
    const started = performance.now();
    const result = await desk.services.requestRefundOtp({ tid: TID });
    if (!result.ok) throw new Error(`app request failed: ${result.error.kind}`);
    return performance.now() - started;
  }

  for (let i = 0; i < options.warmup; i++) {
    await bare();
    await app();
  }
  const perRound: Array<{ bareP50: number; appP50: number; bareP99: number; appP99: number }> = [];
  const allBare: number[] = [];
  const allApp: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const bareTimes: number[] = [];
    const appTimes: number[] = [];
    for (let i = 0; i < options.requests / options.rounds; i++) {
      bareTimes.push(await bare());
      appTimes.push(await app());
    }
    allBare.push(...bareTimes);
    allApp.push(...appTimes);
    perRound.push({
      bareP50: percentile(bareTimes, 50),
      appP50: percentile(appTimes, 50),
      bareP99: percentile(bareTimes, 99),
      appP99: percentile(appTimes, 99),
    });
  }
  await desk.close();
  await simulator.close();

  const keychain = await measureKeychainRead(50);
  const p50 = { bare: percentile(allBare, 50), app: percentile(allApp, 50) };
  const p99 = { bare: percentile(allBare, 99), app: percentile(allApp, 99) };
  return {
    requestsEach: allApp.length,
    p50Ms: { bare: round(p50.bare), app: round(p50.app) },
    p99Ms: { bare: round(p99.bare), app: round(p99.app) },
    ratioP50: round(p50.app / p50.bare),
    ratioP99: round(p99.app / p99.bare),
    ratioP50PerRound: summary(perRound.map((r) => r.appP50 / r.bareP50)),
    keychainReadMs: keychain,
  };
}

/** The first read of each run goes to the OS keychain; it is reported apart from the cached path. */
async function measureKeychainRead(reads: number) {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS && process.platform === "linux")
    return { skipped: "no Secret Service session bus (run npm run bench, which starts one)" };
  const store = createKeytarKeyStore(undefined, "Refund Desk (benchmark)");
  const written = await store.set("benchmark-only-not-a-real-key");
  if (!written.ok) return { skipped: `keychain unavailable: ${written.error.kind}` };
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const started = performance.now();
    await store.get();
    times.push(performance.now() - started);
  }
  await store.remove();
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), reads };
}
