import type { DeskPolicy, Policy, PolicyProblem } from "../../app/policy";
import { readAdminPinHash } from "../admin/admin-pin-file";
import type { CounterLockStore, LockedPolicy, LockRecord } from "../admin/counter-lock";
import { readCounterFile, type CounterState } from "./counter-file";
import {
  loadMachinePolicyFile,
  readMachinePolicy,
  type MachinePolicy,
  type MachinePolicyOptions,
} from "./machine-policy";
import type { PosixTrustDeps } from "./sources/posix-trust";

export interface PolicyInForce {
  desk: DeskPolicy;
  /** The policy whose settings go over the user's; null when none applies. */
  overlay: Policy | null;
  /** The admin PIN's hash from the same source as the rest, or null. */
  pinHash: string | null;
  /** The keychain record as read (null: none, or the keychain could not be read). */
  lock: LockRecord | null;
  /** Where an applied machine policy came from (registry key, file path); null otherwise. */
  origin: string | null;
}

/** What the data folder says was provisioned (older provisioning, or a keychain that holds nothing). */
export interface DataFolderLock {
  counter: CounterState | null;
  pinHash: string | null;
}

/**
 * The policy in force. A valid machine-wide policy wins as a whole. A broken one fails closed:
 * the settings lock, kiosk mode and the settings in force stay as the last machine policy (or the
 * provisioned one) had them, and the problem is shown. Otherwise what was provisioned applies,
 * from the keychain's record before the data folder's copy; otherwise nothing.
 */
export function resolveDeskPolicy(
  machine: MachinePolicy,
  lock: LockRecord | null,
  dataFolder: DataFolderLock,
  lockProblem: PolicyProblem | null = null,
): PolicyInForce {
  const provisioned: LockedPolicy | null = lock?.provisioned ?? null;
  if (machine.state === "applied" && !lockProblem) {
    const { policy, pin } = machine.valid;
    const pinHash = pin && "hash" in pin ? pin.hash : null;
    return {
      desk: {
        source: "machine",
        counterName: policy.counterName,
        kioskMode: policy.kioskMode,
        settingsLocked: policy.settingsLocked,
        adminPinSet: pinHash !== null,
        problem: null,
      },
      overlay: policy,
      pinHash,
      lock,
      origin: machine.path,
    };
  }
  const problem = machine.state === "failed" ? machine.problem : lockProblem;
  if (problem) {
    const known = lock?.lastMachine ?? provisioned;
    const counter = known?.policy ?? dataFolder.counter;
    const pinHash = known ? known.pinHash : dataFolder.pinHash;
    return {
      desk: {
        source: lock?.lastMachine ? "machine" : known || dataFolder.counter ? "provisioned" : "none",
        counterName: counter?.counterName ?? null,
        kioskMode: counter?.kioskMode ?? false,
        settingsLocked: true,
        adminPinSet: pinHash !== null,
        problem,
      },
      overlay: known?.policy ?? null,
      pinHash,
      lock,
      origin: null,
    };
  }
  if (provisioned) {
    const { policy, pinHash } = provisioned;
    return {
      desk: {
        source: "provisioned",
        counterName: policy.counterName,
        kioskMode: policy.kioskMode,
        settingsLocked: policy.settingsLocked,
        adminPinSet: pinHash !== null,
        problem: null,
      },
      // A locked counter's settings are the provisioned ones, whatever settings.json says.
      overlay: policy.settingsLocked ? policy : null,
      pinHash,
      lock,
      origin: null,
    };
  }
  if (dataFolder.counter) {
    return {
      desk: { source: "provisioned", ...dataFolder.counter, adminPinSet: dataFolder.pinHash !== null, problem: null },
      overlay: null,
      pinHash: dataFolder.pinHash,
      lock,
      origin: null,
    };
  }
  return {
    desk: {
      source: "none",
      counterName: null,
      kioskMode: false,
      settingsLocked: false,
      adminPinSet: false,
      problem: null,
    },
    overlay: null,
    pinHash: null,
    lock,
    origin: null,
  };
}

function readDataFolderLock(dataDir: string): DataFolderLock {
  return { counter: readCounterFile(dataDir), pinHash: readAdminPinHash(dataDir) };
}

/** Development and tests: one JSON policy file, no keychain record. */
export function loadPolicyInForce(
  dataDir: string,
  machinePolicyPath: string | null,
  trust: PosixTrustDeps,
): PolicyInForce {
  return resolveDeskPolicy(loadMachinePolicyFile(machinePolicyPath, trust), null, readDataFolderLock(dataDir));
}

export interface PolicyLoadDeps extends MachinePolicyOptions {
  dataDir: string;
  lockStore: CounterLockStore;
}

/**
 * Every source and the keychain's record. A machine policy that applies is remembered in the
 * keychain as the last known one, so a later broken policy locks to it rather than to nothing.
 */
export async function readPolicyInForce(deps: PolicyLoadDeps): Promise<PolicyInForce> {
  const machine = await readMachinePolicy(deps);
  const stored = await deps.lockStore.read();
  const damaged: PolicyProblem | null =
    !stored.ok && stored.error.kind === "internal"
      ? { path: "keychain", errors: [{ kind: "invalid-input", field: "file", reason: "lock-record-damaged" }] }
      : null;
  const lock = stored.ok ? stored.value : null;
  const inForce = resolveDeskPolicy(machine, lock, readDataFolderLock(deps.dataDir), damaged);
  if (machine.state === "applied" && stored.ok) {
    const { policy, pin } = machine.valid;
    const lastMachine: LockedPolicy = { policy, pinHash: pin && "hash" in pin ? pin.hash : null };
    if (JSON.stringify(lock?.lastMachine ?? null) !== JSON.stringify(lastMachine)) {
      await deps.lockStore.write({ provisioned: lock?.provisioned ?? null, lastMachine });
    }
  }
  return inForce;
}
