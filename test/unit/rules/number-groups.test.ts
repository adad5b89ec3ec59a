/** groupByNumber and stableOrderBy against naive reference implementations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../../shared/model';
import { groupByNumber, stableOrderBy } from '../../../shared/rules/number-groups';

const events = (numbers: readonly string[]): ScenarioEvent[] =>
  numbers.map((mobileNumber, i) => ({ id: `e${i}`, at: '2025-01-01T00:00:00Z', mobileNumber, type: 'api.contact' }) as ScenarioEvent);

/** Groups in first-seen order, positions in order within each. */
const reference = (numbers: readonly string[], order: Uint32Array): number[][] => {
  const groups = new Map<string, number[]>();
  order.forEach((_, p) => {
    const m = numbers[order[p]!]!;
    const g = groups.get(m);
    if (g) g.push(p);
    else groups.set(m, [p]);
  });
  return [...groups.values()];
};

const actual = (numbers: readonly string[], order: Uint32Array): number[][] => {
  const { positions, starts } = groupByNumber(events(numbers), order);
  const out: number[][] = [];
  for (let g = 0; g + 1 < starts.length; g++) out.push([...positions.subarray(starts[g], starts[g + 1])]);
  return out;
};

// Digit strings that collide numerically but not as text ("0123"/"123"), too long ones, and non-digits.
const number = fc.oneof(
  fc.constantFrom('15550000001', '015550000001', '15550000001 ', '+15550000001', '1', '0', '', '1234567890123456', '999999999999999'),
  fc.integer({ min: 1, max: 40 }).map((i) => String(15_550_000_000 + i)),
  fc.stringMatching(/^[0-9]{1,17}$/),
);

describe('groupByNumber', () => {
  it('groups positions by number in first-seen order, stable within a group', () => {
    fc.assert(fc.property(fc.array(number, { maxLength: 60 }), fc.boolean(), (numbers, reversed) => {
      const order = Uint32Array.from(numbers.map((_, i) => (reversed ? numbers.length - 1 - i : i)));
      expect(actual(numbers, order)).toEqual(reference(numbers, order));
    }), { numRuns: 300 });
  });

  it('grows past its initial table and counts (5,000 numbers, 3 events each)', () => {
    const numbers = Array.from({ length: 15_000 }, (_, i) => String(447_700_000_000 + ((i * 7) % 5_000)));
    const order = Uint32Array.from(numbers.keys());
    expect(actual(numbers, order)).toEqual(reference(numbers, order));
  });
});

describe('stableOrderBy', () => {
  it('sorts indices by key, ties in index order', () => {
    fc.assert(fc.property(fc.array(fc.nat(20)), (keys) => {
      const expected = keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
      expect([...stableOrderBy(Uint32Array.from(keys), keys.length, 21)]).toEqual(expected);
    }));
  });
});
