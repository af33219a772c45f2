// The layer rules, checked on the import graph (`npm run depcruise`): app/ is the contract both
// processes share, so it depends on nothing but the language and zod; the two processes never import
// each other; Electron stays in the shell, so everything else runs under plain Node in tests.
// Every rule has a fixture that must break it: scripts/layer-rules.test.ts.

/** Production code: what ships in the app (tests and their helpers excluded). */
const PRODUCTION = "^(app|main|renderer)/";
const NOT_PRODUCTION = ["\\.test\\.tsx?$", "^main/test-support/", "^renderer/store/test-helpers\\.ts$"];

module.exports = {
  forbidden: [
    {
      name: "app-is-pure",
      comment: "app/ imports only app/ and zod: no Node built-in, no DOM-only module, neither process.",
      severity: "error",
      from: { path: "^app/", pathNot: NOT_PRODUCTION },
      to: { pathNot: ["^app/", "^node_modules/zod/"] },
    },
    {
      name: "renderer-not-main",
      comment: "The window reaches main only over IPC (window.refundDesk).",
      severity: "error",
      from: { path: "^renderer/", pathNot: NOT_PRODUCTION },
      to: { path: "^main/" },
    },
    {
      name: "renderer-no-node",
      comment: "The window is a sandboxed page: no Node built-in.",
      severity: "error",
      from: { path: "^renderer/", pathNot: NOT_PRODUCTION },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "command-line-words-in-main-only",
      comment:
        "The command line's words (app/messages/cli-*.ts) stay out of the window's bundle: only main imports " +
        "them; app/ may name their type.",
      severity: "error",
      from: { path: "^(app|renderer)/", pathNot: [...NOT_PRODUCTION, "^app/messages/cli-"] },
      to: { path: "^app/messages/cli-", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "main-not-renderer",
      severity: "error",
      from: { path: "^main/" },
      to: { path: "^renderer/" },
    },
    {
      name: "electron-only-in-the-shell",
      comment:
        "Only the composition root, the preload and main/electron/ import electron; a file there that needs no " +
        "Electron belongs elsewhere. (e2e/electron launches the real app, so it may name it.)",
      severity: "error",
      from: { path: PRODUCTION, pathNot: ["^main/electron/", "^main/index\\.ts$", "^main/preload\\.ts$"] },
      to: { path: "^node_modules/electron/" },
    },
    {
      name: "no-test-code-in-production",
      severity: "error",
      from: { path: PRODUCTION, pathNot: NOT_PRODUCTION },
      to: { path: ["^main/test-support/", "^renderer/store/test-helpers\\.ts$", "^e2e/", "^bench/"] },
    },
    {
      name: "no-circular",
      comment: "A cycle (type-only imports too) means two modules are one idea, or one sits in the wrong place.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-orphans",
      comment: "A module nothing imports and that imports nothing is dead, unless it is an entry point or config.",
      severity: "error",
      from: {
        orphan: true,
        pathNot: [
          "\\.d\\.m?ts$",
          "\\.config\\.(ts|mjs|cjs)$",
          "^\\.dependency-cruiser\\.cjs$",
          // Runs in the page: the test host reads it as text and serves it.
          "^e2e/host/preload-stand-in\\.js$",
        ],
      },
      to: {},
    },
  ],
  required: [
    {
      name: "electron-folder-is-the-shell",
      severity: "error",
      comment:
        "The other half of electron-only-in-the-shell: a file in main/electron/ that needs no Electron moves out.",
      module: { path: "^main/electron/", pathNot: NOT_PRODUCTION },
      to: { path: "^node_modules/electron/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|release|\\.artifacts)/" },
    // Type-only imports are edges too: a cycle through types is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
