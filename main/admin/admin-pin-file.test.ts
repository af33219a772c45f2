/** The provisioned PIN's file in the data folder: written as JSON, read back only when it holds a checkable hash. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { adminPinPath, adminPinText, readAdminPinHash } from "./admin-pin-file";
import { TEST_SECRETS } from "../test-support/test-secrets";

const HASH = "$scrypt$ln=12,r=8,p=1$BwcHBwcHBwcHBwcHBwcHBw$Ax0IN+ZDUIRtl7cJC58eZbPlDe5lfVnmPYmkpSThLrU";

test("the file is admin-pin.json in the data folder, one JSON object with the hash, ending in a newline", () => {
  const dataDir = tempDataDir("admin-pin");
  assert.equal(adminPinPath(dataDir), join(dataDir, "admin-pin.json"));
  const text = adminPinText(HASH);
  assert.deepEqual(JSON.parse(text), { pinHash: HASH });
  assert.ok(text.endsWith("}\n"));
  writeFileSync(adminPinPath(dataDir), text);
  assert.equal(readAdminPinHash(dataDir), HASH);
});

test("no file, a damaged one, or one without a checkable hash reads as no PIN", () => {
  const dataDir = tempDataDir("admin-pin-bad");
  assert.equal(readAdminPinHash(dataDir), null);
  for (const text of [
    "{ torn",
    "null",
    "{}",
    JSON.stringify({ pinHash: 1234 }),
    JSON.stringify({ pinHash: TEST_SECRETS.adminPins.lockRecord }),
    JSON.stringify({ pinHash: HASH.replace("ln=12", "ln=30") }),
  ]) {
    writeFileSync(adminPinPath(dataDir), text);
    assert.equal(readAdminPinHash(dataDir), null, text);
  }
});
