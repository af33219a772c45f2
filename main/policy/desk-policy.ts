/**
 * The policy in force. Authority comes only from what the OS's administrator boundary protects:
 * the machine policy (HKLM, managed preferences, an admin-owned policy.json). What the agent's own
 * account can write (its keychain entries, its data folder) may make the counter stricter, never
 * looser: a damaged keychain record never switches a machine policy off, and a machine policy
 * that cannot be read or trusted locks the counter down rather than falling back to those.
 */
import type { DeskNotice, DeskPolicy, Policy, PolicyProblem } from "../../app/policy";
import { readAdminPinHash } from "../admin/admin-pin-file";
import type { CounterLockStore, LockRecord } from "../admin/counter-lock";
import { readCounterFile, type CounterState } from "./counter-file";
import {
  loadMachinePolicyFile,
  readMachinePolicy,
  type MachinePolicy,
  type MachinePolicyOptions,
} from "./machine-policy";
import type { SettingsSource } from "./settings-in-force";
import type { PosixTrustDeps } from "./sources/posix-trust";

export interface PolicyInForce {
  desk: DeskPolicy;
  /** Where each setting comes from: the user's file, a policy over it, or the policy alone. */
  settings: SettingsSource;
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
 * The keychain's lock record as read: a record, none, junk, or a keychain that did not answer;
 * "not-kept" where no record is kept at all (development and tests, loadPolicyInForce).
 */
export type LockRead =
  | { state: "found"; record: LockRecord }
  | { state: "none" }
  | { state: "not-kept" }
  | { state: "damaged" }
  | { state: "unreadable" };

const LOCK_RECORD_DAMAGED: PolicyProblem = {
  path: "keychain",
  errors: [{ kind: "invalid-input", field: "file", reason: "lock-record-damaged" }],
};

/** A locked policy's settings are the policy's or the defaults; an open one's go over the user's. */
function settingsUnder(policy: Policy): SettingsSource {
  return policy.settingsLocked ? { from: "policy", policy } : { from: "user-under-policy", policy };
}

/** Nothing goes to Eko, the settings are the defaults and locked, the window is a kiosk without a PIN. */
function lockedDown(problem: PolicyProblem, lock: LockRecord | null, notices: DeskNotice[]): PolicyInForce {
  return {
    desk: {
      source: "none",
      counterName: null,
      kioskMode: true,
      settingsLocked: true,
      adminPinSet: false,
      problem,
      notices,
    },
    settings: { from: "policy", policy: null },
    pinHash: null,
    lock,
    origin: null,
  };
}

export function resolveDeskPolicy(
  machine: MachinePolicy,
  lockRead: LockRead,
  dataFolder: DataFolderLock,
): PolicyInForce {
  const lock = lockRead.state === "found" ? lockRead.record : null;
  const notices: DeskNotice[] = [];
  if (lockRead.state === "damaged") notices.push("lock-record-damaged");
  if (lockRead.state === "unreadable") notices.push("lock-record-unreadable");

  if (machine.state === "applied") {
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
        notices,
      },
      settings: settingsUnder(policy),
      pinHash,
      lock,
      origin: machine.path,
    };
  }
  if (machine.state === "failed") return lockedDown(machine.problem, lock, notices);
  // Junk where the lock record was is tampering: lock down until an administrator provisions again.
  if (lockRead.state === "damaged") return lockedDown(LOCK_RECORD_DAMAGED, null, notices);

  const provisioned = lock?.provisioned ?? null;
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
        notices: [...notices, "provisioned-lock-only"],
      },
      // An open provisioned counter runs on the user's settings, as provisioning wrote them there.
      settings: policy.settingsLocked ? { from: "policy", policy } : { from: "user" },
      pinHash,
      lock,
      origin: null,
    };
  }
  if (dataFolder.counter) {
    // Older provisioning kept its lock in the data folder only: it can only add a lock there.
    const missing: DeskNotice[] = lockRead.state === "none" ? ["lock-record-missing"] : [];
    return {
      desk: {
        source: "provisioned",
        ...dataFolder.counter,
        adminPinSet: dataFolder.pinHash !== null,
        problem: null,
        notices: [...notices, ...missing, "provisioned-lock-only"],
      },
      settings: { from: "user" },
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
      notices,
    },
    settings: { from: "user" },
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
  return resolveDeskPolicy(
    loadMachinePolicyFile(machinePolicyPath, trust),
    { state: "not-kept" },
    readDataFolderLock(dataDir),
  );
}

export interface PolicyLoadDeps extends MachinePolicyOptions {
  dataDir: string;
  lockStore: CounterLockStore;
}

/** Every machine source and the keychain's record; nothing is written back. */
export async function readPolicyInForce(deps: PolicyLoadDeps): Promise<PolicyInForce> {
  const machine = await readMachinePolicy(deps);
  const stored = await deps.lockStore.read();
  const lockRead: LockRead = stored.ok
    ? stored.value
      ? { state: "found", record: stored.value }
      : { state: "none" }
    : stored.error.kind === "internal"
      ? { state: "damaged" }
      : { state: "unreadable" };
  return resolveDeskPolicy(machine, lockRead, readDataFolderLock(deps.dataDir));
}
