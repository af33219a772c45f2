/**
 * SHA256SUMS over the release files: one `<sha256>  <path>` line per file, the format that
 * `sha256sum -c` (Linux), `shasum -a 256 -c` (macOS) and a bank's procurement checks read.
 *
 *   node --import tsx scripts/ci/checksums.ts <folder> [--out <file>]
 *
 * Every file under the folder (paths relative, with "/"), sorted; the output file itself is left out.
 */
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function checksumLines(folder: string, leaveOut: string[] = []): Promise<string> {
  const skipped = new Set(leaveOut.map((file) => resolve(file)));
  const files = filesUnder(folder)
    .filter((file) => !skipped.has(resolve(file)))
    .map((file) => ({ file, name: relative(folder, file).split(sep).join("/") }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (files.length === 0) throw new Error(`no files under ${folder}`);
  const lines: string[] = [];
  for (const { file, name } of files) lines.push(`${await sha256(file)}  ${name}`);
  return `${lines.join("\n")}\n`;
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: true });
  const folder = positionals[0];
  if (!folder) {
    process.stderr.write("usage: checksums.ts <folder> [--out <file>]\n");
    process.exit(2);
  }
  const out = values.out ?? join(folder, "SHA256SUMS");
  checksumLines(folder, [out]).then(
    (text) => {
      writeFileSync(out, text);
      process.stdout.write(`${out}: ${text.trimEnd().split("\n").length} files\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
