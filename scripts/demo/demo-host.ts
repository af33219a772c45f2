import { join } from "node:path";
import { startTestHost, type TestHost } from "../../e2e/host/test-host";
import { resolveDataDir } from "../../main/fs/data-dir";
import { launchOverrides } from "../../main/launch/launch-overrides";
import { machinePolicyPath } from "../../main/policy/machine-policy";
import { demoRefusal, keepPractice } from "./practice-only";

/**
 * The demo's host (the e2e test host in demo mode, Practice only) on a throwaway data folder, or
 * why it may not start. `npm run demo` and the dev loop (`npm run dev`) both open the window on it.
 */
export async function startDemoHost(
  throwaway: string,
  rendererRoot?: string,
): Promise<{ ok: true; host: TestHost } | { ok: false; refusal: string }> {
  // REFUND_DESK_HOME, when set, is honoured as everywhere else; by default nothing outlives the run.
  const overrides = launchOverrides(process.env, false);
  const host = await startTestHost({
    dataDir: resolveDataDir(overrides.dataDir, join(throwaway, "data")),
    demo: true,
    intercept: keepPractice,
    machinePolicyPath: overrides.policyPath ?? machinePolicyPath(process.env, process.platform),
    ...(rendererRoot ? { rendererRoot } : {}),
  });
  const refusal = demoRefusal(host.desk.settings.current(), host.desk.policy);
  if (!refusal) return { ok: true, host };
  await host.close();
  return { ok: false, refusal };
}
