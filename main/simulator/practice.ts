import { PRACTICE_CREDENTIALS } from "./practice-credentials";
import { startSimulator, type Simulator } from "./simulator";

/**
 * The Practice environment: the built-in simulator on loopback, started the first time Practice
 * is used, so a fresh install works with no keys and no network.
 */
export interface Practice {
  baseUrl(): Promise<string>;
  close(): Promise<void>;
}

export function createPractice(
  start: () => Promise<Simulator> = () => startSimulator({ accounts: [PRACTICE_CREDENTIALS] }),
): Practice {
  let running: Promise<Simulator> | null = null;
  return {
    async baseUrl() {
      running ??= start().catch((error: unknown) => {
        running = null;
        throw error;
      });
      return (await running).baseUrl;
    },
    async close() {
      if (running) await (await running).close();
      running = null;
    },
  };
}
