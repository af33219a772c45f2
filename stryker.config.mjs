// Mutation testing of the money path and the lock: `npm run mutate` (not part of `npm test`).
// MUTATE_AREA=<area> runs one area with only its own test files (see docs/mutation.md).
import { globSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The money path and the lock, by area: the files mutated and the test files that guard them,
 * quickest first (a mutant stops at the first file that kills it).
 */
export const AREAS = {
  signing: { mutate: ["main/eko/signing.ts"], tests: ["main/eko/signing*.test.ts"] },
  envelope: {
    mutate: ["main/eko/envelope.ts"],
    tests: [
      "main/eko/envelope.test.ts",
      "main/eko/refund-replies.test.ts",
      "main/eko/eko-client.test.ts",
      "main/eko/refund-client.test.ts",
    ],
  },
  "eko-client": {
    mutate: ["main/eko/eko-client.ts", "main/eko/network-error.ts", "main/eko/read-capped.ts"],
    tests: ["main/eko/*.test.ts"],
  },
  // The conformance folder's own code reads Eko's sample files for the tests; no build ships it.
  eko: { mutate: ["main/eko/**/*.ts", "!main/eko/conformance/**"], tests: ["main/eko/**/*.test.ts"] },
  refund: { mutate: ["main/refund/**/*.ts"], tests: ["main/refund/*.test.ts"] },
  ipc: {
    mutate: ["main/ipc/**/*.ts"],
    tests: [
      "main/ipc/dispatch.details.test.ts",
      "main/ipc/sender.test.ts",
      "main/ipc/dispatch.test.ts",
      "main/ipc/dispatch.keychain.test.ts",
    ],
  },
  admin: { mutate: ["main/admin/**/*.ts"], tests: ["main/admin/*.test.ts"] },
  policy: { mutate: ["main/policy/**/*.ts"], tests: ["main/policy/**/*.test.ts", "main/admin/desk-admin.test.ts"] },
  // The macOS writer's test compiles C, which no TypeScript mutant reaches.
  journal: {
    mutate: ["main/journal/**/*.ts"],
    tests: [
      "main/journal/**/*.test.ts",
      "!main/journal/os-log/mac-os-log-writer.test.ts",
      "main/cli/journal-export.test.ts",
    ],
  },
  app: {
    mutate: ["app/**/*.ts", "!app/messages/en.ts", "!app/messages/hi.ts"],
    tests: ["app/**/*.test.ts", "main/**/*.test.ts", "!main/**/*.keychain.test.ts", "!main/**/*.process.test.ts"],
  },
};

const ALL = {
  mutate: Object.values(AREAS).flatMap((area) => area.mutate),
  // The keychain and process tests need a Secret Service and spawn the CLI; they guard none of these files alone.
  tests: [
    "app/**/*.test.ts",
    "main/**/*.test.ts",
    "e2e/leak/leak.test.ts",
    "!main/**/*.keychain.test.ts",
    "!main/**/*.process.test.ts",
  ],
};

/**
 * Test files that take over 1.4 s alone on the 2-core development machine (real timers, scrypt,
 * child processes). A mutant runs the files that reach it in this order (after its own test files)
 * and stops at the first that kills it, so these go last.
 */
const SLOW_LAST = [
  "main/admin/counter-lock.test.ts",
  "main/refund/refund-otp-service.test.ts",
  "app/messages/key-usage.test.ts",
  "main/cli/provision.test.ts",
  "main/eko/eko-client.test.ts",
  "main/journal/day-close.test.ts",
  "main/refund/otp-never-kept.test.ts",
  "main/refund/unsettled-across-restart.test.ts",
  "main/admin/admin.test.ts",
  "main/simulator/simulator.test.ts",
  "main/ipc/dispatch.fuzz.test.ts",
  "main/refund/refund-flow.test.ts",
  "main/eko/post-once.test.ts",
  "main/eko/refund-client.test.ts",
  "main/leak-checks/error-kinds.leak.test.ts",
];

/** The files of a list of globs ("!" excludes), each once, in the order the globs give them. */
export function filesOf(globs) {
  const excluded = new Set(globs.filter((g) => g.startsWith("!")).flatMap((g) => globSync(g.slice(1))));
  return [...new Set(globs.filter((g) => !g.startsWith("!")).flatMap((g) => globSync(g).sort()))].filter(
    (file) => !excluded.has(file),
  );
}

/** The globs as a list of files in the order given, the slow ones last (the runner keeps the order). */
function ordered(globs) {
  const files = filesOf(globs);
  const rank = (file) => SLOW_LAST.indexOf(file);
  const slow = files.filter((file) => rank(file) !== -1).sort((a, b) => rank(a) - rank(b));
  return [...files.filter((file) => rank(file) === -1), ...slow];
}

const name = process.env.MUTATE_AREA ?? "";
const tempDirName = name === "" ? ".stryker-tmp/all" : `.stryker-tmp/${name}`;
// The test processes (one per test file per mutant) share V8's code cache, so each after the first
// compiles less of the instrumented code. It stays in the working folder (git-ignored) for the next
// run; delete the folder for a cold run.
process.env.NODE_COMPILE_CACHE ??= resolve(tempDirName, "v8-code-cache");
if (name !== "" && !(name in AREAS)) throw new Error(`MUTATE_AREA must be one of: ${Object.keys(AREAS).join(", ")}`);
const area = name === "" ? ALL : AREAS[name];
// The full run writes reports/mutation/mutation.json; an area run writes its own, so the two
// incremental records never overwrite each other.
const out = name === "" ? "reports/mutation" : `reports/mutation/areas/${name}`;

export default {
  packageManager: "npm",
  // StrykerJS's TAP runner, trying a mutant's own test files first (scripts/mutation-runner.mjs).
  plugins: ["@stryker-mutator/*", "./scripts/mutation-runner.mjs"],
  testRunner: "tap-own-tests-first",
  tap: {
    // node:test files run one per process under tsx, reporting TAP; Stryker reads each file's
    // coverage, so a mutant runs only the files that reach it.
    testFiles: ordered(area.tests),
    // A file stops at its first failing test: the mutant is killed, the rest of the file is not needed.
    forceBail: true,
    // A test that hangs fails after 10 s (none takes over 3 s alone), so a mutant that leaves a timer or
    // socket waiting costs 10 s, not the whole run's allowance (twice every file's time, plus 8 s).
    nodeArgs: ["--import", "tsx", "--test-reporter=tap", "--test-timeout=10000"],
  },
  checkers: ["typescript"],
  // One flat project for the checker, no declarations emitted: see tsconfig.mutate.json.
  tsconfigFile: "tsconfig.mutate.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: [...area.mutate, "!**/*.test.ts"],
  // build/ stays: tests read the installer script and the macOS writer beside the code they test.
  ignorePatterns: ["dist", "release", "reports", ".artifacts", "test-results", "playwright-report", "docs"],
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: `${out}/mutation.json` },
  htmlReporter: { fileName: `${out}/mutation.html` },
  // A re-run after a small change tests only the mutants it touched. The file stays under
  // reports/ (git-ignored; CI keeps it as a cache), as it changes on every run.
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  // Stryker gives half to type checkers, half to test processes, and all to test processes once every
  // mutant is checked. Four on two cores: a test file spends much of its time waiting (timers,
  // loopback HTTP, child processes), so two per core keep both busy.
  concurrency: 4,
  // A mutant that hangs (a loop that never ends, a promise never settled) costs this much on top of
  // twice the time its tests took unmutated; 8 s is ample on an idle machine.
  timeoutMS: 8_000,
  timeoutFactor: 2,
  thresholds: { high: 95, low: 90, break: null },
  // One working folder per area, so area runs can go side by side.
  tempDirName,
  cleanTempDir: true,
};
