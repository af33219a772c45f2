import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The forms a key could leak in: as typed, and base64 (the form the signing derives from it). */
function leakForms(secret: string): string[] {
  return [secret, Buffer.from(secret, "utf8").toString("base64")];
}

/**
 * An OTP as it would leak: its digits as a value of their own ("otp":"123456", otp=123456, a log
 * word), with no letter or digit either side. Six digits also turn up inside longer numbers and
 * hex (a developer key "0123456789abcdef…", an initiator id "9123456780", epoch milliseconds),
 * which are not the OTP; and a base64 form of a few digits would mean nothing, so none is sought.
 */
function otpPattern(otp: string): RegExp {
  if (!/^[0-9]+$/.test(otp)) throw new Error("an OTP is digits");
  return new RegExp(`(?<![0-9A-Za-z])${otp}(?![0-9A-Za-z])`);
}

export interface LeakFinding {
  file: string;
  form: "plain" | "base64" | "otp";
}

export interface Secrets {
  /** Access keys: sought as typed and in base64. */
  keys: string[];
  /** Customer OTPs: sought as values of their own (otpPattern). */
  otps?: string[];
}

/** Every file under `folder` (but `skip`) whose bytes contain one of the secrets' forms. */
export function scanForLeaks(folder: string, secrets: Secrets, skip: (path: string) => boolean = () => false): { scanned: string[]; findings: LeakFinding[] } {
  const scanned: string[] = [];
  const findings: LeakFinding[] = [];
  const keyForms = secrets.keys.flatMap((key) => leakForms(key).map((text, i) => ({ text, form: i === 0 ? ("plain" as const) : ("base64" as const) })));
  const otps = (secrets.otps ?? []).map(otpPattern);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size > 0) {
        const file = relative(folder, path);
        scanned.push(file);
        const bytes = readFileSync(path);
        for (const { text, form } of keyForms) if (bytes.includes(text)) findings.push({ file, form });
        // latin1 maps each byte to one character, so binary files are searched byte for byte too.
        const text = otps.length > 0 ? bytes.toString("latin1") : "";
        for (const pattern of otps) if (pattern.test(text)) findings.push({ file, form: "otp" });
      }
    }
  };
  walk(folder);
  return { scanned, findings };
}
