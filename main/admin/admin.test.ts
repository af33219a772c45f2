import { test } from "node:test";
import assert from "node:assert/strict";
import { scryptSync } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { createPinGate, PIN_ATTEMPTS_FILE, PIN_WAITS } from "./pin-gate";
import { memoryKeyStore } from "../test-support/memory-key-store";
import { DEFAULT_SCRYPT, hashPin, needsRehash, parsePinHash, pinStrengthProblem, verifyPin } from "./pin-hash";
import { TEST_SECRETS } from "../test-support/test-secrets";

/** The lowest cost the parser accepts, so the rate-limit tests do not spend seconds hashing. */
const FAST = { ln: 12, r: 8, p: 1 };

test("the hash is scrypt in PHC form with its parameters (the real default: ln 17, r 8, p 1) and a random salt, never the PIN", async () => {
  const first = await hashPin(TEST_SECRETS.adminPins.hashVector);
  assert.ok(await verifyPin(TEST_SECRETS.adminPins.hashVector, first), "the default cost runs (maxmem raised for it)");
  assert.match(first, /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  assert.ok(!first.includes(TEST_SECRETS.adminPins.hashVector));
  const again = await hashPin(TEST_SECRETS.adminPins.hashVector, FAST);
  assert.notEqual(again, first, "a new salt each time");
  const parsed = parsePinHash(first);
  assert.ok(parsed);
  assert.deepEqual({ ln: parsed.ln, r: parsed.r, p: parsed.p }, DEFAULT_SCRYPT);
  assert.equal(parsed.salt.length, 16);
  assert.equal(parsed.hash.length, 32);
});

test("the hash is exactly scrypt(PIN, salt) with the stated N, r and p", async () => {
  const salt = Buffer.alloc(16, 7);
  const stored = await hashPin("0420", FAST, salt);
  const expected = scryptSync("0420", salt, 32, { N: 2 ** 12, r: 8, p: 1 })
    .toString("base64")
    .replace(/=+$/, "");
  assert.equal(stored, `$scrypt$ln=12,r=8,p=1$${salt.toString("base64").replace(/=+$/, "")}$${expected}`);
});

test("a hash with p 2 whose memory is just over Node's default 32 MiB cap verifies (the cap is raised for r and p)", async () => {
  // ln 15 and r 8 need 32 MiB and a little more; p 2 is the highest the parser accepts. Made with
  // scryptSync and the salt of 16 sevens.
  const stored = "$scrypt$ln=15,r=8,p=2$BwcHBwcHBwcHBwcHBwcHBw$w4rPwes8KJAPkideW2gj43inqTbHHF8qF+ilvjAZhOo";
  assert.equal(await verifyPin(TEST_SECRETS.adminPins.hashVector, stored), true);
});

test("the right PIN verifies; a wrong one, a longer one or a tampered hash does not", async () => {
  const stored = await hashPin("2468", FAST);
  assert.equal(await verifyPin("2468", stored), true);
  assert.equal(await verifyPin("2469", stored), false);
  assert.equal(await verifyPin("24680", stored), false);
  assert.equal(await verifyPin("", stored), false);
  const parts = stored.split("$");
  const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 1).toString("base64").replace(/=+$/, ""), parts[5]].join(
    "$",
  );
  assert.equal(await verifyPin("2468", otherSalt), false);
});

test("forged or damaged hashes are refused before any work: bounds on cost, salt and length", () => {
  const hash = Buffer.alloc(32).toString("base64").replace(/=+$/, "");
  const salt = Buffer.alloc(16).toString("base64").replace(/=+$/, "");
  assert.ok(parsePinHash(`$scrypt$ln=12,r=8,p=1$${salt}$${hash}`));
  for (const bad of [
    `$scrypt$ln=30,r=8,p=1$${salt}$${hash}`,
    `$scrypt$ln=11,r=8,p=1$${salt}$${hash}`,
    `$scrypt$ln=15,r=64,p=1$${salt}$${hash}`,
    `$scrypt$ln=15,r=8,p=9$${salt}$${hash}`,
    `$scrypt$ln=15,r=8,p=1$c2FsdA$${hash}`,
    `$scrypt$ln=15,r=8,p=1$${salt}$c2hvcnQ`,
    `$argon2id$v=19$m=65536,t=3,p=4$${salt}$${hash}`,
    "1234",
    "",
  ]) {
    assert.equal(parsePinHash(bad), null, bad);
  }
});

