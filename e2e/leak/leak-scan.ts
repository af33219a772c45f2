import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

type Form = "plain" | "utf16le" | "base64";

/**
 * The byte forms a secret could leak in: as typed (UTF-8), UTF-16LE (Windows APIs, some logs and
 * crash dumps) and base64 (the form the signing derives from a key; an encoded blob in a log).
 */
function leakForms(secret: string): Array<{ bytes: Buffer; form: Form }> {
  return [
    { bytes: Buffer.from(secret, "utf8"), form: "plain" },
    { bytes: Buffer.from(secret, "utf16le"), form: "utf16le" },
    { bytes: Buffer.from(Buffer.from(secret, "utf8").toString("base64"), "ascii"), form: "base64" },
  ];
}

/**
 * An OTP as it would leak: its digits as a value of their own ("otp":"123456", otp=123456, a log
 * word), with no letter or digit either side. Six digits also turn up inside longer numbers and
 * hex (a developer key "0123456789abcdef…", an initiator id "9123456780", epoch milliseconds),
 * which are not the OTP. Its UTF-16LE and base64 forms are sought as bytes (leakForms).
 */
function otpPattern(otp: string): RegExp {
  if (!/^[0-9]+$/.test(otp)) throw new Error("an OTP is digits");
  return new RegExp(`(?<![0-9A-Za-z])${otp}(?![0-9A-Za-z])`);
}

export interface LeakFinding {
  file: string;
  form: Form | "otp";
}

export interface Secrets {
  /** Access keys: sought in every form of leakForms. */
  keys: string[];
  /**
   * Digit secrets (customer OTPs, admin PINs, customer mobiles): sought as values of their own
   * (otpPattern), and in their UTF-16LE and base64 forms.
   */
  otps?: string[];
}

/** Every file under `folder` (but `skip`) whose bytes contain one of the secrets' forms. */
export function scanForLeaks(
  folder: string,
  secrets: Secrets,
  skip: (path: string) => boolean = () => false,
): { scanned: string[]; findings: LeakFinding[] } {
  const scanned: string[] = [];
  const findings: LeakFinding[] = [];
  const keyForms = secrets.keys.flatMap((key) => leakForms(key));
  // The plain form of a digit secret is sought by pattern below; its other forms by bytes here.
  const digitForms = (secrets.otps ?? []).flatMap((otp) => leakForms(otp).filter((f) => f.form !== "plain"));
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
        for (const { bytes: secret, form } of [...keyForms, ...digitForms]) {
          if (bytes.includes(secret)) findings.push({ file, form });
        }
        // latin1 maps each byte to one character, so binary files are searched byte for byte too.
        const text = otps.length > 0 ? bytes.toString("latin1") : "";
        for (const pattern of otps) if (pattern.test(text)) findings.push({ file, form: "otp" });
      }
    }
  };
  walk(folder);
  return { scanned, findings };
}
