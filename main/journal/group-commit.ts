import { fsyncSync } from "node:fs";

/**
 * When journal lines reach the disk. A line is always written (the OS holds it, so a crash of
 * the app cannot lose it) before its request is answered; the flush to the disk itself, which
 * guards against a power cut, is batched: one fsync for every line of the last `intervalMs`,
 * and at once for a line whose loss would matter more than the wait (money moved).
 */
export type Durability = "group" | "now";

/** At most this long between a line written and the same line on disk (batched lines). */
const GROUP_COMMIT_MS = 200;

export interface GroupCommitOptions {
  intervalMs?: number;
  /** fs.fsyncSync; tests pass one that records the order. */
  fsync?: (fd: number) => void;
}

export interface GroupCommit {
  /** A line went to `fd`: flush now, or within the interval. */
  written(fd: number, durability: Durability): void;
  /** Flushes every file with lines not yet on disk (a file about to close, the app quitting). */
  flush(): void;
}

export function createGroupCommit(options: GroupCommitOptions = {}): GroupCommit {
  const intervalMs = options.intervalMs ?? GROUP_COMMIT_MS;
  const fsync = options.fsync ?? fsyncSync;
  const dirty = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function sync(fd: number): void {
    dirty.delete(fd);
    fsync(fd);
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const fd of [...dirty]) {
      try {
        sync(fd);
      } catch {
        // The line is written; a failed flush is retried by nothing better than the next one.
      }
    }
  }

  return {
    written(fd, durability) {
      if (durability === "now") {
        sync(fd);
        return;
      }
      dirty.add(fd);
      if (timer) return;
      timer = setTimeout(flush, intervalMs);
      // A pending flush must not keep a CLI command's process alive; close() flushes it anyway.
      // Stryker disable next-line OptionalChaining: Node's timers always have unref
      timer.unref?.();
    },
    flush,
  };
}
