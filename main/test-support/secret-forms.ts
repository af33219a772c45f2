/**
 * The forms a secret can leak in, sought in anything a test holds (an error, its JSON, a reply,
 * printed output, a file). Beyond the leak scan's three (e2e/leak/leak-scan.ts): base64 at each of
 * its three alignments, since a secret inside a longer encoded text is encoded differently by
 * where it starts; and, for an access key, the HMAC key signing.ts derives from it.
 */
import { inspect } from "node:util";

type SecretForm = "utf8" | "utf16le" | "base64" | "hmac-key" | "hmac-key-utf16le";

/** The base64 characters that encode `secret` alone when it starts `offset` bytes into the text. */
function base64At(secret: Buffer, offset: number): Buffer {
  const all = Buffer.concat([Buffer.alloc(offset), secret])
    .toString("base64")
    .replace(/=+$/, "");
  const first = Math.ceil((8 * offset) / 6);
  const last = Math.floor((8 * (offset + secret.length)) / 6);
  return Buffer.from(all.slice(first, last), "ascii");
}

function formsOf(secret: string, isAccessKey: boolean): { form: SecretForm; bytes: Buffer }[] {
  const utf8 = Buffer.from(secret, "utf8");
  const forms: { form: SecretForm; bytes: Buffer }[] = [
    { form: "utf16le", bytes: Buffer.from(secret, "utf16le") },
    ...[0, 1, 2].map((offset) => ({ form: "base64" as const, bytes: base64At(utf8, offset) })),
  ];
  if (isAccessKey) {
    // signing.ts: HMAC-SHA256 keyed with the UTF-8 bytes of base64(access key).
    const hmacKey = utf8.toString("base64");
    forms.push(
      { form: "utf8", bytes: utf8 },
      { form: "hmac-key", bytes: Buffer.from(hmacKey, "utf8") },
      { form: "hmac-key-utf16le", bytes: Buffer.from(hmacKey, "utf16le") },
    );
  }
  return forms;
}

/**
 * A digit secret (an OTP, a PIN) as a value of its own: no letter or digit either side, so a
 * longer number or a hex id that happens to hold its digits is not taken for it.
 */
function digitsPattern(secret: string): RegExp {
  return new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`);
}

export interface SoughtSecret {
  /** Names the secret in a finding; never the secret itself, so a failing test prints none. */
  name: string;
  value: string;
  /** An access key: sought also as the HMAC key; a digit secret is sought as a value of its own. */
  type: "access-key" | "digits";
}

/** Everything a value holds as bytes: its JSON, its full inspection, and every buffer inside it. */
function asBytes(value: unknown): Buffer[] {
  if (typeof value === "string") return [Buffer.from(value, "utf8")];
  if (Buffer.isBuffer(value)) return [value];
  const buffers: Buffer[] = [];
  const walk = (item: unknown, depth: number) => {
    if (depth > 20 || item === null || typeof item !== "object") return;
    if (item instanceof Uint8Array) buffers.push(Buffer.from(item));
    else for (const key of Reflect.ownKeys(item)) walk((item as Record<PropertyKey, unknown>)[key], depth + 1);
  };
  walk(value, 0);
  return [
    Buffer.from(JSON.stringify(value) ?? "", "utf8"),
    Buffer.from(inspect(value, { depth: Infinity, showHidden: true, maxStringLength: Infinity }), "utf8"),
    ...buffers,
  ];
}

/** Which secrets, in which forms, `haystack` holds: "name (form)" for each. */
export function secretsIn(haystack: unknown, secrets: readonly SoughtSecret[]): string[] {
  const findings = new Set<string>();
  for (const bytes of asBytes(haystack)) {
    const latin1 = bytes.toString("latin1");
    for (const secret of secrets) {
      for (const { form, bytes: sought } of formsOf(secret.value, secret.type === "access-key")) {
        if (bytes.includes(sought)) findings.add(`${secret.name} (${form})`);
      }
      if (secret.type === "digits" && digitsPattern(secret.value).test(latin1)) findings.add(`${secret.name} (utf8)`);
    }
  }
  return [...findings];
}
