import type { KeyStore } from "../keychain/key-store";

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliDeps {
  fetch: typeof fetch;
  keyStore: KeyStore;
  dataDir: string;
  /** The machine-wide policy file; absent or null: none is read. */
  machinePolicyPath?: string | null;
}

/** 0 done; 1 the work failed (keychain, disk, Eko); 2 usage or invalid input, nothing was done. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string>;
}

/** `--name value` and `--flag` options, each at most once; anything else is a usage error (text). */
export function parseOptions(args: string[], spec: { flags?: string[]; values?: string[] }): ParsedOptions | string {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const name = arg.replace(/^--/, "");
    if (!arg.startsWith("--")) return `unexpected argument "${arg}"`;
    if (flags.has(name) || values.has(name)) return `${arg} is given twice`;
    if (spec.flags?.includes(name)) flags.add(name);
    else if (spec.values?.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) return `${arg} needs a value`;
      values.set(name, value);
      i += 1;
    } else return `unknown option ${arg}`;
  }
  return { flags, values };
}
