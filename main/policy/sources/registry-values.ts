/**
 * Windows policy values as policy fields. Group Policy (ADMX) and Intune write under
 * HKLM\SOFTWARE\Policies, which only administrators may change.
 */
import { policyField } from "../../../app/setting-fields";
import type { RegValue } from "./windows-registry";

export const POLICY_KEY = "HKLM\\SOFTWARE\\Policies\\Refund Desk";

const DWORD = /^\d{1,10}$/;
const DWORD_MAX = 0xffff_ffff;

/**
 * REG_DWORD (read as an unsigned decimal) becomes a boolean or a number as the field wants;
 * REG_SZ and REG_EXPAND_SZ stay text (never expanded). A value of another type, or a DWORD that
 * is not one, is passed on as its type, so the schema refuses it.
 */
export function registryPolicyValues(values: Map<string, RegValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of values) {
    const kind = policyField(name)?.kind.type;
    const number = value.type === "REG_DWORD" && DWORD.test(value.data) ? Number(value.data) : Number.NaN;
    if (number <= DWORD_MAX) {
      out[name] = kind === "boolean" ? (number === 0 ? false : number === 1 ? true : number) : number;
    } else if (value.type === "REG_SZ" || value.type === "REG_EXPAND_SZ") {
      out[name] = value.data;
    } else {
      out[name] = { registryType: value.type };
    }
  }
  return out;
}
