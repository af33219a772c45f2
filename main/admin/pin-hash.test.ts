/**
 * The admin PIN hash at its edges: which stored hashes are accepted, which new PINs are strong
 * enough, when a hash is due for a rehash. Costs stay at the parser's lowest (ln 12) or skip hashing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPin, needsRehash, parsePinHash, pinStrengthProblem, verifyPin } from "./pin-hash";

const FAST = { ln: 12, r: 8, p: 1 };
const SALT = Buffer.alloc(16, 5).toString("base64").replace(/=+$/, "");
const HASH = Buffer.alloc(32, 9).toString("base64").replace(/=+$/, "");
const phc = (params: string, salt = SALT, hash = HASH) => `$scrypt$${params}$${salt}$${hash}`;

test("the cost bounds a stored hash may carry: ln 12–18, r 1–8, p 1–2, each edge just inside and outside", () => {
  for (const params of ["ln=12,r=8,p=1", "ln=18,r=8,p=1", "ln=15,r=1,p=1", "ln=15,r=8,p=2", "ln=12,r=1,p=2"]) {
    const parsed = parsePinHash(phc(params));
    assert.ok(parsed, params);
    const [ln, r, p] = params.match(/\d+/g)!.map(Number);
    assert.deepEqual({ ln: parsed.ln, r: parsed.r, p: parsed.p }, { ln, r, p }, params);
  }
  for (const params of ["ln=19,r=8,p=1", "ln=11,r=8,p=1", "ln=15,r=0,p=1", "ln=15,r=9,p=1", "ln=15,r=8,p=0"]) {
    assert.equal(parsePinHash(phc(params)), null, params);
  }
  assert.equal(parsePinHash(phc("ln=15,r=8,p=3")), null);
  assert.equal(parsePinHash(phc("ln=015,r=8,p=1")), null, "at most two digits");
  assert.equal(parsePinHash(phc("ln=15,r=08,p=1")), null, "r and p are one digit");
  assert.equal(parsePinHash(phc("ln=15,r=8,p=01")), null, "r and p are one digit");
});

test("the salt and hash are read back byte for byte, and the whole string must be the PHC form", () => {
  const salt = Buffer.from("00112233445566778899aabbccddeeff", "hex");
  const hash = Buffer.from("ff".repeat(16) + "0f".repeat(16), "hex");
  const b64 = (b: Buffer) => b.toString("base64").replace(/=+$/, "");
  const parsed = parsePinHash(phc("ln=12,r=8,p=1", b64(salt), b64(hash)));
  assert.ok(parsed);
  assert.deepEqual(parsed.salt, salt);
  assert.deepEqual(parsed.hash, hash);

  const good = phc("ln=12,r=8,p=1");
  for (const bad of [
    ` ${good}`,
    `${good} `,
    `${good}\n`,
    `x${good}`,
    good.replace("$scrypt$", "$scrypt2$"),
    good.replace("ln=12", "ln=ab"),
    good.replace("r=8", "r=x"),
    good.replace("p=1", "p=x"),
    phc("ln=12,r=8,p=1", SALT.slice(0, 21)),
    phc("ln=12,r=8,p=1", "A".repeat(89)),
    phc("ln=12,r=8,p=1", SALT.replace(/^./, "-")),
    phc("ln=12,r=8,p=1", SALT, HASH.slice(0, 42)),
    phc("ln=12,r=8,p=1", SALT, `${HASH}A`),
    phc("ln=12,r=8,p=1", SALT, HASH.replace(/^./, "-")),
    phc("ln=12,r=8,p=1", SALT, `${HASH.slice(0, 42)}=`),
  ]) {
    assert.equal(parsePinHash(bad), null, JSON.stringify(bad));
  }
  // A longer salt (up to 64 bytes) is fine: other tools make 32-byte salts.
  const long = parsePinHash(phc("ln=12,r=8,p=1", "A".repeat(88)));
  assert.equal(long?.salt.length, 66);
  assert.ok(parsePinHash(phc("ln=12,r=8,p=1", `${"+/".repeat(11)}`)));
});

test("new admin PINs at the edges: 64 characters at most, counted as characters; digits only from end to end", () => {
  assert.equal(pinStrengthProblem("9".repeat(64)), null);
  assert.equal(pinStrengthProblem("9".repeat(65)), "too-long");
  assert.equal(pinStrengthProblem("🔑".repeat(64)), null, "64 keys are 128 UTF-16 units but 64 characters");
  assert.equal(pinStrengthProblem("🔑".repeat(65)), "too-long");
  assert.equal(pinStrengthProblem("abc987654"), "passphrase-too-short", "letters then digits is a passphrase");
  assert.equal(pinStrengthProblem("987654abc"), "passphrase-too-short", "digits then letters is a passphrase");
  assert.equal(pinStrengthProblem("1234567890"), null);
  assert.equal(pinStrengthProblem("ab"), "passphrase-too-short");
  assert.equal(pinStrengthProblem("line\nbreak-pass"), "bad-characters");
  assert.equal(pinStrengthProblem("\u007f-del-inside-pass"), "bad-characters");
  assert.equal(pinStrengthProblem("1234\u00005678"), "bad-characters");
});

test("a hash is due for a rehash when its ln or r is below today's, not when it is equal, higher, or unreadable", () => {
  const target = { ln: 15, r: 8, p: 1 };
  assert.equal(needsRehash(phc("ln=15,r=8,p=1"), target), false);
  assert.equal(needsRehash(phc("ln=14,r=8,p=1"), target), true);
  assert.equal(needsRehash(phc("ln=15,r=4,p=1"), target), true, "a lower r alone is cheaper too");
  assert.equal(needsRehash(phc("ln=16,r=8,p=1"), target), false, "a dearer hash is never lowered");
  assert.equal(needsRehash(phc("ln=15,r=8,p=2"), target), false);
  assert.equal(needsRehash("not a hash", target), false);
  assert.equal(needsRehash(phc("ln=17,r=8,p=1")), false, "today's default is ln 17, r 8");
  assert.equal(needsRehash(phc("ln=18,r=8,p=1")), false);
  assert.equal(needsRehash(phc("ln=17,r=7,p=1")), true);
  assert.equal(needsRehash(phc("ln=16,r=8,p=1")), true);
});

test("verifying refuses an unreadable hash and a PIN over 64 characters", async () => {
  assert.equal(await verifyPin("1357", "not a hash"), false);
  assert.equal(await verifyPin("1357", ""), false);
  const long = "7".repeat(64);
  assert.equal(await verifyPin(long, await hashPin(long, FAST)), true, "64 characters are checked");
  const tooLong = "7".repeat(65);
  assert.equal(await verifyPin(tooLong, await hashPin(tooLong, FAST)), false, "65 are refused even if they match");
});

test("the hash carries r and p as given and matches a hash made with the same salt only", async () => {
  const salt = Buffer.alloc(16, 3);
  const cheap = { ln: 12, r: 1, p: 2 };
  const stored = await hashPin("864209", cheap, salt);
  assert.match(stored, /^\$scrypt\$ln=12,r=1,p=2\$AwMDAwMDAwMDAwMDAwMDAw\$[A-Za-z0-9+/]{43}$/);
  assert.equal(await verifyPin("864209", stored), true);
  assert.equal(stored, await hashPin("864209", cheap, salt), "same PIN, salt and cost: same hash");
  assert.notEqual(stored, await hashPin("864209", { ln: 12, r: 1, p: 1 }, salt), "p is part of the hash");
});
