/**
 * After the Electron specs (CI's Windows and macOS runners), the real app's data folders, each
 * also Electron's profile (Chromium's preferences, caches, local storage, form data), must hold no
 * OTP the specs typed, no admin PIN and no test access key. REFUND_DESK_ELECTRON_PROFILES names the
 * folder the specs ran with as REFUND_DESK_TEST_ARTIFACTS, where they listed the data folders the
 * app reported using; without it this is skipped.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { PRACTICE_OTP } from "../../main/simulator/scenarios";
import { PROFILES_LIST, WRONG_OTP } from "../electron/desk-app";
import { E2E_ACCESS_KEY, E2E_ADMIN_PIN } from "../fixtures/test-keys";
import { scanForLeaks } from "./leak-scan";

const folder = process.env.REFUND_DESK_ELECTRON_PROFILES;

test(
  "no OTP or admin PIN typed into the real app is anywhere in its profile folders",
  { skip: folder ? false : "set REFUND_DESK_ELECTRON_PROFILES after the Electron specs" },
  () => {
    const list = join(folder as string, PROFILES_LIST);
    assert.ok(existsSync(list), `${list} is missing: the Electron specs did not run with this folder`);
    const profiles = [
      ...new Set(
        readFileSync(list, "utf8")
          .split("\n")
          .filter((line) => line !== ""),
      ),
    ];
    // Electron's profile files beside the app's own: the scan must have them to look at.
    assert.ok(
      profiles.some((dir) => existsSync(join(dir, "Local State")) || existsSync(join(dir, "Preferences"))),
      `no Electron profile in ${profiles.join(", ")}`,
    );
    assert.ok(
      profiles.some((dir) => existsSync(join(dir, "journal"))),
      "no journal: the refund spec did not run in these folders",
    );

    for (const profile of profiles) {
      const typed = scanForLeaks(profile, { keys: [E2E_ACCESS_KEY], otps: [WRONG_OTP, E2E_ADMIN_PIN] });
      assert.ok(typed.scanned.length > 10, `only ${typed.scanned.length} files scanned in ${profile}`);
      assert.deepEqual(
        typed.findings,
        [],
        `leaked in ${profile}: ${typed.findings.map((f) => `${f.file} (${f.form})`).join(", ")}`,
      );
      // Practice's OTP is also in the bundle (the screen shows it as a hint), so V8's code cache of the
      // bundle holds it: every other file must not.
      const codeCache = (path: string) => path.includes(`${sep}Code Cache${sep}`) || path.endsWith(`${sep}Code Cache`);
      const practice = scanForLeaks(profile, { keys: [], otps: [PRACTICE_OTP] }, codeCache);
      assert.deepEqual(
        practice.findings,
        [],
        `Practice's OTP in ${profile}: ${practice.findings.map((f) => f.file).join(", ")}`,
      );
    }
  },
);
