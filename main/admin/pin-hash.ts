import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * The admin PIN at rest: a salted scrypt hash in the PHC string form
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64 without padding), so the parameters travel with
 * the hash and can be raised later without breaking stored PINs. The PIN itself is never stored.
 */
export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  ln: number;
  r: number;
  p: number;
}

/**
 * 128 MiB and about a second per guess (1.3 s measured on a busy 2-core machine): a million 6-digit PINs cost
 * and a 10-character passphrase far more, while one try at the counter stays quick.
 */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 17, r: 8, p: 1 };
/** A hash file or policy can be edited: bounds keep a forged one from costing minutes or gigabytes. */
const LIMITS = { ln: [12, 18], r: [1, 8], p: [1, 2] } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_PIN_LENGTH = 64;

const MIN_PIN_DIGITS = 6;
const MIN_PASSPHRASE_CHARS = 10;

/**
 * Why a new admin PIN is too weak, or null: at least 6 digits, or a passphrase of at least 10
 * characters (no control characters). Existing shorter PINs still verify until they are replaced.
 */
export function pinStrengthProblem(
  pin: string,
): "pin-too-short" | "passphrase-too-short" | "too-long" | "bad-characters" | null {
  const length = [...pin].length;
  if (length > MAX_PIN_LENGTH) return "too-long";
  if (/\p{Cc}/u.test(pin)) return "bad-characters";
  if (/^[0-9]+$/.test(pin)) return length >= MIN_PIN_DIGITS ? null : "pin-too-short";
  return length >= MIN_PASSPHRASE_CHARS ? null : "passphrase-too-short";
}

/** A stored hash made at a lower cost than today's default: rehash it on the next right PIN. */
export function needsRehash(stored: string, target: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parsePinHash(stored);
  return parsed !== null && (parsed.ln < target.ln || parsed.r < target.r);
}

export interface PinHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

/** Unpadded base64: 22–88 characters are a salt of 16–66 bytes, 43 a hash of exactly 32. */
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d),p=(\d)\$([A-Za-z0-9+/]{22,88})\$([A-Za-z0-9+/]{43})$/;

export function parsePinHash(text: string): PinHash | null {
  const match = PHC.exec(text);
  if (!match) return null;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!within(ln, LIMITS.ln) || !within(r, LIMITS.r) || !within(p, LIMITS.p)) return null;
  return { ln, r, p, salt: Buffer.from(match[4] as string, "base64"), hash: Buffer.from(match[5] as string, "base64") };
}

export async function hashPin(
  pin: string,
  params: ScryptParams = DEFAULT_SCRYPT,
  salt: Buffer = randomBytes(SALT_BYTES),
): Promise<string> {
  const hash = await derive(pin, { ...params, salt, hash: Buffer.alloc(KEY_BYTES) });
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

/** Recomputes with the stored parameters and compares in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed || pin.length > MAX_PIN_LENGTH) return false;
  const candidate = await derive(pin, parsed);
  return timingSafeEqual(candidate, parsed.hash);
}

function derive(pin: string, params: PinHash): Promise<Buffer> {
  const N = 2 ** params.ln;
  // scrypt needs 128·N·r bytes; Node's default cap is 32 MiB, so raise it to what these take.
  const maxmem = 128 * N * params.r * params.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(pin, params.salt, params.hash.length, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}

function b64(bytes: Buffer): string {
  // Stryker disable next-line Regex: base64 has = only as trailing padding
  return bytes.toString("base64").replace(/=+$/, "");
}
