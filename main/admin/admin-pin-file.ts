import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePinHash } from "./pin-hash";

/** The provisioned admin PIN's hash, in the data folder (the machine-wide policy can carry its own). */
export const ADMIN_PIN_FILE = "admin-pin.json";

export function adminPinPath(dataDir: string): string {
  return join(dataDir, ADMIN_PIN_FILE);
}

export function adminPinText(pinHash: string): string {
  return `${JSON.stringify({ pinHash }, null, 2)}\n`;
}

/** The stored hash, or null when there is none or it is not a hash this app can check. */
export function readAdminPinHash(dataDir: string): string | null {
  try {
    const stored = (JSON.parse(readFileSync(adminPinPath(dataDir), "utf8")) as { pinHash?: unknown }).pinHash;
    return typeof stored === "string" && parsePinHash(stored) ? stored : null;
  } catch {
    return null;
  }
}