function gate(options: { pin?: string | null; dataDir?: string; start?: number } = {}) {
  const clock = { t: options.start ?? 1_760_000_000_000 };
  const dataDir = options.dataDir ?? tempDataDir("pin-gate");
  return (async () => {
    const pinHash = options.pin === null ? null : await hashPin(options.pin ?? "1357", FAST);
    const make = () => createPinGate({ pinHash, dataDir, now: () => clock.t });
    return { clock, dataDir, pinHash, make, gate: make() };
  })();
}

test("three wrong PINs are free, the fourth waits 30 s; even the right PIN is not looked at during a wait", async () => {
  const { gate: pins, clock } = await gate();
  assert.deepEqual(await pins.check("0000"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 },
  });
  assert.deepEqual(await pins.check("0000"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 1, retryAfterMs: 0 },
  });
  assert.deepEqual(await pins.check("0000"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 0, retryAfterMs: 30_000 },
  });
  clock.t += 10_000;
  assert.deepEqual(await pins.check("1357"), { ok: false, error: { kind: "pin-wait", retryAfterMs: 20_000 } });
  assert.equal(pins.waitMs(), 20_000);
  clock.t += 20_000;
  assert.equal(pins.waitMs(), 0);
  assert.deepEqual(await pins.check("1357"), { ok: true, value: undefined });
  // The right PIN clears the count: three free tries again.
  assert.deepEqual(await pins.check("0000"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 2, retryAfterMs: 0 },
  });
});

test("each wrong PIN after the free ones doubles the wait, up to 15 minutes", async () => {
  const { gate: pins, clock } = await gate();
  const waits: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const result = await pins.check("9999");
    assert.ok(!result.ok && result.error.kind === "wrong-pin");
    if (result.error.kind === "wrong-pin") waits.push(result.error.retryAfterMs);
    clock.t += result.error.kind === "wrong-pin" ? result.error.retryAfterMs : 0;
  }
  assert.deepEqual(waits, [0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  assert.equal(PIN_WAITS.maxWaitMs, 900_000);
});

test("the wait survives closing and reopening the app (it is in the data folder)", async () => {
  const { make, clock, dataDir } = await gate();
  const first = make();
  for (let i = 0; i < 3; i += 1) await first.check("1111");
  assert.ok(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)));
  clock.t += 5_000;
  const reopened = make();
  assert.deepEqual(await reopened.check("1357"), { ok: false, error: { kind: "pin-wait", retryAfterMs: 25_000 } });
  clock.t += 25_000;
  // The count survived too: the next wrong PIN waits 60 s, not a fresh three tries.
  assert.deepEqual(await make().check("1111"), {
    ok: false,
    error: { kind: "wrong-pin", triesBeforeWait: 0, retryAfterMs: 60_000 },
  });
  clock.t += 60_000;
  assert.ok((await make().check("1357")).ok);
  assert.equal(existsSync(join(dataDir, PIN_ATTEMPTS_FILE)), false, "a right PIN clears the record");
});

test("a clock set back cannot stretch a wait beyond the cap; a damaged record starts with a wait, not none", async () => {
  const { make, clock, dataDir } = await gate();
  writeFileSync(
    join(dataDir, PIN_ATTEMPTS_FILE),
    JSON.stringify({ failures: 3, waitUntil: clock.t + 365 * 24 * 3600_000 }),
  );
  assert.equal(make().waitMs(), 900_000);
  assert.equal(JSON.parse(readFileSync(join(dataDir, PIN_ATTEMPTS_FILE), "utf8")).waitUntil, clock.t + 900_000);

  writeFileSync(join(dataDir, PIN_ATTEMPTS_FILE), "{ torn");
  const damaged = make();
  assert.equal(damaged.waitMs(), 30_000);
  assert.deepEqual(await damaged.check("1357"), { ok: false, error: { kind: "pin-wait", retryAfterMs: 30_000 } });
});

