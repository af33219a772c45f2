import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The forms a key could leak in: as typed, and base64 (the form the signing derives from it). */
export function leakForms(secret: string): string[] {
  return [secret, Buffer.from(secret, "utf8").toString("base64")];
}

export interface LeakFinding {
  file: string;
  form: string;
}

/** Every file under `folder` (but `skip`) whose bytes contain one of the secrets' forms. */
export function scanForLeaks(folder: string, secrets: string[], skip: (path: string) => boolean = () => false): { scanned: string[]; findings: LeakFinding[] } {
  const scanned: string[] = [];
  const findings: LeakFinding[] = [];
  const forms = secrets.flatMap(leakForms);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size > 0) {
        scanned.push(relative(folder, path));
        const bytes = readFileSync(path);
        for (const form of forms) if (bytes.includes(form)) findings.push({ file: relative(folder, path), form: form === secrets.find((s) => s === form) ? "plain" : "base64" });
      }
    }
  };
  walk(folder);
  return { scanned, findings };
}
