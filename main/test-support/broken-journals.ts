import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createJournal, JOURNAL_FOLDER, type Journal } from "../journal/journal";
import { tempDataDir } from "./temp-dir";

/**
 * Real journals whose next line cannot be written, the ways a counter meets it: a data folder the
 * journal cannot be made in (a file where its folder goes: root writes anywhere, so modes prove
 * nothing here), a full disk (ENOSPC from the write), and the data folder removed mid-run after a
 * first line (its file still open).
 */
export function brokenJournals(): { name: string; journal: Journal }[] {
  const unwritable = tempDataDir("journal-unwritable");
  writeFileSync(join(unwritable, JOURNAL_FOLDER), "a file where the journal folder goes");
  const full = createJournal(tempDataDir("journal-full"), null, {
    write: () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
  });
  const removedDir = tempDataDir("journal-removed");
  const removed = createJournal(removedDir);
  removed.append({ at: "2026-01-15T09:00:00.000Z", tid: "1", environment: "practice", outcome: "inquiry:tx_status=3" });
  rmSync(removedDir, { recursive: true });
  return [
    { name: "unwritable data folder", journal: createJournal(unwritable) },
    { name: "disk full (ENOSPC)", journal: full },
    { name: "data folder removed mid-run", journal: removed },
  ];
}
