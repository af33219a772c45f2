import type { DeskPolicy, Policy } from "../../app/policy";
import { readAdminPinHash } from "../admin/admin-pin-file";
import { readCounterFile, type CounterState } from "./counter-file";
import { loadMachinePolicy, type MachinePolicy } from "./machine-policy";

export interface PolicyInForce {
  desk: DeskPolicy;
  /** The machine-wide policy whose settings go over the user's; null when none applies. */
  overlay: Policy | null;
  /** The admin PIN's hash from the same source as the rest, or null. */
  pinHash: string | null;
}

/**
 * A valid machine-wide policy wins as a whole (counter name, kiosk, lock, PIN and settings);
 * otherwise what was provisioned into the data folder applies; otherwise nothing.
 */
export function resolveDeskPolicy(machine: MachinePolicy, provisioned: CounterState | null, provisionedPinHash: string | null): PolicyInForce {
  if (machine.state === "applied") {
    const { policy, pin } = machine.valid;
    const pinHash = pin && "hash" in pin ? pin.hash : null;
    return {
      desk: { source: "machine", counterName: policy.counterName, kioskMode: policy.kioskMode, settingsLocked: policy.settingsLocked, adminPinSet: pinHash !== null, problem: null },
      overlay: policy,
      pinHash,
    };
  }
  const problem = machine.state === "ignored" ? machine.problem : null;
  if (!provisioned) {
    return { desk: { source: "none", counterName: null, kioskMode: false, settingsLocked: false, adminPinSet: false, problem }, overlay: null, pinHash: null };
  }
  return {
    desk: { source: "provisioned", ...provisioned, adminPinSet: provisionedPinHash !== null, problem },
    overlay: null,
    pinHash: provisionedPinHash,
  };
}

export function loadPolicyInForce(dataDir: string, machinePolicyPath: string | null): PolicyInForce {
  return resolveDeskPolicy(loadMachinePolicy(machinePolicyPath), readCounterFile(dataDir), readAdminPinHash(dataDir));
}
