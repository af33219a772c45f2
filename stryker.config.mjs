// Mutation testing of the money path and the lock: `npm run mutate` (not part of `npm test`).
// MUTATE_AREA=<area> runs one area with only its own test files (see docs/mutation.md).

/**
 * The money path and the lock, by area: the files mutated and the test files that guard them,
 * quickest first (a mutant stops at the first file that kills it).
 */
const AREAS = {
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
  eko: { mutate: ["main/eko/**/*.ts"], tests: ["main/eko/*.test.ts"] },
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
  admin: { mutate: ["main/admin/**/*.ts"], tests: ["main/admin/*.test.ts", "main/desk-admin.test.ts"] },
  policy: { mutate: ["main/policy/**/*.ts"], tests: ["main/policy/*.test.ts", "main/desk-admin.test.ts"] },
  journal: { mutate: ["main/journal/**/*.ts"], tests: ["main/journal/*.test.ts", "main/cli/journal-export.test.ts"] },
  app: {
    mutate: ["app/**/*.ts", "!app/messages/en.ts", "!app/messages/hi.ts"],
    tests: ["app/**/*.test.ts", "main/**/*.test.ts"],
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

const name = process.env.MUTATE_AREA ?? "";
if (name !== "" && !(name in AREAS)) throw new Error(`MUTATE_AREA must be one of: ${Object.keys(AREAS).join(", ")}`);
const area = name === "" ? ALL : AREAS[name];
// The full run writes reports/mutation/mutation.json; an area run writes its own, so the two
// incremental records never overwrite each other.
const out = name === "" ? "reports/mutation" : `reports/mutation/areas/${name}`;

export default {
  packageManager: "npm",
  testRunner: "tap",
  tap: {
    // node:test files run one per process under tsx, reporting TAP; Stryker reads each file's
    // coverage, so a mutant runs only the files that reach it.
    testFiles: area.tests,
    nodeArgs: ["--import", "tsx", "--test-reporter=tap"],
  },
  checkers: ["typescript"],
  tsconfigFile: "main/tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  mutate: [...area.mutate, "!**/*.test.ts"],
  ignorePatterns: ["dist", "release", "reports", ".artifacts", "test-results", "playwright-report", "docs", "build"],
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: `${out}/mutation.json` },
  htmlReporter: { fileName: `${out}/mutation.html` },
  // A re-run after a small change tests only the mutants it touched. The file stays under
  // reports/ (git-ignored; CI keeps it as a cache), as it changes on every run.
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  // Two cores shared with everything else: one test process at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
