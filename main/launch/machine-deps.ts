import { createHash } from "node:crypto";
import { createCounterLockStore, type CounterLockStore } from "../admin/counter-lock";
import { isElevated } from "../admin/elevation";
import { createKeytarKeyStore, KEYCHAIN_SERVICE, type KeyStore } from "../keychain/key-store";
import { developmentTrust, type MachinePolicyOptions } from "../policy/machine-policy";
import { runTool } from "../policy/sources/run-tool";
import { createOsLog, type OsLog } from "../journal/os-log/os-log";
import { osLogWriter, osLogWriterShortfall } from "../journal/os-log/platform-os-log";
import { witnessAccount } from "../journal/os-log/witness-account";
import type { LaunchOverrides } from "./launch-overrides";

/** What the desk needs from this machine beyond the data folder: policy sources, keychain records, elevation. */
export interface MachineDeps {
  policy: MachinePolicyOptions;
  lockStore: CounterLockStore;
  /** The wrong-PIN count and wait, kept in the keychain besides the data folder. */
  attemptsSlot: KeyStore;
  isElevated: () => Promise<boolean>;
  launch: LaunchOverrides;
  /** The journal's witness in the OS log; absent where none is written. */
  osLog?: OsLog;
  /** Whose journal this data folder's is, in the OS log (witness-account.ts). */
  witnessAccount: string;
}

const LOCK_ACCOUNT = "counter-lock";
const ATTEMPTS_ACCOUNT = "admin-pin-attempts";

/**
 * The real machine. In development a data folder of one's own (REFUND_DESK_HOME) gets keychain
 * records of its own too, so test runs do not share one lock; packaged, there is one per account.
 * `resources` is the packaged app's resources folder (its macOS OS-log writer is there), null in a checkout.
 */
export function realMachineDeps(launch: LaunchOverrides, dataDir: string, resources: string | null): MachineDeps {
  const suffix = launch.dataDir ? `:${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}` : "";
  const slot = (account: string) => createKeytarKeyStore(undefined, KEYCHAIN_SERVICE, `${account}${suffix}`);
  const uid = process.getuid?.();
  const place = { socket: launch.osLogSocket, resources };
  const writer = osLogWriter(process.platform, place);
  const shortfall = osLogWriterShortfall(process.platform, place);
  const account = witnessAccount(suffix);
  const osLog = writer ? createOsLog(writer, account) : null;
  return {
    policy: {
      platform: process.platform,
      run: runTool,
      overridePath: launch.policyPath,
      // A developer's own policy.json is trusted only while developing; packaged, root alone.
      posixTrust: launch.packaged ? { trustedUids: [0] } : developmentTrust(),
    },
    lockStore: createCounterLockStore(slot(LOCK_ACCOUNT)),
    attemptsSlot: slot(ATTEMPTS_ACCOUNT),
    isElevated: () =>
      isElevated({ platform: process.platform, run: runTool, ...(uid === undefined ? {} : { getuid: () => uid }) }),
    launch,
    ...(osLog ? { osLog: shortfall ? { ...osLog, problem: () => osLog.problem() ?? shortfall } : osLog } : {}),
    witnessAccount: account,
  };
}
