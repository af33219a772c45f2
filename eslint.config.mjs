// ESLint: typescript-eslint's type-aware rules (they see through the types, e.g. a promise nobody
// awaits), the rules of hooks for React, and jsx-a11y for the screens an agent works with by keyboard
// and screen reader. Formatting is Prettier's job, not ESLint's.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "release/", ".artifacts/", "test-results/", "playwright-report/", "reports/", ".stryker-tmp/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // Each file is checked with its layer's project (tsconfig.json references them all).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test runs every test()/describe() it is given; their promises are its to await.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
      // `async` is how a service or a fake meets a Promise-returning interface without an await: a throw
      // inside then rejects instead of escaping synchronously, which the IPC dispatch relies on.
      "@typescript-eslint/require-await": "off",
      // `const { pin: _pin, ...rest } = x` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read what the code under test wrote (JSON, journals, command output) as `any` and assert
    // its shape: the assertion is the check, so typing each read adds nothing.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // Props and store actions are passed around unbound: as properties, calling one unbound is type-safe.
    files: ["renderer/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/method-signature-style": ["error", "property"] },
  },
  {
    files: ["renderer/**/*.tsx"],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
    rules: {
      // A scrolling region (the history table, a long reference) must be reachable by keyboard too.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: ["output"] }],
    },
  },
  {
    // Plain JavaScript (build scripts, the CLI launcher, the test host's preload stand-in) has no project.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS: require is how it imports.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Runs in the page; the test host writes the channel table and the demo flag in for the placeholders.
    files: ["e2e/host/preload-stand-in.js"],
    languageOptions: { globals: { ...globals.browser, __IPC_CHANNELS__: "readonly", __DEMO__: "readonly" } },
  },
);