test("quick tries are checked one at a time, so none slips past a wait", async () => {
  const { gate: pins } = await gate();
  const results = await Promise.all([1, 2, 3, 4, 5].map(() => pins.check("8642")));
  assert.deepEqual(
    results.map((r) => (r.ok ? "ok" : r.error.kind)),
    ["wrong-pin", "wrong-pin", "wrong-pin", "pin-wait", "pin-wait"],
  );
});

test("without an admin PIN nothing is accepted", async () => {
  const { gate: pins } = await gate({ pin: null });
  assert.deepEqual(await pins.check("1357"), { ok: false, error: { kind: "no-admin-pin" } });
});

test("new admin PINs: at least 6 digits or a passphrase of 10+ characters", () => {
  assert.equal(pinStrengthProblem("4821"), "pin-too-short");
  assert.equal(pinStrengthProblem("48213"), "pin-too-short");
  assert.equal(pinStrengthProblem("482139"), null);
  assert.equal(pinStrengthProblem("short pass"), null);
  assert.equal(pinStrengthProblem("shortpass"), "passphrase-too-short");
  assert.equal(pinStrengthProblem("पासवर्ड१२३४"), null, "ten characters in any script");
  assert.equal(pinStrengthProblem("tab\tinside-pass"), "bad-characters");
  assert.equal(pinStrengthProblem("9".repeat(65)), "too-long");
});

test("an old, cheaper hash still verifies and is replaced at the new cost on the next right PIN (not on a wrong one)", async () => {
  const old = await hashPin("1357", FAST);
  const saved: string[] = [];
  const pins = createPinGate({
    pinHash: old,
    dataDir: tempDataDir("pin-rehash"),
    now: Date.now,
    rehash: { params: { ln: 13, r: 8, p: 1 }, save: async (h) => void saved.push(h) },
  });
  assert.equal((await pins.check("2468")).ok, false);
  assert.equal(saved.length, 0);
  assert.ok((await pins.check("1357")).ok);
  assert.equal(saved.length, 1);
  assert.match(saved[0] as string, /^\$scrypt\$ln=13,r=8,p=1\$/);
  assert.ok(await verifyPin("1357", saved[0] as string));
  assert.ok((await pins.check("1357")).ok, "the new hash is the one checked now");
  assert.equal(saved.length, 1, "upgraded once");
  assert.equal(needsRehash(saved[0] as string, { ln: 13, r: 8, p: 1 }), false);
  assert.equal(needsRehash(old), true, "ln 12 is below the default");
});

test("deleting the data folder's record does not reset the wrong-PIN wait: the keychain keeps a copy", async () => {
  const slot = memoryKeyStore();
  const clock = { t: 1_760_000_000_000 };
  const pinHash = await hashPin(TEST_SECRETS.adminPins.pinGate, FAST);
  const make = (dataDir: string) => createPinGate({ pinHash, dataDir, now: () => clock.t, attemptsSlot: slot });
  const dataDir = tempDataDir("pin-gate-keychain");
  const first = make(dataDir);
  for (let i = 0; i < 3; i += 1) await first.check("000000");
  assert.ok(slot.value, "the keychain holds the record");
  rmSync(dataDir, { recursive: true });
  const elsewhere = make(tempDataDir("pin-gate-other-home"));
  assert.deepEqual(await elsewhere.check(TEST_SECRETS.adminPins.pinGate), {
    ok: false,
    error: { kind: "pin-wait", retryAfterMs: 30_000 },
  });
  clock.t += 30_000;
  assert.ok((await elsewhere.check(TEST_SECRETS.adminPins.pinGate)).ok);
  assert.equal(slot.value, null, "a right PIN clears both records");
});
