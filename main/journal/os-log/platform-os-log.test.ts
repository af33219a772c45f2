/** The witness's tools as each OS runs them, and the installer registering the source Windows writes to. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDataDir } from "../../test-support/temp-dir";
import {
  EVENT_SOURCE,
  MAC_OS_LOG_WRITER,
  OS_LOG_SUBSYSTEM,
  osLogReader,
  osLogWriter,
  osLogWriterShortfall,
} from "./platform-os-log";

test("Linux, and macOS in a checkout: the system's logger by absolute path, from /, with the system's PATH only", () => {
  assert.deepEqual(osLogWriter("linux"), {
    file: "/usr/bin/logger",
    args: ["--socket-errors=on", "-t", "refund-desk", "-p", "user.notice"],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  assert.deepEqual(osLogWriter("darwin"), {
    file: "/usr/bin/logger",
    args: ["-t", "refund-desk", "-p", "user.notice"],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  assert.deepEqual(osLogWriter("darwin", { socket: "/tmp/s.sock" })?.args, [
    "-t",
    "refund-desk",
    "-p",
    "user.notice",
    "-u",
    "/tmp/s.sock",
  ]);
});

test("packaged macOS: the app's own writer in its resources, run as the system's tools are; logger without it", () => {
  const resources = tempDataDir("resources");
  // A packaged app whose writer is missing still has a witness.
  assert.equal(osLogWriter("darwin", { resources })?.file, "/usr/bin/logger");
  const writer = join(resources, "os-log", "refund-desk-os-log");
  mkdirSync(dirname(writer));
  writeFileSync(writer, "");
  assert.equal(MAC_OS_LOG_WRITER, "os-log/refund-desk-os-log");
  assert.deepEqual(osLogWriter("darwin", { resources }), {
    file: writer,
    args: [],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  // Only macOS has it, and a syslog socket given (development) is logger's.
  assert.equal(osLogWriter("linux", { resources })?.file, "/usr/bin/logger");
  assert.equal(osLogWriter("darwin", { resources, socket: "/tmp/s.sock" })?.file, "/usr/bin/logger");
});

test("reading back: journalctl on Linux; on macOS log show, for the writer's subsystem and for logger's lines", () => {
  assert.deepEqual(osLogReader("linux"), {
    file: "/usr/bin/journalctl",
    args: ["--no-pager", "-o", "cat", "-t", "refund-desk"],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  assert.deepEqual(osLogReader("darwin"), {
    file: "/usr/bin/log",
    args: [
      "show",
      "--style",
      "compact",
      "--info",
      "--last",
      "3650d",
      "--predicate",
      'subsystem == "in.refunddesk.app" OR eventMessage CONTAINS "REFUND-DESK-JOURNAL"',
    ],
    cwd: "/",
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  assert.equal(OS_LOG_SUBSYSTEM, "in.refunddesk.app");
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

test("a packaged macOS app without its writer says so (doctor warns); elsewhere nothing is short", () => {
  const resources = tempDataDir("resources-short");
  assert.match(
    osLogWriterShortfall("darwin", { resources }) ?? "",
    /OS-log writer is missing .*without the subsystem in\.refunddesk\.app/,
  );
  assert.equal(osLogWriterShortfall("darwin"), null, "a checkout has no writer to miss");
  assert.equal(osLogWriterShortfall("linux", { resources }), null);
  const writer = join(resources, MAC_OS_LOG_WRITER);
  mkdirSync(dirname(writer));
  writeFileSync(writer, "");
  assert.equal(osLogWriterShortfall("darwin", { resources }), null);
});
