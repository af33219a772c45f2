/**
 * Who owns a file or folder on Windows and who may change it, from its security descriptor in
 * SDDL (PowerShell's `(Get-Acl -LiteralPath …).Sddl`). SIDs, not account names, so the answer
 * does not depend on the Windows display language.
 */

/** SYSTEM, Administrators and TrustedInstaller: the accounts a policy may come from. */
const ADMIN_SIDS = new Set([
  "S-1-5-18",
  "S-1-5-32-544",
  "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464",
]);
const SID_ALIASES: Record<string, string> = {
  SY: "S-1-5-18",
  BA: "S-1-5-32-544",
  BU: "S-1-5-32-545",
  AU: "S-1-5-11",
  WD: "S-1-1-0",
  CO: "S-1-3-0",
  OW: "S-1-3-4",
  IU: "S-1-5-4",
  PU: "S-1-5-32-547",
  BG: "S-1-5-32-546",
  AN: "S-1-5-7",
  AC: "S-1-15-2-1",
  LA: "",
  LG: "",
};

/** Access-mask bits as SDDL's two-letter rights, including the file-specific ones. */
const RIGHTS: Record<string, number> = {
  GA: 0x10000000,
  GX: 0x20000000,
  GW: 0x40000000,
  GR: 0x80000000,
  SD: 0x10000,
  RC: 0x20000,
  WD: 0x40000,
  WO: 0x80000,
  FA: 0x1f01ff,
  FR: 0x120089,
  FW: 0x120116,
  FX: 0x1200a0,
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  RP: 0x10,
  WP: 0x20,
  DT: 0x40,
  LO: 0x80,
  CR: 0x100,
  KA: 0xf003f,
  KR: 0x20019,
  KW: 0x20006,
  KX: 0x20019,
};
/**
 * What lets an account change the file or what the folder holds: write/append data (add file,
 * add folder), extended attributes, delete child, attributes, delete, change permissions or owner,
 * and the generic write and all.
 */
const WRITE_BITS = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x10000 | 0x40000 | 0x80000 | 0x40000000 | 0x10000000;
const INHERIT_ONLY = "IO";

interface Ace {
  type: string;
  flags: string[];
  mask: number;
  sid: string;
}

export interface SecurityDescriptor {
  owner: string;
  aces: Ace[];
}

export function parseSddl(sddl: string): SecurityDescriptor | null {
  const owner = /O:([A-Z]{2}|S-1-[0-9-]+)/.exec(sddl)?.[1];
  // The entries, all of them ("" for an empty DACL); undefined when there is no DACL at all.
  const entries = /D:[A-Z]*((?:\([^)]*\))*)/.exec(sddl)?.[1];
  if (owner === undefined || entries === undefined) return null;
  const aces: Ace[] = [];
  for (const [, body] of entries.matchAll(/\(([^)]*)\)/g)) {
    const [type, flags, rights, , , sid] = (body as string).split(";");
    if (type === undefined || flags === undefined || rights === undefined || sid === undefined) return null;
    const mask = parseRights(rights);
    if (mask === null) return null;
    aces.push({ type, flags: flags.match(/.{2}/g) ?? [], mask, sid: resolveSid(sid) });
  }
  return { owner: resolveSid(owner), aces };
}

/**
 * Why this file or folder cannot be trusted for policy, or null: the owner is not an
 * administrator account, or an allow entry (that applies to it, not only to what it will hold)
 * gives another account any right to change it. An unreadable descriptor is not trusted either.
 */
export function windowsTrustProblem(sddl: string): string | null {
  const descriptor = parseSddl(sddl);
  if (!descriptor) return "permissions-unreadable";
  if (!ADMIN_SIDS.has(descriptor.owner)) return "not-owned-by-administrators";
  for (const ace of descriptor.aces) {
    if (ace.type !== "A" || ace.flags.includes(INHERIT_ONLY)) continue;
    if ((ace.mask & WRITE_BITS) !== 0 && !ADMIN_SIDS.has(ace.sid)) return "writable-by-non-administrators";
  }
  return null;
}

function parseRights(rights: string): number | null {
  // parseInt with radix 16 takes the 0x prefix itself.
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights, 16);
  let mask = 0;
  for (const code of rights.match(/.{2}/g) ?? []) {
    const bit = RIGHTS[code];
    if (bit === undefined) return null;
    mask |= bit;
  }
  return mask;
}

function resolveSid(sid: string): string {
  return SID_ALIASES[sid] || sid;
}
