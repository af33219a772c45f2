/**
 * Windows policy values as `reg query` prints them, parsed. Group Policy (ADMX) and Intune write
 * under HKLM\SOFTWARE\Policies, which only administrators may change.
 */
import { policyField } from "../policy-fields";

export const POLICY_KEY = "HKLM\\SOFTWARE\\Policies\\Refund Desk";
const POLICY_KEY_PRINTED = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Refund Desk";

export interface RegValue {
  type: string;
  data: string;
}

/** `    name    REG_TYPE    data`: reg.exe separates the three columns with four spaces. */
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

/** The values printed under the first key in the output (subkeys and their values are not read). */
export function parseRegQuery(stdout: string): Map<string, RegValue> {
  const values = new Map<string, RegValue>();
  let inKey = false;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith("HKEY_")) {
      if (inKey) break;
      inKey = true;
      continue;
    }
    const match = inKey ? VALUE_LINE.exec(line) : null;
    if (match) values.set(match[1] as string, { type: match[2] as string, data: (match[3] ?? "").replace(/ +$/, "") });
  }
  return values;
}

/** Whether `reg query HKLM\SOFTWARE\Policies` lists our key among its subkeys (language-independent). */
export function listsPolicyKey(stdout: string): boolean {
  return stdout.split(/\r?\n/).some((line) => line.trim().toLowerCase() === POLICY_KEY_PRINTED.toLowerCase());
}

/**
 * Registry values as policy fields: REG_DWORD becomes a boolean or a number as the field wants;
 * REG_SZ stays text. A value of the wrong type is passed on as it is, so the schema refuses it.
 */
export function registryPolicyValues(values: Map<string, RegValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of values) {
    const kind = policyField(name)?.kind.type;
    if (value.type === "REG_DWORD" && /^0x[0-9a-f]{1,8}$/i.test(value.data)) {
      // parseInt with radix 16 takes the 0x prefix itself.
      const number = Number.parseInt(value.data, 16);
      out[name] = kind === "boolean" ? (number === 0 ? false : number === 1 ? true : number) : number;
    } else if (value.type === "REG_SZ" || value.type === "REG_EXPAND_SZ") {
      out[name] = value.data;
    } else {
      out[name] = { registryType: value.type };
    }
  }
  return out;
}
