/**
 * Who owns a file or folder on Windows and who may change it, from its security descriptor in
 * SDDL (PowerShell's `(Get-Acl -LiteralPath …).Sddl`). SIDs, not account names, so the answer
 * does not depend on the Windows display language. The whole string is read in order (owner,
 * group, DACL, then only a SACL may follow); anything not understood is not trusted.
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

/**
 * The entry types a DACL holds, by what they can do: allow (plain, object, conditional and
 * conditional object) and deny (plain, object, conditional). A condition or an object type only
 * narrows an entry, so an allow is judged as if it always applied and a deny as if it never did.
 * Any other type (audit, alarm, a label, or one Windows adds later) is not understood.
 */
const ALLOW_TYPES = new Set(["A", "OA", "XA", "ZA"]);
const DENY_TYPES = new Set(["D", "OD", "XD"]);
/** Types whose entry ends in a condition: `(XA;flags;rights;;;sid;(condition))`. */
const CONDITIONAL_TYPES = new Set(["XA", "XD", "ZA"]);

interface Ace {
  type: string;
  flags: string[];
  mask: number;
  sid: string;
}

export interface SecurityDescriptor {
  owner: string;
  /** "null" for a NULL DACL (`D:NO_ACCESS_CONTROL`): no entries, so Windows lets everyone in. */
  dacl: Ace[] | "null";
}

const SID = /^(?:[A-Z]{2}|S-1-\d+(?:-\d+)+)/;
const DACL_FLAGS = /^(?:P|AI|AR|NO_ACCESS_CONTROL)*/;

/** The descriptor, or null when it cannot be read whole: no owner, no DACL, or a malformed entry. */
export function parseSddl(sddl: string): SecurityDescriptor | null {
  let rest = sddl.trim();
  const owner = /^O:/.test(rest) ? SID.exec(rest.slice(2))?.[0] : undefined;
  if (owner === undefined) return null;
  rest = rest.slice(2 + owner.length);
  if (rest.startsWith("G:")) {
    const group = SID.exec(rest.slice(2))?.[0];
    if (group === undefined) return null;
    rest = rest.slice(2 + group.length);
  }
  if (!rest.startsWith("D:")) return null;
  rest = rest.slice(2);
  const flags = DACL_FLAGS.exec(rest)?.[0] ?? "";
  rest = rest.slice(flags.length);
  const split = splitEntries(rest);
  if (!split || !(split.rest === "" || split.rest.startsWith("S:"))) return null;
  if (flags.includes("NO_ACCESS_CONTROL")) {
    return split.entries.length === 0 ? { owner: resolveSid(owner), dacl: "null" } : null;
  }
  const dacl: Ace[] = [];
  for (const entry of split.entries) {
    const ace = parseAce(entry);
    if (!ace) return null;
    dacl.push(ace);
  }
  return { owner: resolveSid(owner), dacl };
}

/**
 * The parenthesised entries at the start of `text`, each whole: a conditional entry's condition
 * holds parentheses of its own (and may quote them), so entries are cut where the depth returns
 * to zero, never at the first ")".
 */
function splitEntries(text: string): { entries: string[]; rest: string } | null {
  const entries: string[] = [];
  let start = 0;
  while (text[start] === "(") {
    let depth = 0;
    let quoted = false;
    let end = start;
    for (; end < text.length; end++) {
      const char = text[end];
      if (quoted) quoted = char !== '"';
      else if (char === '"') quoted = true;
      else if (char === "(") depth++;
      else if (char === ")" && --depth === 0) break;
    }
    if (end === text.length) return null;
    entries.push(text.slice(start + 1, end));
    start = end + 1;
  }
  return { entries, rest: text.slice(start) };
}

/**
 * `type;flags;rights;object guid;inherited object guid;sid`, plus `;(condition)` for a conditional
 * type. An entry of a type not understood keeps its type (and whatever follows its SID), so the
 * verdict can name it.
 */
function parseAce(entry: string): Ace | null {
  const fields = entry.split(";");
  const [type = "", flags = "", rights = "", , , sid = ""] = fields;
  const known = ALLOW_TYPES.has(type) || DENY_TYPES.has(type);
  const tail = fields.slice(6).join(";");
  const conditional = CONDITIONAL_TYPES.has(type);
  if (fields.length < 6 || (known && (conditional ? !/^\(.*\)$/s.test(tail) : fields.length !== 6))) return null;
  if (flags.length % 2 !== 0 || !SID.test(sid) || SID.exec(sid)?.[0] !== sid) return null;
  const mask = parseRights(rights);
  if (mask === null) return null;
  return { type, flags: flags.match(/.{2}/g) ?? [], mask, sid: resolveSid(sid) };
}

/**
 * Why this file or folder cannot be trusted for policy, or null: the descriptor cannot be read,
 * the owner is not an administrator account, the DACL is
 * NULL (everyone may do anything), an entry is of a type not understood, or an allow entry (that applies to it, not only to what it
 * will hold) gives another account any right to change it.
 */
export function windowsTrustProblem(sddl: string): string | null {
  const descriptor = parseSddl(sddl);
  if (!descriptor) return "permissions-unreadable";
  if (!ADMIN_SIDS.has(descriptor.owner)) return "not-owned-by-administrators";
  if (descriptor.dacl === "null") return "null-dacl";
  if (descriptor.dacl.some((ace) => !ALLOW_TYPES.has(ace.type) && !DENY_TYPES.has(ace.type)))
    return "permissions-not-understood";
  for (const ace of descriptor.dacl) {
    if (!ALLOW_TYPES.has(ace.type) || ace.flags.includes(INHERIT_ONLY)) continue;
    if ((ace.mask & WRITE_BITS) !== 0 && !ADMIN_SIDS.has(ace.sid)) return "writable-by-non-administrators";
  }
  return null;
}

function parseRights(rights: string): number | null {
  // parseInt with radix 16 takes the 0x prefix itself.
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights, 16);
  if (rights.length % 2 !== 0) return null;
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
