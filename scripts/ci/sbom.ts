/**
 * The CycloneDX SBOM of what the app ships from npm: the production dependencies (keytar and what
 * it needs), made by @cyclonedx/cyclonedx-npm from the installed tree and validated against the
 * CycloneDX schema by it, then checked here: the app and its version, keytar at the locked version,
 * and no development tool (Electron's npm wrapper, electron-builder, TypeScript) listed.
 *
 *   node --import tsx scripts/ci/sbom.ts [--out <file>]     (default release/refund-desk-<version>.cdx.json)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";

const ROOT = join(__dirname, "..", "..");

interface Component {
  name: string;
  version?: string;
  group?: string;
  components?: Component[];
}

export function componentNames(components: Component[] = []): Map<string, string | undefined> {
  const names = new Map<string, string | undefined>();
  const walk = (list: Component[]) => {
    for (const c of list) {
      names.set(c.group ? `${c.group}/${c.name}` : c.name, c.version);
      walk(c.components ?? []);
    }
  };
  walk(components);
  return names;
}

interface Bom {
  bomFormat?: string;
  metadata?: { component?: { name?: string; version?: string } };
  components?: Component[];
}
interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Lock {
  packages?: Record<string, { version?: string }>;
}

/** What is wrong with an SBOM for this project, given package.json and package-lock.json. */
export function sbomProblems(bom: Bom, manifest: Manifest, lock: Lock): string[] {
  const problems: string[] = [];
  if (bom.bomFormat !== "CycloneDX") problems.push("not a CycloneDX document");
  const app = bom.metadata?.component;
  if (app?.name !== manifest.name || app?.version !== manifest.version)
    problems.push(`metadata.component is ${app?.name}@${app?.version}, not ${manifest.name}@${manifest.version}`);
  const listed = componentNames(bom.components);
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    const locked = lock.packages?.[`node_modules/${name}`]?.version;
    if (listed.get(name) !== locked)
      problems.push(`${name}: ${listed.get(name) ?? "missing"}, the lockfile has ${locked}`);
  }
  for (const name of Object.keys(manifest.devDependencies ?? {}))
    if (listed.has(name)) problems.push(`${name} is a development dependency, not shipped`);
  return problems;
}

if (require.main === module) {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Manifest;
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lock;
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = values.out ?? join(ROOT, "release", `refund-desk-${manifest.version}.cdx.json`);
  mkdirSync(dirname(out), { recursive: true });
  // The package exports no package.json: its bin sits where npm installs it.
  const cli = join(ROOT, "node_modules", "@cyclonedx", "cyclonedx-npm", "bin", "cyclonedx-npm-cli.js");
  const args = [
    "--omit",
    "dev",
    "--mc-type",
    "application",
    "--spec-version",
    "1.6",
    "--output-reproducible",
    "--validate",
    "--output-format",
    "JSON",
    "--output-file",
    out,
  ];
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const bom = JSON.parse(readFileSync(out, "utf8")) as Bom;
  const problems = sbomProblems(bom, manifest, lock);
  for (const problem of problems) process.stderr.write(`SBOM: ${problem}\n`);
  if (problems.length > 0) process.exit(1);
  process.stdout.write(`${out}: CycloneDX 1.6, ${componentNames(bom.components).size} components\n`);
}
