const HEAD_BYTES = 32;

/**
 * Where each journal line's head is in the journal, for years of lines in a few bytes each: the
 * heads' 32 bytes side by side in one buffer, found through an open-addressing table of their
 * positions (a SHA-256 is its own hash). A Map of hex strings costs ten times as much, and a head
 * read out of its line as a slice keeps the whole line alive.
 */
export class HeadIndex {
  private heads = Buffer.alloc(HEAD_BYTES * 1024);
  /** Position + 1 of the latest line with the head hashed there; 0 is empty. */
  private slots = new Uint32Array(2048);
  private count = 0;
  private readonly scratch = Buffer.alloc(HEAD_BYTES);

  /** Lines added, in order. */
  get size(): number {
    return this.count;
  }

  /** The next line's head (64 hex digits, as every seal is); a line with the head of an earlier one takes its place. */
  add(head: string): void {
    if (!this.read(head)) throw new TypeError(`not a head: ${head.slice(0, 80)}`);
    if ((this.count + 1) * HEAD_BYTES > this.heads.length) {
      const grown = Buffer.alloc(this.heads.length * 2);
      this.heads.copy(grown);
      this.heads = grown;
    }
    this.scratch.copy(this.heads, this.count * HEAD_BYTES);
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(this.count - 1);
  }

  /** The position of the latest line with this head, or undefined. */
  positionOf(head: string): number | undefined {
    if (!this.read(head)) return undefined;
    const mask = this.slots.length - 1;
    for (let slot = this.scratch.readUInt32LE(0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] ?? 0;
      if (held === 0) return undefined;
      if (this.equals(held - 1)) return held - 1;
    }
  }

  private read(head: string): boolean {
    return head.length === HEAD_BYTES * 2 && this.scratch.write(head, "hex") === HEAD_BYTES;
  }

  private equals(position: number): boolean {
    return this.heads.compare(this.scratch, 0, HEAD_BYTES, position * HEAD_BYTES, (position + 1) * HEAD_BYTES) === 0;
  }

  /** Puts the line at `position` in its slot: the first empty one, or the one of an earlier line with its head. */
  private place(position: number): void {
    const mask = this.slots.length - 1;
    const start = position * HEAD_BYTES;
    for (let slot = this.heads.readUInt32LE(start) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] ?? 0;
      if (
        held === 0 ||
        this.heads.compare(this.heads, start, start + HEAD_BYTES, (held - 1) * HEAD_BYTES, held * HEAD_BYTES) === 0
      ) {
        this.slots[slot] = position + 1;
        return;
      }
    }
  }

  private rehash(size: number): void {
    this.slots = new Uint32Array(size);
    for (let position = 0; position < this.count; position += 1) this.place(position);
  }
}
