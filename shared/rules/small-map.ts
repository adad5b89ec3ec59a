/**
 * A map for the handful of codes per number and keywords per code: one array of entries that carry
 * their own key, scanned linearly. Much smaller than a Map per entry, which matters with millions of
 * numbers; and one array, not a key array beside a value array (a 1M-event replay keeps ~300k maps,
 * and each array is two objects for the GC to copy).
 *
 * Inserts replace the array with an exact-size copy instead of pushing: V8 grows an empty array to
 * 17 slots on the first push, which cost ~300 bytes per map (and GC time) for one or two entries.
 * Empty maps share one empty array, which is never written (only replaced).
 */
const EMPTY: readonly never[] = [];

/** An exact-size copy plus one: literals for the usual one or two entries (concat is a slow builtin call). */
const append = <T>(xs: readonly T[], x: T): T[] => {
  switch (xs.length) {
    case 0: return [x];
    case 1: return [xs[0]!, x];
    case 2: return [xs[0]!, xs[1]!, x];
    default: return xs.concat([x]);
  }
};

export interface Keyed {
  readonly key: string;
}

export class SmallMap<V extends Keyed> {
  v: V[] = EMPTY as never[];

  get size(): number {
    return this.v.length;
  }

  /** A plain loop: the optimiser inlines it, while findIndex is a builtin call per lookup. */
  private find(key: string): number {
    const v = this.v;
    for (let i = 0; i < v.length; i++) if (v[i]!.key === key) return i;
    return -1;
  }

  get(key: string): V | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.v[i];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Adds the entry, or replaces the one with the same key (in place, keeping insertion order). */
  put(value: V): this {
    const i = this.find(value.key);
    if (i < 0) this.v = append(this.v, value);
    else this.v[i] = value;
    return this;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    this.v = this.v.filter((_, j) => j !== i);
    return true;
  }

  /** The entries in insertion order (the map's own array: do not modify). */
  values(): readonly V[] {
    return this.v;
  }
}
