import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { spelledSecrets } from "./test-secret-literals";

const ROOT = join(__dirname, "..");
const REGISTRY_FILE = "main/test-support/test-secrets.ts";
/** This file: its fixtures below spell secrets on purpose, to show the scan finds them. */
const THIS_FILE = "scripts/test-secret-literals.test.ts";

/** Tests, specs and what they share: every file that may hold a secret of a test. */
function testFiles(): string[] {
  return execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mts"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(
      (f) =>
        /\.(test|spec)\.tsx?$|^e2e\/|^main\/test-support\/|^bench\//.test(f) && f !== REGISTRY_FILE && f !== THIS_FILE,
    );
}

test("no test spells a secret: each comes from the test-secret registry", () => {
  const files = testFiles();
  assert.ok(files.length > 100 && files.includes("e2e/specs/refund.spec.ts"), `${files.length} files`);
  const spelled = files
    .flatMap((file) => spelledSecrets(join(ROOT, file)))
    .map((s) => ({
      ...s,
      file: s.file.slice(ROOT.length + 1),
    }));
  assert.deepEqual(spelled, [], "take these from TEST_SECRETS (main/test-support/test-secrets.ts)");
});

test("a registry value spelled anywhere, or a secret-shaped value in a secret's place, is found; refused inputs are not", () => {
  const source = [
    'const a = "80417293";', // the registry's wrong e2e OTP
    "const b = `otp=${x}&mobile=6111111111`;", // a registry mobile inside a template
    "const c = 123456;", // the practice OTP as a number
    'const ADMIN_PIN = "39170254";', // a PIN of its own
    'const d = { otp: "4417", accessKey: "a-key-of-its-own-1" };',
    'f({ pin: "a passphrase of my own" });', // a passphrase
    // Refused inputs and things that are not secrets:
    'const e = { pin: "4821", otp: "12", accessKey: "k", adminPin: "pass\\u0000word99" };',
    'const tid = "13192443"; const n = 61111111112; const ref = "1234567";',
    "const f = TEST_SECRETS.otps.practice;",
  ].join("\n");
  const found = spelledSecrets("example.test.ts", source).map((s) => `${s.line} ${s.why}`);
  assert.deepEqual(found, [
    "1 otps.wrongE2e",
    "2 customerMobiles.withPending",
    "3 otps.practice",
    "4 ADMIN_PIN",
    "5 otp",
    "5 accessKey",
    "6 pin",
  ]);
});
