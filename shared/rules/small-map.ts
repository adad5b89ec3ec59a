/**
 * A string-keyed map for the handful of codes per number and keywords per code: two parallel arrays
 * with a linear scan. Much smaller than a Map per entry, which matters with millions of numbers.
 *
 * Inserts replace the arrays with exact-size copies instead of pushing: V8 grows an empty array to
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

export class SmallMap<V> {
  k: readonly string[] = EMPTY;
  v: V[] = EMPTY as never[];

  get size(): number {
    return this.k.length;
  }

  /** A plain loop: the optimiser inlines it, while indexOf is a builtin call per lookup. */
  private find(key: string): number {
    const k = this.k;
    for (let i = 0; i < k.length; i++) if (k[i] === key) return i;
    return -1;
  }

  get(key: string): V | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.v[i];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  set(key: string, value: V): this {
    const i = this.find(key);
    if (i < 0) {
      this.k = append(this.k, key);
      this.v = append(this.v, value);
    } else this.v[i] = value;
    return this;
  }

  delete(key: string): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    this.k = this.k.filter((_, j) => j !== i);
    this.v = this.v.filter((_, j) => j !== i);
    return true;
  }

  values(): readonly V[] {
    return this.v;
  }

  keys(): readonly string[] {
    return this.k;
  }

  entries(): [string, V][] {
    return this.k.map((key, i) => [key, this.v[i]!]);
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries()[Symbol.iterator]();
  }
}
