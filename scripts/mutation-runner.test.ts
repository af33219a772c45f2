/** The order in which the mutation run tries test files against a mutant (scripts/mutation-runner.mjs). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ownTestsFirst } from "./mutation-runner.mjs";

const GLOBAL_ORDER = [
  "app/tid.test.ts",
  "main/admin/admin.test.ts",
  "main/eko/decimal-text.test.ts",
  "main/eko/eko-client.rules.test.ts",
  "main/eko/conformance/conformance.test.ts",
  "main/eko/eko-client.test.ts",
  "main/eko/eko-clients.test.ts",
  "main/refund/eko-client.test.ts",
];

test("the source's own test files first, then the rest, each in the given order", () => {
  assert.deepEqual(ownTestsFirst("/work/desk/main/eko/eko-client.ts", GLOBAL_ORDER), [
    "main/eko/eko-client.rules.test.ts",
    "main/eko/eko-client.test.ts",
    "app/tid.test.ts",
    "main/admin/admin.test.ts",
    "main/eko/decimal-text.test.ts",
    "main/eko/conformance/conformance.test.ts",
    "main/eko/eko-clients.test.ts",
    "main/refund/eko-client.test.ts",
  ]);
});

test("a relative path and a Windows path are read the same way", () => {
  const expected = [
    "main/eko/conformance/conformance.test.ts",
    ...GLOBAL_ORDER.filter((file) => !file.includes("conformance")),
  ];
  assert.deepEqual(ownTestsFirst("main/eko/conformance/conformance.ts", GLOBAL_ORDER), expected);
  assert.deepEqual(ownTestsFirst("C:\\desk\\main\\eko\\conformance\\conformance.ts", GLOBAL_ORDER), expected);
});

test("a source with no test file of its own keeps the given order", () => {
  assert.deepEqual(ownTestsFirst("/work/desk/app/messages/format.ts", GLOBAL_ORDER), GLOBAL_ORDER);
  assert.deepEqual(ownTestsFirst("/work/desk/xmain/eko/eko-client.ts", GLOBAL_ORDER), GLOBAL_ORDER);
  assert.deepEqual(ownTestsFirst("/work/desk/main/eko/eko.ts", GLOBAL_ORDER), GLOBAL_ORDER);
});
