import { describe, expect, it } from 'vitest';
import { keyOrder } from '../../../electron/backend/import/key-order';

/** The plain stable sort keyOrder must equal. */
const reference = (keys: readonly number[]): number[] => keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);

describe('keyOrder', () => {
  let seed = 11;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const keysOf = (n: number, distinct: number): number[] =>
    Array.from({ length: n }, () => (rnd() < 0.02 ? -1 : 155_500_000_000_000 + Math.floor(rnd() * distinct) * 7_919));

  it('sorts by key and keeps ties in insertion order (packed path, up to 16,384 records)', () => {
    for (const [n, distinct] of [[0, 1], [1, 1], [2, 1], [1000, 50], [8192, 5000], [16_384, 100_000]] as const) {
      const keys = keysOf(n, distinct);
      expect(Array.from(keyOrder(Float64Array.from(keys), n))).toEqual(reference(keys));
    }
  });

  it('handles the extreme keys exactly: -1, 0 and 10^15 - 1, and keys one apart', () => {
    const keys = [999_999_999_999_999, -1, 0, 999_999_999_999_998, 262_143, 262_144, 262_145, -1, 0, 999_999_999_999_999];
    expect(Array.from(keyOrder(Float64Array.from(keys), keys.length))).toEqual(reference(keys));
  });

  it('sorts larger buckets with the comparator, with the same result', () => {
    const keys = keysOf(40_000, 3000);
    expect(Array.from(keyOrder(Float64Array.from(keys), keys.length))).toEqual(reference(keys));
  });

  it('orders only the first n keys of a longer array', () => {
    const keys = Float64Array.from([5, 3, 1, 0, -1]);
    expect(Array.from(keyOrder(keys, 3))).toEqual([2, 1, 0]);
  });
});
