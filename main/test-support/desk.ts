import type { OsLog } from "../journal/os-log/os-log";
import { createPractice } from "../simulator/practice";
import { createRefundDesk, type RefundDesk } from "../refund-desk";
import { PRACTICE_CREDENTIALS } from "../simulator/practice-credentials";
import { startSimulator } from "../simulator/simulator";
import { memoryKeyStore } from "./memory-key-store";
import { tempDataDir } from "./temp-dir";

export const TEST_ORIGIN = "http://127.0.0.1:1";
export const APP_PAGE = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };

/** A desk on a throwaway data folder, with a fetch that counts calls and a fast simulator. */
export function testDesk(
  options: {
    keyStore?: ReturnType<typeof memoryKeyStore>;
    dataDir?: string;
    machinePolicyPath?: string;
    osLog?: OsLog;
    /** This computer's clock (cooldowns, waits); the real one by default. */
    now?: () => number;
  } = {},
) {
  const calls: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  const keyStore = options.keyStore ?? memoryKeyStore();
  const dataDir = options.dataDir ?? tempDataDir("desk");
  const desk: RefundDesk = createRefundDesk({
    fetch: countingFetch,
    keyStore,
    dataDir,
    appOrigin: TEST_ORIGIN,
    machinePolicyPath: options.machinePolicyPath ?? null,
    ...(options.osLog ? { osLog: options.osLog } : {}),
    ...(options.now ? { now: options.now } : {}),
    practice: createPractice(() => startSimulator({ accounts: [PRACTICE_CREDENTIALS], delayScale: 0.05 })),
  });
  return { desk, calls, keyStore, dataDir };
}
