import { createKeytarKeyStore, KEYCHAIN_SERVICE } from "../keychain/key-store";
import { TOKEN_PIN_ACCOUNT } from "../signer/token-pin";
import { defaultDataDir, resolveDataDir } from "../fs/data-dir";
import { launchOverrides } from "../launch/launch-overrides";
import { realMachineDeps } from "../launch/machine-deps";
import { runCli } from "./cli";
import { reportUnexpected } from "./unexpected";

/** `npx refund-desk …` under plain Node (a checkout, never the installed app): the same services as the app. */
export function runFromProcess(): void {
  const failed = (error: unknown) => {
    process.exitCode = reportUnexpected(error, process.stderr);
  };
  try {
    // A REFUND_DESK_HOME that is a file, or a folder that cannot be made, fails here: no stack trace.
    const launch = launchOverrides(process.env, false);
    const dataDir = resolveDataDir(launch.dataDir, defaultDataDir());
    runCli(["refund-desk", ...process.argv.slice(2)], process, {
      fetch: globalThis.fetch,
      keyStore: createKeytarKeyStore(),
      tokenPinStore: createKeytarKeyStore(undefined, KEYCHAIN_SERVICE, TOKEN_PIN_ACCOUNT),
      dataDir,
      machine: realMachineDeps(launch, dataDir, null),
      env: process.env,
    }).then((code) => {
      process.exitCode = code;
    }, failed);
  } catch (error) {
    failed(error);
  }
}
