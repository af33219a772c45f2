/**
 * electron-builder from a script, so CI and a person at a Windows or Mac machine run the same thing.
 *
 *   node --import tsx scripts/ci/package-app.ts --e2e       the unpacked app for the Electron e2e run
 *   node --import tsx scripts/ci/package-app.ts --release   the installers (Windows: NSIS and MSI;
 *                                                           macOS: dmg and pkg, x64 and arm64)
 *
 * --e2e differs from a release in one fuse and one mark: Playwright drives Electron through the Node
 * inspector, so that build keeps the inspector arguments, and its package.json carries
 * E2E_BUILD_MARK so the app's launch check lets the driver's two switches through; every other
 * fuse is as shipped. The release build
 * keeps electron-builder.yml as it is (scripts/ci/fuses-check.ts reads it back from the binary).
 *
 * Signing and notarization come from the environment (CSC_LINK, CSC_KEY_PASSWORD; APPLE_ID,
 * APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID). Without them the build is unsigned, and says so in
 * the CI job's summary and as a warning annotation, never silently.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build, type CliOptions, type Configuration } from "electron-builder";
import { load } from "js-yaml";
import { E2E_BUILD_MARK } from "../../main/launch/launch-switches";

const ROOT = join(__dirname, "..", "..");

interface SigningPlan {
  sign: boolean;
  notarize: boolean;
  warnings: string[];
}

const present = (env: NodeJS.ProcessEnv, name: string) => (env[name] ?? "").trim() !== "";

export function signingPlan(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): SigningPlan {
  const warnings: string[] = [];
  const sign = present(env, "CSC_LINK") && present(env, "CSC_KEY_PASSWORD");
  if (!sign) {
    warnings.push(
      platform === "win32"
        ? "UNSIGNED: CSC_LINK / CSC_KEY_PASSWORD are not set, so the Windows installer and app are NOT code-signed " +
            "(SmartScreen will warn)."
        : "UNSIGNED: CSC_LINK / CSC_KEY_PASSWORD are not set, so the macOS app is only signed ad hoc, without the " +
            "hardened runtime, and the dmg and pkg are NOT signed (Gatekeeper will refuse them).",
    );
  }
  const apple = ["APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID"];
  const notarize = platform === "darwin" && sign && apple.every((name) => present(env, name));
  if (platform === "darwin" && !notarize) {
    const missing = apple.filter((name) => !present(env, name));
    const reason = sign
      ? `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set`
      : "an unsigned app cannot be notarized";
    warnings.push(`NOT NOTARIZED: ${reason}.`);
  }
  return { sign, notarize, warnings };
}

/** A warning annotation on the run and a block at the top of the job's summary page. */
function announce(warnings: string[], env: NodeJS.ProcessEnv = process.env): void {
  for (const warning of warnings) process.stdout.write(`::warning title=Release not signed::${warning}\n`);
  if (env.GITHUB_STEP_SUMMARY && warnings.length > 0) {
    const lines = warnings.map((w) => `> **${w}**`).join("\n>\n");
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `\n> [!WARNING]\n> ## ⚠️ This build is not fit to ship to counters\n>\n${lines}\n>\n` +
        "> Add the secrets (docs/release.md, Secrets) and run the release again.\n\n",
    );
  }
}

/**
 * A macOS build without a Developer ID must still start on Apple silicon, where every binary needs
 * a signature (and flipping the fuses breaks Electron's own): sign it ad hoc, without the hardened
 * runtime, whose library validation an ad-hoc app cannot pass. Never shipped: a release without
 * the secrets is flagged unfit in its summary.
 */
export function adHocMac(mac: Configuration["mac"]): Configuration["mac"] {
  return { ...mac, identity: "-", hardenedRuntime: false, notarize: false };
}

function projectConfig(): Configuration {
  return load(readFileSync(join(ROOT, "electron-builder.yml"), "utf8")) as Configuration;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { e2e: { type: "boolean" }, release: { type: "boolean" } } });
  const config = projectConfig();
  if (values.e2e === values.release) throw new Error("say --e2e or --release");
  if (values.e2e) {
    // A test build: no secret is used, and the ad-hoc signature is made on pull requests too.
    for (const name of ["CSC_LINK", "CSC_KEY_PASSWORD", "APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID"])
      delete process.env[name];
    process.env.CSC_IDENTITY_AUTO_DISCOVERY = "false";
    process.env.CSC_FOR_PULL_REQUEST = "true";
    const fuses = { ...config.electronFuses, enableNodeCliInspectArguments: true };
    await build({
      projectDir: ROOT,
      dir: true,
      publish: "never",
      config: {
        ...config,
        mac: adHocMac(config.mac),
        electronFuses: fuses,
        extraMetadata: { ...(config.extraMetadata as Record<string, unknown> | undefined), [E2E_BUILD_MARK]: true },
      },
    });
    return;
  }
  const plan = signingPlan(process.env, process.platform);
  announce(plan.warnings);
  if (!plan.sign) {
    // Secrets that are not set arrive as empty strings; electron-builder must not look for any identity.
    for (const name of ["CSC_LINK", "CSC_KEY_PASSWORD"]) delete process.env[name];
    process.env.CSC_IDENTITY_AUTO_DISCOVERY = "false";
  }
  const targets: CliOptions =
    process.platform === "win32"
      ? { win: ["nsis", "msi"], x64: true }
      : process.platform === "darwin"
        ? { mac: ["dmg", "pkg"], x64: true, arm64: true }
        : { linux: ["AppImage"] };
  const mac = plan.sign ? { ...config.mac, notarize: plan.notarize } : adHocMac(config.mac);
  const built = await build({ projectDir: ROOT, publish: "never", ...targets, config: { ...config, mac } });
  process.stdout.write(`built:\n${built.map((file) => `  ${file}`).join("\n")}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
