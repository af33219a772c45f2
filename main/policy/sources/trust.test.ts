/**
 * Who a machine policy may come from, edge by edge: SDDL (owner, allow/deny, inherit-only, each
 * right that lets an account change a file) and the POSIX walk up to "/" (owner, group/other
 * write, sticky folders, links, anything unreadable).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSddl, windowsTrustProblem } from "./sddl";
import { posixTrustProblem, type PosixTrustDeps } from "./posix-trust";

const TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

test("SDDL owner: SYSTEM, Administrators and TrustedInstaller, by alias or SID; any other account is refused", () => {
  for (const owner of ["SY", "BA", "S-1-5-18", "S-1-5-32-544", TRUSTED_INSTALLER])
    assert.equal(windowsTrustProblem(`O:${owner}G:SYD:PAI(A;;FA;;;SY)`), null, owner);
  for (const owner of ["BU", "AU", "WD", "CO", "LA", "S-1-5-21-1-2-3-1013", "S-1-5-32-545"])
    assert.equal(windowsTrustProblem(`O:${owner}G:SYD:PAI(A;;FA;;;SY)`), "not-owned-by-administrators", owner);
});

test("SDDL aliases resolve to their SIDs; one that names a machine-specific account stays as written", () => {
  const aces = "(A;;FR;;;SY)(A;;FR;;;BA)(A;;FR;;;BU)(A;;FR;;;AU)(A;;FR;;;WD)(A;;FR;;;CO)(A;;FR;;;OW)(A;;FR;;;IU)";
  const more = "(A;;FR;;;PU)(A;;FR;;;BG)(A;;FR;;;AN)(A;;FR;;;AC)(A;;FR;;;LA)(A;;FR;;;LG)(A;;FR;;;S-1-5-21-9-500)";
  const descriptor = parseSddl(`O:SYG:SYD:PAI${aces}${more}`);
  assert.ok(descriptor && descriptor.dacl !== "null");
  assert.deepEqual(
    descriptor.dacl.map((ace) => ace.sid),
    [
      "S-1-5-18",
      "S-1-5-32-544",
      "S-1-5-32-545",
      "S-1-5-11",
      "S-1-1-0",
      "S-1-3-0",
      "S-1-3-4",
      "S-1-5-4",
      "S-1-5-32-547",
      "S-1-5-32-546",
      "S-1-5-7",
      "S-1-15-2-1",
      "LA",
      "LG",
      "S-1-5-21-9-500",
    ],
  );
  assert.equal(descriptor?.owner, "S-1-5-18");
  assert.equal(parseSddl("O:S-1-5-21-77-1013D:P")?.owner, "S-1-5-21-77-1013");
});

test("SDDL entries: type, two-letter flags, rights as codes or a hex mask", () => {
  // Masks compared as unsigned 32-bit numbers: the bits are what count.
  const descriptor = parseSddl("O:BAG:SYD:PAI(A;OICIIO;GXGR;;;BU)(D;;0x1F01FF;;;WD)(A;;;;;SY)");
  assert.ok(descriptor && descriptor.dacl !== "null");
  assert.deepEqual(
    { ...descriptor, dacl: descriptor.dacl.map((ace) => ({ ...ace, mask: ace.mask >>> 0 })) },
    {
      owner: "S-1-5-32-544",
      dacl: [
        { type: "A", flags: ["OI", "CI", "IO"], mask: 0xa0000000, sid: "S-1-5-32-545" },
        { type: "D", flags: [], mask: 0x1f01ff, sid: "S-1-1-0" },
        { type: "A", flags: [], mask: 0, sid: "S-1-5-18" },
      ],
    },
  );
  assert.deepEqual(parseSddl("  O:BAD:P  "), { owner: "S-1-5-32-544", dacl: [] }, "no entries at all");
  const rights: [string, number][] = [
    ["GA", 0x10000000],
    ["GX", 0x20000000],
    ["GW", 0x40000000],
    ["GR", 0x80000000],
    ["SD", 0x10000],
    ["RC", 0x20000],
    ["WD", 0x40000],
    ["WO", 0x80000],
    ["FA", 0x1f01ff],
    ["FR", 0x120089],
    ["FW", 0x120116],
    ["FX", 0x1200a0],
    ["CC", 0x1],
    ["DC", 0x2],
    ["LC", 0x4],
    ["SW", 0x8],
    ["RP", 0x10],
    ["WP", 0x20],
    ["DT", 0x40],
    ["LO", 0x80],
    ["CR", 0x100],
    ["KA", 0xf003f],
    ["KR", 0x20019],
    ["KW", 0x20006],
    ["KX", 0x20019],
  ];
  for (const [code, mask] of rights) {
    const dacl = parseSddl(`O:BAD:(A;;${code};;;BU)`)?.dacl;
    assert.equal((Array.isArray(dacl) ? (dacl[0]?.mask ?? -1) : -1) >>> 0, mask, code);
  }
});

test("SDDL that cannot be read whole is not trusted: no owner, no DACL, a short entry, an unknown right", () => {
  for (const sddl of [
    "",
    "G:SYD:PAI(A;;FA;;;SY)",
    "O:BAG:SY",
    "O:BAG:SYD:PAI(A;;FA;;)",
    "O:BAG:SYD:PAI(A;;FA;;;SY)(A)",
    "O:BAG:SYD:PAI(A;;FAZZ;;;SY)",
    "O:BAG:SYD:PAI(A;;0x12zz;;;SY)",
    "O:BAG:SYD:PAI(A;;FA0x2;;;SY)",
  ]) {
    assert.equal(parseSddl(sddl), null, sddl);
    assert.equal(windowsTrustProblem(sddl), "permissions-unreadable", sddl);
  }
});

test("SDDL read in order: the owner and group at the start only, then the DACL, then nothing but a SACL", () => {
  assert.deepEqual(parseSddl("O:BAG:SYD:PAI(A;;FA;;;BA)S:AI(AU;SA;FA;;;WD)"), {
    owner: "S-1-5-32-544",
    dacl: [{ type: "A", flags: [], mask: 0x1f01ff, sid: "S-1-5-32-544" }],
  });
  for (const sddl of [
    "G:SYO:BAD:PAI(A;;FA;;;BA)",
    "D:PAI(A;;FA;;;BA)O:BA",
    "O:BAD:PAI(A;;FA;;;BA)junk",
    "O:BAD:PAI(A;;FA;;;BA)(A;;FA;;;BU",
    "O:BAD:PAI(A;;FA;;;BA))",
    "O:BAD:PAI(A;;FA;;;BA) (A;;FA;;;BU)",
    "O:BAD:PAI(A;;FA;;;B)",
    "O:BAD:PAI(A;;FA;;;S-1-5)",
    "O:BAD:PAI(A;;FA;;;BAX)",
    "O:BAD:PAI(A;O;FA;;;BA)",
    "O:BAD:PAI(A;;F;;;BA)",
    "O:BAD:PAI(A;;FA;;;BA;(WIN://X))",
  ])
    assert.equal(parseSddl(sddl), null, sddl);
});

test("conditional entries are read whole, nested and quoted parentheses and all, so every entry after one is judged", () => {
  const conditional = '(XA;OICI;0x1200a9;;;BU;(WIN://SYSAPPID Contains "A(1)"))';
  const nested = '(XA;;FR;;;BU;((Member_of {SID(BA)}) && (@User.Title == "x)")))';
  const descriptor = parseSddl(`O:BAD:PAI${conditional}${nested}(A;;FA;;;BU)`);
  assert.ok(descriptor && descriptor.dacl !== "null");
  assert.deepEqual(
    descriptor.dacl.map((ace) => ace.type),
    ["XA", "XA", "A"],
  );
  assert.equal(
    windowsTrustProblem(`O:BAD:PAI${conditional}(A;;FA;;;BU)`),
    "writable-by-non-administrators",
    "Users' full control after the condition counts",
  );
  assert.equal(windowsTrustProblem(`O:BAD:PAI${conditional}(A;;FA;;;BA)`), null, "a read-only conditional grant");
  assert.equal(
    windowsTrustProblem('O:BAD:PAI(XA;;FA;;;BU;(WIN://SYSAPPID Contains "X"))'),
    "writable-by-non-administrators",
    "a conditional grant of a write counts as if its condition held",
  );
  assert.equal(
    windowsTrustProblem("O:BAD:PAI(XD;;FA;;;BU;(Exists WIN://SYSAPPID))(A;;FA;;;BA)"),
    null,
    "a conditional deny",
  );
  assert.equal(windowsTrustProblem("O:BAD:PAI(XA;;FA;;;BU;(WIN://X)"), "permissions-unreadable", "unbalanced");
  assert.equal(
    windowsTrustProblem("O:BAD:PAI(XA;;FA;;;BU)"),
    "permissions-unreadable",
    "a conditional entry without its condition",
  );
});

test("object entries and conditional object entries are allows and denies like the others, their object types ignored", () => {
  const guid = "00112233-4455-6677-8899-aabbccddeeff";
  assert.equal(windowsTrustProblem(`O:BAD:PAI(OA;;FA;${guid};;BU)`), "writable-by-non-administrators");
  assert.equal(windowsTrustProblem(`O:BAD:PAI(OA;;FA;;${guid};BA)(OA;;FR;${guid};;BU)`), null);
  assert.equal(windowsTrustProblem(`O:BAD:PAI(OD;;FA;${guid};;BU)(A;;FA;;;BA)`), null, "an object deny");
  assert.equal(windowsTrustProblem(`O:BAD:PAI(ZA;;FA;${guid};;BU;(WIN://X))`), "writable-by-non-administrators");
  assert.equal(windowsTrustProblem(`O:BAD:PAI(OA;CIIO;FA;${guid};;BU)(A;;FA;;;BA)`), null, "inherit-only");
});

test("a NULL DACL lets everyone in and is not trusted; an empty DACL lets no one in", () => {
  assert.deepEqual(parseSddl("O:BAG:SYD:NO_ACCESS_CONTROL"), { owner: "S-1-5-32-544", dacl: "null" });
  assert.equal(windowsTrustProblem("O:BAG:SYD:NO_ACCESS_CONTROL"), "null-dacl");
  assert.equal(windowsTrustProblem("O:SYD:PNO_ACCESS_CONTROLS:NO_ACCESS_CONTROL"), "null-dacl");
  assert.equal(windowsTrustProblem("O:BUD:NO_ACCESS_CONTROL"), "not-owned-by-administrators", "the owner first");
  assert.equal(windowsTrustProblem("O:BAD:NO_ACCESS_CONTROL(A;;FA;;;BA)"), "permissions-unreadable");
  assert.equal(windowsTrustProblem("O:BAD:P"), null);
});

test("an entry of a type not understood (audit, alarm, label, resource attribute, anything new) is not trusted", () => {
  for (const type of ["AU", "AL", "OU", "OL", "ML", "SP", "XU", "RA", "CA", "Q"])
    assert.equal(windowsTrustProblem(`O:BAD:PAI(A;;FA;;;BA)(${type};;FR;;;BA)`), "permissions-not-understood", type);
  assert.equal(
    windowsTrustProblem('O:BAD:PAI(A;;FA;;;BA)(RA;CI;;;;S-1-1-0;("Secrecy",TU,0,3))'),
    "permissions-not-understood",
  );
  assert.equal(
    windowsTrustProblem("O:BAD:PAI(A;;FA;;;BA)(AU;;ZZ;;;BA)"),
    "permissions-unreadable",
    "rights still read",
  );
});

test("each right that lets another account change the file or the folder's entries is a write; reading is not", () => {
  const writes = ["GA", "GW", "SD", "WD", "WO", "FA", "FW", "DC", "LC", "RP", "DT", "CR", "KA", "KW", "KR", "KX"];
  const hexWrites = ["0x2", "0x4", "0x10", "0x40", "0x100", "0x10000", "0x40000", "0x80000", "0x40000000"];
  for (const right of [...writes, ...hexWrites, "0x10000000"])
    assert.equal(
      windowsTrustProblem(`O:BAG:SYD:PAI(A;;FA;;;SY)(A;;${right};;;BU)`),
      "writable-by-non-administrators",
      right,
    );
  for (const right of ["GR", "GX", "RC", "FR", "FX", "CC", "SW", "WP", "LO", "0x1200a9", "0x80000000"])
    assert.equal(windowsTrustProblem(`O:BAG:SYD:PAI(A;;FA;;;SY)(A;;${right};;;BU)`), null, right);
  for (const sid of ["SY", "BA", TRUSTED_INSTALLER])
    assert.equal(windowsTrustProblem(`O:BAD:PAI(A;;FA;;;${sid})`), null, `an administrator account: ${sid}`);
  assert.equal(
    windowsTrustProblem("O:BAD:PAI(A;CI;FW;;;BU)"),
    "writable-by-non-administrators",
    "inherited to subfolders, yet it applies here too",
  );
  assert.equal(windowsTrustProblem("O:BAD:PAI(A;OICIIO;GA;;;BU)(A;;FA;;;BA)"), null, "only for what it will hold");
  assert.equal(windowsTrustProblem("O:BAD:PAI(D;;FA;;;BU)(A;;FA;;;BA)"), null, "a deny entry");
  assert.equal(
    windowsTrustProblem("O:BAD:PAI(A;;FR;;;BU)(A;;FW;;;AU)"),
    "writable-by-non-administrators",
    "a later entry counts too",
  );
});

type FakeEntry = { uid: number; mode: number; dir?: boolean };

/** A file system as a map of real paths; `links` maps a path to where it resolves. */
function fakeFs(
  entries: Record<string, FakeEntry>,
  links: Record<string, string> = {},
  trusted = [0],
): PosixTrustDeps & { statted: string[] } {
  const statted: string[] = [];
  return {
    trustedUids: trusted,
    statted,
    realpath: (path) => {
      const real = links[path] ?? path;
      if (!(real in entries)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return real;
    },
    stat: (path) => {
      statted.push(path);
      const entry = entries[path];
      if (!entry) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
      return { uid: entry.uid, mode: entry.mode, isFile: () => !entry.dir, isDirectory: () => entry.dir === true };
    },
  };
}

const dir = (mode: number, uid = 0): FakeEntry => ({ uid, mode: 0o40000 | mode, dir: true });
const file = (mode: number, uid = 0): FakeEntry => ({ uid, mode: 0o100000 | mode });
const SOUND = {
  "/": dir(0o755),
  "/etc": dir(0o755),
  "/etc/refund-desk": dir(0o755),
  "/etc/refund-desk/policy.json": file(0o644),
};
const POLICY = "/etc/refund-desk/policy.json";

test("POSIX: the file and every folder up to / are checked, owner and write bits", () => {
  const deps = fakeFs(SOUND);
  assert.equal(posixTrustProblem(POLICY, deps), null);
  assert.deepEqual(deps.statted, [POLICY, "/etc/refund-desk", "/etc", "/"]);
  const cases: [Record<string, FakeEntry>, string][] = [
    [{ [POLICY]: file(0o664) }, "writable-by-others"],
    [{ [POLICY]: file(0o646) }, "writable-by-others"],
    [{ [POLICY]: file(0o644, 1001) }, "not-owned-by-root"],
    [{ [POLICY]: dir(0o755) }, "not-a-file"],
    [{ [POLICY]: file(0o1666) }, "writable-by-others"],
    [{ "/etc/refund-desk": dir(0o775) }, "folder-writable-by-others"],
    [{ "/etc": dir(0o757) }, "folder-writable-by-others"],
    [{ "/": dir(0o777) }, "folder-writable-by-others"],
    [{ "/etc/refund-desk": dir(0o755, 1001) }, "folder-not-owned-by-root"],
    [{ "/": dir(0o755, 1001) }, "folder-not-owned-by-root"],
  ];
  for (const [change, reason] of cases)
    assert.equal(posixTrustProblem(POLICY, fakeFs({ ...SOUND, ...change })), reason, JSON.stringify(change));
  assert.equal(posixTrustProblem(POLICY, fakeFs({ ...SOUND, [POLICY]: file(0o600) })), null, "owner-only is fine");
  assert.equal(posixTrustProblem(POLICY, fakeFs({ ...SOUND, [POLICY]: file(0o444) })), null);
});

test("POSIX: a root-owned sticky folder (like /tmp) does not count as writable by others; any other sticky folder does", () => {
  const tmp = { ...SOUND, "/tmp": dir(0o1777), "/tmp/policy.json": file(0o644) };
  assert.equal(posixTrustProblem("/tmp/policy.json", fakeFs(tmp)), null);
  assert.equal(
    posixTrustProblem("/tmp/policy.json", fakeFs({ ...tmp, "/tmp": dir(0o1777, 501) }, {}, [0, 501])),
    "folder-writable-by-others",
    "sticky, but the owner is not root",
  );
  assert.equal(
    posixTrustProblem("/tmp/policy.json", fakeFs({ ...tmp, "/tmp": dir(0o777) })),
    "folder-writable-by-others",
  );
  assert.equal(
    posixTrustProblem("/tmp/policy.json", fakeFs({ ...tmp, "/tmp": { uid: 0, mode: 0o1777 } })),
    "folder-writable-by-others",
    "only a folder can be sticky in that sense",
  );
});

test("POSIX: links are resolved first, so the real file's folders are the ones judged; anything unreadable is refused", () => {
  const elsewhere = {
    ...SOUND,
    "/home": dir(0o755),
    "/home/agent": dir(0o755, 1001),
    "/home/agent/p.json": file(0o644),
  };
  const linked = fakeFs(elsewhere, { [POLICY]: "/home/agent/p.json" });
  assert.equal(posixTrustProblem(POLICY, linked), "folder-not-owned-by-root");
  assert.deepEqual(linked.statted, ["/home/agent/p.json", "/home/agent"]);
  assert.equal(posixTrustProblem("/etc/refund-desk/absent.json", fakeFs(SOUND)), "unreadable");
  const { "/etc": _etc, ...noEtc } = SOUND;
  assert.equal(
    posixTrustProblem(POLICY, { ...fakeFs(noEtc), realpath: (p) => p }),
    "unreadable",
    "a folder that cannot be statted",
  );
  assert.equal(posixTrustProblem(POLICY, { ...fakeFs(SOUND), realpath: (p) => p }), null);
  assert.equal(posixTrustProblem(POLICY, fakeFs(SOUND, {}, [1001])), "not-owned-by-root", "only the trusted owners");
});
