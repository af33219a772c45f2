/**
 * After the Electron specs (CI's Windows and macOS runners), the real app's data folders, each
 * also Electron's profile (Chromium's preferences, caches, local storage, form data), must hold no
 * OTP the specs typed, no admin PIN and no test access key. REFUND_DESK_ELECTRON_PROFILES names the folder the specs
 * ran in (their REFUND_DESK_TEST_ARTIFACTS); without it this is skipped.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { PRACTICE_OTP } from "../../main/simulator/scenarios";
import { E2E_ACCESS_KEY, E2E_ADMIN_PIN } from "../fixtures/test-keys";
import { WRONG_OTP } from "../electron/desk-app";
import { scanForLeaks } from "./leak-scan";

const folder = process.env.REFUND_DESK_ELECTRON_PROFILES;

test("no OTP or admin PIN typed into the real app is anywhere in its profile folders", { skip: folder ? false : "set REFUND_DESK_ELECTRON_PROFILES after the Electron specs" }, () => {
  const root = folder as string;
  const profiles = readdirSync(root).filter((name) => name.startsWith("electron-")).map((name) => join(root, name));
  // Electron's profile files beside the app's own: the scan must have them to look at.
  const withProfile = profiles.filter((dir) => existsSync(join(dir, "Preferences")) || existsSync(join(dir, "Local State")));
  assert.ok(withProfile.length > 0, `no Electron profile under ${root}`);
  assert.ok(profiles.some((dir) => existsSync(join(dir, "journal"))), "no journal: the refund spec did not run in these folders");

  const typed = scanForLeaks(root, { keys: [E2E_ACCESS_KEY], otps: [WRONG_OTP, E2E_ADMIN_PIN] });
  assert.ok(typed.scanned.length > 10, `only ${typed.scanned.length} files scanned`);
  assert.deepEqual(typed.findings, [], `leaked in: ${typed.findings.map((f) => `${f.file} (${f.form})`).join(", ")}`);
  // Practice's OTP is also in the bundle (the screen shows it as a hint), so V8's code cache of the
  // bundle holds it: every other file must not.
  const codeCache = (path: string) => path.includes(`${sep}Code Cache${sep}`) || path.endsWith(`${sep}Code Cache`);
  const practice = scanForLeaks(root, { keys: [], otps: [PRACTICE_OTP] }, codeCache);
  assert.deepEqual(practice.findings, [], `Practice's OTP in: ${practice.findings.map((f) => f.file).join(", ")}`);
});
