/**
 * Replay order regrouped by mobile number. Numbers never interact in the engine (every rule reads and
 * writes only its own number's state), so replaying one number's events after another's gives the
 * same state as the time-ordered interleaving — but keeps that number's state hot in the CPU cache
 * instead of touching a cold number on every event (~35 % of a 100k-number replay's time).
 */
import type { ScenarioEvent } from '../model';

export interface NumberGroups {
  /** Positions in replay order, grouped by number; within a group in replay order. */
  readonly positions: Uint32Array;
  /** Group g spans positions[starts[g] .. starts[g + 1]). Groups follow each number's first event. */
  readonly starts: Uint32Array;
}

export const groupByNumber = (events: readonly ScenarioEvent[], order: Uint32Array): NumberGroups => {
  const ids = new Map<string, number>();
  const groupOf = new Uint32Array(order.length);
  let counts = new Uint32Array(1024);
  let last = '';
  let lastId = -1;
  for (let p = 0; p < order.length; p++) {
    const m = events[order[p]!]!.mobileNumber;
    // Exports sorted by number repeat it event after event: skip the hash lookup then.
    let id = m === last ? lastId : ids.get(m);
    if (id === undefined) {
      id = ids.size;
      ids.set(m, id);
      if (id >= counts.length) {
        const grown = new Uint32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    last = m;
    lastId = id;
    groupOf[p] = id;
    counts[id]!++;
  }
  // Counting sort by group, stable: a group's positions stay in replay order.
  const starts = new Uint32Array(ids.size + 1);
  for (let g = 0; g < ids.size; g++) starts[g + 1] = starts[g]! + counts[g]!;
  const next = starts.slice(0, ids.size);
  const positions = new Uint32Array(order.length);
  for (let p = 0; p < order.length; p++) positions[next[groupOf[p]!]!++] = p;
  return { positions, starts };
};

/** Indices 0..n-1 stably sorted by `keys` (small non-negative integers below `bound`): counting sort. */
export const stableOrderBy = (keys: Uint32Array, n: number, bound: number): Uint32Array => {
  const at = new Uint32Array(bound + 1);
  for (let i = 0; i < n; i++) at[keys[i]! + 1]!++;
  for (let k = 0; k < bound; k++) at[k + 1]! += at[k]!;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[at[keys[i]!]!++] = i;
  return out;
};
