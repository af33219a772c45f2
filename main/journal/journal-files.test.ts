/**
 * The journal's files as the OS sees them: a new month's folder entry flushed to disk (not on
 * Windows, which cannot open a folder), no file handle left behind, and a month file whose handle
 * went bad opened afresh for the next line. Reads /proc/self/fd, so Linux only.
 */
import { afterEach, mock, test } from "node:test";
import assert from "node:assert/strict";
import fs, { closeSync, readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "../test-support/temp-dir";
import { createJournal, JOURNAL_FOLDER, type JournalRecord } from "./journal";

const linuxOnly = { skip: process.platform !== "linux" ? "reads /proc/self/fd" : false };
afterEach(() => mock.restoreAll());

const record = (at: string, tid: string): JournalRecord => ({ at, tid, environment: "uat", outcome: "otp-sent" });

/** This process's open file handles that point at `path` or inside it. */
function handlesOn(path: string): number[] {
  return readdirSync("/proc/self/fd")
    .map(Number)
    .filter((fd) => {
      try {
        const target = readlinkSync(`/proc/self/fd/${fd}`);
        return target === path || target.startsWith(`${path}/`);
      } catch {
        return false;
      }
    });
}

/** What each fsync flushed, by path. */
function recordFsyncs(): string[] {
  const synced: string[] = [];
  const fsyncSync = fs.fsyncSync.bind(fs);
  mock.method(fs, "fsyncSync", (fd: number) => {
    synced.push(readlinkSync(`/proc/self/fd/${fd}`));
    fsyncSync(fd);
  });
  return synced;
}

test(
  "a new month's file has its folder entry flushed to disk; a month already on disk does not",
  linuxOnly,
  async () => {
    const dataDir = tempDataDir("journal-files");
    const folder = join(dataDir, JOURNAL_FOLDER);
    const synced = recordFsyncs();
    const journal = createJournal(dataDir, "C1");
    journal.append(record("2026-03-05T10:00:00.000Z", "1"));
    assert.deepEqual(synced, [folder]);
    journal.append(record("2026-03-05T10:00:01.000Z", "2"));
    journal.close();
    assert.deepEqual(synced, [folder, join(folder, "2026-03.jsonl")]);

    synced.length = 0;
    const reopened = createJournal(dataDir, "C1");
    reopened.append(record("2026-03-06T10:00:00.000Z", "3"), "now");
    assert.deepEqual(synced, [join(folder, "2026-03.jsonl")], "no folder flush for a file that was there");
    reopened.close();
  },
);

test(
  "on Windows, which cannot open a folder, a new month's file is written without a folder flush",
  linuxOnly,
  async () => {
    const dataDir = tempDataDir("journal-files-win");
    const synced = recordFsyncs();
    const platform = Object.getOwnPropertyDescriptor(process, "platform") as PropertyDescriptor;
    Object.defineProperty(process, "platform", { ...platform, value: "win32" });
    try {
      const journal = createJournal(dataDir, "C1");
      assert.equal(journal.append(record("2026-03-05T10:00:00.000Z", "1"), "now"), true);
      journal.close();
    } finally {
      Object.defineProperty(process, "platform", platform);
    }
    assert.deepEqual(synced, [join(dataDir, JOURNAL_FOLDER, "2026-03.jsonl")]);
  },
);

test(
  "no file handle is left open: the folder's after its flush, a month's once the next month starts or on close",
  linuxOnly,
  () => {
    const dataDir = tempDataDir("journal-files-handles");
    const folder = join(dataDir, JOURNAL_FOLDER);
    const journal = createJournal(dataDir, "C1");
    for (const month of ["01", "02", "03"]) journal.append(record(`2026-${month}-05T10:00:00.000Z`, month));
    assert.equal(handlesOn(folder).length, 1, "only March's file, kept open for the next line");
    journal.close();
    assert.deepEqual(handlesOn(folder), []);
    assert.doesNotThrow(() => journal.close(), "closing twice is harmless");
  },
);

test("a journal closed before any line was written closes without error", async () => {
  assert.doesNotThrow(() => createJournal(tempDataDir("journal-files-empty"), "C1").close());
});

test(
  "a month file whose handle went bad fails one line, and the next line opens the file afresh",
  linuxOnly,
  async () => {
    const dataDir = tempDataDir("journal-files-bad");
    const folder = join(dataDir, JOURNAL_FOLDER);
    const journal = createJournal(dataDir, "C1");
    assert.equal(journal.append(record("2026-03-05T10:00:00.000Z", "1")), true);
    const [fd] = handlesOn(folder);
    assert.ok(fd !== undefined);
    closeSync(fd); // as if the OS had dropped it: any use now fails with EBADF, closing it too
    assert.equal(journal.append(record("2026-03-05T10:00:01.000Z", "2")), false);
    assert.equal(journal.append(record("2026-03-05T10:00:02.000Z", "3")), true);
    journal.close();
    const read = await journal.read(Date.parse("2026-03-01T00:00:00Z"), Date.parse("2026-04-01T00:00:00Z"));
    assert.deepEqual(
      read.entries.map((e) => `${e.tid}:${e.chain}`),
      ["1:ok", "3:ok"],
    );
  },
);
