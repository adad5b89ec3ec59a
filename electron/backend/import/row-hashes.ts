/**
 * Duplicate-row detection without keeping rows alive: a 64-bit hash of each record's fields (cyrb53's
 * two 32-bit lanes, both kept) in an open-addressing table of typed arrays. A Map keyed by a 53-bit
 * number boxed every key as a heap number and grew a hash table of 1M+ objects, which was a visible
 * share of a million-row load (hashing + Map upkeep + GC); this costs ~12 bytes per slot and no garbage.
 */

const EMPTY = 0; // lines are 1-based physical line numbers, so 0 never names a row
/**
 * Int32s per slot: h1, h2, line side by side, so a probe touches one cache line, not three (one per
 * array): with a table of millions of slots each probe is a cache miss, and three of them were ~0.3 s
 * of a 1M-row load's parse worker.
 */
const STRIDE = 3;

export class RowHashes {
  size = 0;
  private mask: number;
  private slots: Int32Array;
  private h1 = 0;
  private h2 = 0;

  /** Slots for a file of this size: two per row at ~150 bytes a row, between 64k and 4M (48 MB). */
  static slotsFor(fileBytes: number): number {
    let slots = 1 << 16;
    while (slots < (2 * fileBytes) / 150 && slots < 1 << 22) slots *= 2;
    return slots;
  }

  constructor(initialSlots = 1 << 16) {
    this.mask = initialSlots - 1;
    this.slots = new Int32Array(initialSlots * STRIDE);
  }

  /**
   * The line of an earlier identical record, or undefined (then this record is remembered at `line`
   * unless `remember` is false). Fields are hashed in place with a separator: no joined string.
   */
  firstLine(f: readonly string[], line: number, remember: boolean): number | undefined {
    this.hash(f);
    return this.firstLineOf(this.h1, this.h2, line, remember);
  }

  /** As firstLine, for a record whose hash was taken elsewhere (its bytes: record-bytes.ts). */
  firstLineOf(h1: number, h2: number, line: number, remember: boolean): number | undefined {
    const t = this.slots;
    let i = h1 & this.mask;
    for (;;) {
      const l = t[i * STRIDE + 2]!;
      if (l === EMPTY) break;
      if (t[i * STRIDE] === h1 && t[i * STRIDE + 1] === h2) return l;
      i = (i + 1) & this.mask;
    }
    if (!remember) return undefined;
    t[i * STRIDE] = h1;
    t[i * STRIDE + 1] = h2;
    t[i * STRIDE + 2] = line;
    if (++this.size * 2 > this.mask) this.grow(); // load factor ≤ 0.5 keeps probes short
    return undefined;
  }

  /**
   * Reads the home slot of records `from…to` of a batch's hashes (h1, h2 pairs) ahead of their probes.
   * These loads do not depend on one another, so the CPU overlaps their cache misses; the probes one
   * at a time each waited for theirs. Returns a sum only so the loads are not optimized away.
   */
  warm(hashes: Int32Array, from: number, to: number): number {
    const t = this.slots;
    const mask = this.mask;
    let sum = 0;
    for (let r = from; r < to; r++) sum += t[(hashes[2 * r]! & mask) * STRIDE + 2]!;
    return sum;
  }

  private hash(f: readonly string[]): void {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let k = 0; k < f.length; k++) {
      const s = f[k]!;
      // Two UTF-16 units per step (one 32-bit word): half the multiplies of one unit per step.
      const even = s.length & ~1;
      for (let i = 0; i < even; i += 2) {
        const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      if (even !== s.length) {
        const c = s.charCodeAt(even) | 0x10000; // marks the odd tail, so "a" + "" ≠ "" + "a"
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      // Field separator, so ["a", "bc"] and ["ab", "c"] differ.
      h1 = Math.imul(h1 ^ 1, 2654435761);
      h2 = Math.imul(h2 ^ 1, 1597334677);
    }
    const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    this.h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    this.h1 = a;
  }

  private grow(): void {
    const old = this.slots;
    const slots = (old.length / STRIDE) * 2;
    this.mask = slots - 1;
    const t = (this.slots = new Int32Array(slots * STRIDE));
    for (let j = 0; j < old.length; j += STRIDE) {
      if (old[j + 2] === EMPTY) continue;
      let i = old[j]! & this.mask;
      while (t[i * STRIDE + 2] !== EMPTY) i = (i + 1) & this.mask;
      t[i * STRIDE] = old[j]!;
      t[i * STRIDE + 1] = old[j + 1]!;
      t[i * STRIDE + 2] = old[j + 2]!;
    }
  }
}
