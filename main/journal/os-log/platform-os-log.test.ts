/** The witness's tools as each OS runs them, and the installer registering the source Windows writes to. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EVENT_SOURCE, osLogReader, osLogWriter } from "./platform-os-log";

test("Linux and macOS: the system's logger by absolute path, from /, with the system's PATH only", () => {
  assert.deepEqual(osLogWriter("linux"), {
    file: "/usr/bin/logger",
    args: ["--socket-errors=on", "-t", "refund-desk", "-p", "user.notice"],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  assert.deepEqual(osLogWriter("darwin", "/tmp/s.sock")?.args, [
    "-t",
    "refund-desk",
    "-p",
    "user.notice",
    "-u",
    "/tmp/s.sock",
  ]);
  assert.equal(osLogReader("linux")?.file, "/usr/bin/journalctl");
  assert.equal(osLogReader("darwin")?.file, "/usr/bin/log");
});

test("the NSIS installer registers, and the uninstaller removes, the event source the app writes to", () => {
  const script = readFileSync(join(__dirname, "..", "..", "..", "build", "installer.nsh"), "utf8");
  const key = `SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\${EVENT_SOURCE}`;
  assert.ok(script.includes(`!define REFUND_DESK_EVENT_SOURCE "${key}"`), "the source's name is the app's");
  assert.match(
    script,
    /!macro customInstall[\s\S]*WriteRegExpandStr HKLM "\$\{REFUND_DESK_EVENT_SOURCE\}" "EventMessageFile"/,
  );
  assert.match(script, /!macro customUnInstall[\s\S]*DeleteRegKey HKLM "\$\{REFUND_DESK_EVENT_SOURCE\}"/);
});
