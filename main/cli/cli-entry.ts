import { createKeytarKeyStore } from "../keychain/key-store";
import { defaultDataDir, resolveDataDir } from "../fs/data-dir";
import { machinePolicyPath } from "../policy/machine-policy";
import { runCli } from "./cli";
import { EXIT } from "./exit-codes";

/** `npx refund-desk …` under plain Node: the global fetch and the same services as the app. */
export function runFromProcess(): void {
  runCli(["refund-desk", ...process.argv.slice(2)], process, {
    fetch: globalThis.fetch,
    keyStore: createKeytarKeyStore(),
    dataDir: resolveDataDir(process.env, defaultDataDir()),
    machinePolicyPath: machinePolicyPath(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`refund-desk: unexpected failure (${error instanceof Error ? error.name : "unknown"})\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
