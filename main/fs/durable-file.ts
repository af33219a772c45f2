import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";

/** A file written beside its final path, not yet in place: commit renames it, discard removes it. */
export interface StagedFile {
  commit(): void;
  discard(): void;
}

/**
 * Writes `text` to a temporary file next to `path` and flushes it to disk, so that the rename in
 * commit leaves either the old file or the whole new one after a crash or power cut, never half.
 */
export function stageFile(path: string, text: string): StagedFile {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeAll(fd, Buffer.from(text, "utf8"));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return {
    commit: () => renameSync(temporary, path),
    discard: () => rmSync(temporary, { force: true }),
  };
}

export function writeFileDurably(path: string, text: string): void {
  stageFile(path, text).commit();
}

/**
 * writeFileDurably for text that comes in pieces (an export of years): written and flushed off the
 * main thread, a piece at a time, so neither the text nor the disk holds up other work.
 */
export async function writeChunksDurably(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w", 0o600);
  try {
    for await (const chunk of chunks) await file.write(chunk, null, "utf8");
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
}

/** writeSync may write less than asked; loop until every byte is out (at `position`, when given). */
export function writeAll(fd: number, data: Buffer, position?: number): void {
  let offset = 0;
  while (offset < data.length)
    offset += writeSync(fd, data, offset, data.length - offset, position === undefined ? null : position + offset);
}
