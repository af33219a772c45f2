// Types for scripts/mutation-runner.mjs, which scripts/mutation-runner.test.ts imports.
export function ownTestsFirst(source: string, testFiles: string[]): string[];
