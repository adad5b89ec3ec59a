/**
 * The order that sorts a run bucket's records by number key, ties kept in insertion order (one
 * number's rows keep their file order). Used by RowChunkEncoder.sortRecords (import/run-order.ts).
 */

/** Records a bucket sorts with one native sort: the record's index takes the composite key's low 14 bits. */
const PACKED_MAX = 1 << 14;
const LOW_BITS = 2 ** 18;
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Indices 0..n-1 ordered by `keys` (integers from -1 up to 10^15 - 1: numberSortKey), stable.
 * Up to 16,384 records each key and index are packed into one 64-bit integer, (key + 1) · 2^14 + i,
 * and sorted natively as a BigUint64Array; written and read as two uint32 words, so no BigInt is made
 * per record. A comparator sort of 8k indices cost ~3 times as much.
 */
export function keyOrder(keys: Float64Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n <= PACKED_MAX && littleEndian) {
    const packed = new BigUint64Array(n);
    const words = new Uint32Array(packed.buffer);
    for (let i = 0; i < n; i++) {
      // (key + 1) < 2^50 splits into hi = its bits above 18 (< 2^32) and lo = its low 18 bits · 2^14 + i.
      const k = keys[i]! + 1;
      const low = k % LOW_BITS;
      words[2 * i] = low * PACKED_MAX + i;
      words[2 * i + 1] = (k - low) / LOW_BITS;
    }
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = words[2 * i]! & (PACKED_MAX - 1);
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}
