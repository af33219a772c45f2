/**
 * Attaches the release files to a draft GitHub release for the tag, creating the draft when there
 * is none (a re-run replaces the files). A person reviews and publishes it; nothing is published here.
 *
 *   GH_TOKEN=… node --import tsx scripts/ci/draft-release.ts --tag v0.1.0 --dir release-assets
 *
 * The tag must be package.json's version with a "v", and the folder must hold SHA256SUMS that
 * matches every other file in it, an SBOM, the Windows installer and MSI, and the macOS dmg and pkg.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checksumLines } from "./checksums";

const ROOT = join(__dirname, "..", "..");

/** What is missing from a release folder, by file name. */
export function releaseProblems(files: string[], version: string): string[] {
  const wanted: Array<[string, (name: string) => boolean]> = [
    ["SHA256SUMS", (f) => f === "SHA256SUMS"],
    ["a CycloneDX SBOM (.cdx.json)", (f) => f.endsWith(".cdx.json")],
    ["the Windows installer", (f) => f === `refund-desk-setup-${version}.exe`],
    ["the Windows MSI", (f) => f === `refund-desk-${version}.msi`],
    ["the macOS x64 dmg", (f) => f === `refund-desk-${version}-x64.dmg`],
    ["the macOS arm64 dmg", (f) => f === `refund-desk-${version}-arm64.dmg`],
    ["the macOS x64 pkg", (f) => f === `refund-desk-${version}-x64.pkg`],
    ["the macOS arm64 pkg", (f) => f === `refund-desk-${version}-arm64.pkg`],
  ];
  return wanted.filter(([, match]) => !files.some(match)).map(([what]) => `missing: ${what}`);
}

function gh(args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync("gh", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tag: { type: "string" }, dir: { type: "string" } } });
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const tag = values.tag ?? "";
  const dir = values.dir ?? "";
  if (tag !== `v${version}`) throw new Error(`tag ${tag || "(none)"} is not v${version}, package.json's version`);
  const files = readdirSync(dir).sort();
  const problems = releaseProblems(files, version);
  // SHA256SUMS must describe exactly the files beside it, as they are now.
  const sums = readFileSync(join(dir, "SHA256SUMS"), "utf8");
  if (sums !== (await checksumLines(dir, [join(dir, "SHA256SUMS")])))
    problems.push("SHA256SUMS does not match the files in the folder");
  if (problems.length > 0) throw new Error(problems.join("\n"));

  const paths = files.map((f) => join(dir, f));
  if (gh(["release", "view", tag, "--json", "isDraft"]).status === 0) {
    const { isDraft } = JSON.parse(gh(["release", "view", tag, "--json", "isDraft"]).stdout) as { isDraft: boolean };
    if (!isDraft) throw new Error(`release ${tag} is already published: not touching it`);
    if (gh(["release", "upload", tag, ...paths, "--clobber"]).status !== 0) throw new Error("gh release upload failed");
  } else {
    const notes =
      `Refund Desk ${version}. Verify downloads with SHA256SUMS; ` + "the SBOM lists the npm packages the app ships.";
    if (
      gh([
        "release",
        "create",
        tag,
        ...paths,
        "--draft",
        "--verify-tag",
        "--title",
        `Refund Desk ${version}`,
        "--notes",
        notes,
      ]).status !== 0
    )
      throw new Error("gh release create failed");
  }
  process.stdout.write(`draft release ${tag}: ${files.join(", ")}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
