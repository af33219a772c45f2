/**
 * One writer at a time across processes. The window and a CLI command may append to the same
 * month file, and each seals its line to the file's last line: reading that line and writing the
 * next must not interleave with another process's, or two lines seal to the same one and the chain
 * breaks. The lock is SQLite's own file lock on a database of its own in the data folder, beside
 * the journal folder (which keeps the month files alone): the one lock across processes that Node
 * has on every platform (node:sqlite, as counter-state.db uses).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** In the data folder: nothing of it is read, it is only locked. */
const APPEND_LOCK_FILE = "journal-append.lock";

/** How long an append waits for another process's (a line is written in well under a millisecond). */
const WAIT_MS = 5_000;

export interface AppendLock {
  /** Runs `step` holding the lock; throws when it cannot be had, so the line is not written. */
  hold<T>(step: () => T): T;
  close(): void;
}

export function createAppendLock(dataDir: string): AppendLock {
  const path = join(dataDir, APPEND_LOCK_FILE);
  let db: DatabaseSync | null = null;

  function opened(): DatabaseSync {
    // A lock file removed meanwhile would lock nothing another process sees: opened again by name.
    if (db && !existsSync(path)) close();
    if (!db) {
      db = new DatabaseSync(path);
      db.exec(`PRAGMA busy_timeout = ${WAIT_MS}`);
    }
    return db;
  }

  function close(): void {
    try {
      db?.close();
    } finally {
      db = null;
    }
  }

  return {
    hold(step) {
      const held = opened();
      // A write lock at once (RESERVED): one holder across processes; nothing is ever written to it.
      held.exec("BEGIN IMMEDIATE");
      try {
        return step();
      } finally {
        held.exec("COMMIT");
      }
    },
    close,
  };
}
